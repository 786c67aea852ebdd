// Besluitenlijst: every besluit across the TB's meetings, searchable and filtered by year and
// dossier, each linked to its meeting and its dossiers, and showing what replaced it.
import { useEffect, useId, useState } from 'react';
import { Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import type { Decision } from '../../shared/meeting';
import { invoke } from '../client';
import { FieldError, NativeSelect } from '../components/fields';
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
      <Heading level={2} id="decisions-heading">
        {t(lang, 'besluiten')} <span className="count">({rows.length})</span>
      </Heading>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t(lang, 'decisionSearch')}</label>
          <TextInput id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} data-testid="decision-search" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t(lang, 'year')}</label>
          <NativeSelect id={`${id}-year`} value={year} onChange={(e) => setYear(e.target.value)}>
            <option value="">{t(lang, 'allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dossier`}>{t(lang, 'dossier')}</label>
          <TextInput id={`${id}-dossier`} size={6} inputMode="numeric" value={dossier} onChange={(e) => setDossier(e.target.value)} aria-describedby={error ? `${id}-error` : undefined} invalid={error ? true : undefined} />
        </div>
      </div>
      <FieldError id={`${id}-error`} error={error} />
      {rows.length === 0 ? (
        <p className="empty-state">{t(lang, 'noDecisions')}</p>
      ) : (
        <Table className="register-table" data-testid="decision-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t(lang, 'meetingNumber')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'decisionText')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'meeting')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'dossiers')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((d, i) => (
              <TableRow key={`${d.meeting}-${d.number ?? i}`} className={d.replacedBy ? 'is-replaced' : undefined}>
                <TableHeaderCell scope="row" className="nowrap">
                  {d.number ?? <span className="muted">{t(lang, 'decisionUnnumbered')}</span>}
                  {d.meetingState !== 'vastgesteld' && (
                    <>
                      {' '}
                      <span className="badge meeting-concept" title={t(lang, `state_${d.meetingState}`)}>
                        {t(lang, 'concept')}
                      </span>
                    </>
                  )}
                </TableHeaderCell>
                <TableCell>
                  {d.text}
                  {d.replaces && <p className="link-note">{t(lang, d.replaces.kind === 'vervangt' ? 'replaces' : 'withdraws', { decision: d.replaces.decision })}</p>}
                  {d.replacedBy && (
                    <p className="replaced">
                      {t(lang, d.replacedBy.kind === 'vervangt' ? 'replacedBy' : 'withdrawnBy', { decision: d.replacedBy.decision || t(lang, 'decisionUnnumbered'), meeting: d.replacedBy.meeting })}
                    </p>
                  )}
                </TableCell>
                <TableCell className="nowrap">
                  <LinkButton inline onClick={() => useUi.getState().openMeeting(d.meeting)}>
                    {d.meeting}
                  </LinkButton>
                  <br />
                  <span className="muted">
                    {formatDutchDate(d.date)} · {t(lang, 'itemLabel', { number: d.item.number, title: d.item.title })}
                  </span>
                </TableCell>
                <TableCell>
                  {d.dossiers.map((n) => (
                    <button key={n} type="button" className="chip" onClick={() => useUi.getState().openDossier(n)}>
                      {t(lang, 'linkedDossier', { number: n })}
                    </button>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
