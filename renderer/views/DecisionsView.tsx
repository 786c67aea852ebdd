// Besluitenlijst: every besluit across the TB's meetings, searchable and filtered by year and
// dossier, each linked to its meeting and its dossiers, and showing what replaced it.
import { useEffect, useId, useState } from 'react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import type { Decision } from '../../shared/meeting';
import { invoke } from '../client';
import { FieldError } from '../components/fields';
import { describeError } from '../error-text';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export function DecisionsView() {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const { meetings, version } = useRegister();
  const [search, setSearch] = useState('');
  const [year, setYear] = useState('');
  const [dossier, setDossier] = useState('');
  const [rows, setRows] = useState<Decision[]>([]);
  const [error, setError] = useState<string | null>(null);
  const years = [...new Set(meetings.map((m) => Number(m.date.slice(0, 4))))].sort((a, b) => b - a);
  useEffect(() => {
    let live = true;
    const input = {
      search,
      ...(year ? { year: Number(year) } : {}),
      ...(dossier.trim() ? { dossier: /^\d+$/.test(dossier.trim()) ? Number(dossier) : (dossier as unknown as number) } : {}),
    };
    void invoke('decision.list', input).then((r) => {
      if (!live) return;
      setRows(r.ok ? r.value : []);
      setError(r.ok ? null : describeError(lang, r.error));
    });
    return () => {
      live = false;
    };
  }, [search, year, dossier, version, lang]);
  return (
    <section aria-labelledby="decisions-heading" className="view">
      <h2 id="decisions-heading">
        {t(lang, 'besluiten')} <span className="count">({rows.length})</span>
      </h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t(lang, 'decisionSearch')}</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="decision-search" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t(lang, 'year')}</label>
          <select id={`${id}-year`} value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t(lang, 'allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dossier`}>{t(lang, 'dossier')}</label>
          <input id={`${id}-dossier`} size={6} inputMode="numeric" value={dossier} onChange={(e) => setDossier(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} />
        </div>
      </div>
      <FieldError id={`${id}-error`} error={error} />
      {rows.length === 0 ? (
        <p className="empty-state">{t(lang, 'noDecisions')}</p>
      ) : (
        <table className="register-table" data-testid="decision-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'meetingNumber')}</th>
              <th scope="col">{t(lang, 'decisionText')}</th>
              <th scope="col">{t(lang, 'meeting')}</th>
              <th scope="col">{t(lang, 'dossiers')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d, i) => (
              <tr key={`${d.meeting}-${d.number ?? i}`} className={d.replacedBy ? 'is-replaced' : undefined}>
                <th scope="row" className="nowrap">
                  {d.number ?? <span className="muted">{t(lang, 'decisionUnnumbered')}</span>}
                  {d.meetingState !== 'vastgesteld' && (
                    <>
                      {' '}
                      <span className="badge meeting-concept" title={t(lang, `state_${d.meetingState}`)}>
                        {t(lang, 'concept')}
                      </span>
                    </>
                  )}
                </th>
                <td>
                  {d.text}
                  {d.replaces && <p className="link-note">{t(lang, d.replaces.kind === 'vervangt' ? 'replaces' : 'withdraws', { decision: d.replaces.decision })}</p>}
                  {d.replacedBy && (
                    <p className="replaced">
                      {t(lang, d.replacedBy.kind === 'vervangt' ? 'replacedBy' : 'withdrawnBy', { decision: d.replacedBy.decision || t(lang, 'decisionUnnumbered'), meeting: d.replacedBy.meeting })}
                    </p>
                  )}
                </td>
                <td className="nowrap">
                  <button type="button" className="link" onClick={() => useUi.getState().openMeeting(d.meeting)}>
                    {d.meeting}
                  </button>
                  <br />
                  <span className="muted">
                    {formatDutchDate(d.date)} · {t(lang, 'itemLabel', { number: d.item.number, title: d.item.title })}
                  </span>
                </td>
                <td>
                  {d.dossiers.map((n) => (
                    <button key={n} type="button" className="chip" onClick={() => useUi.getState().openDossier(n)}>
                      {t(lang, 'linkedDossier', { number: n })}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
