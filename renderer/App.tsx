// The first screen: the register's dossiers and actiepunten, read through the contract.
import { useEffect } from 'react';
import { formatDutchDate, formatShortDutchDate } from '../shared/dates';
import type { Actiepunt, DossierSummary, Hoofddossier } from '../shared/domain';
import { t, type Lang } from '../shared/i18n';
import { formatPhase } from '../shared/phase';
import { useRegisterView } from './store';

export function App() {
  const { lang, loading, error, info, dossiers, actiepunten, hoofddossiers, setLang, load } = useRegisterView();

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    document.documentElement.lang = lang === 'nl' ? 'nl-NL' : 'en';
    document.title = info?.jaarplan ? `${t(lang, 'appTitle')} · ${info.jaarplan.title}` : t(lang, 'appTitle');
  }, [lang, info]);

  const referenceDate = info?.jaarplan?.referenceDate;
  return (
    <>
      <header className="app-header">
        <div>
          <h1>{t(lang, 'appTitle')}</h1>
          {info?.jaarplan && (
            <p className="subtitle">
              {info.jaarplan.title} · {info.jaarplan.board}
            </p>
          )}
        </div>
        <label className="lang-switch">
          {t(lang, 'language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <main>
        {error && (
          <p role="alert" className="error">
            {t(lang, 'callFailed', { message: error.message })}
          </p>
        )}
        {loading && !error && <p aria-live="polite">{t(lang, 'loading')}</p>}
        {!loading && !error && (
          <>
            <DossierTable lang={lang} dossiers={dossiers} hoofddossiers={hoofddossiers} referenceDate={referenceDate} />
            <ActiepuntTable lang={lang} actiepunten={actiepunten} />
          </>
        )}
      </main>
      {info && <footer className="app-footer">{t(lang, 'registerAt', { path: info.path })}</footer>}
    </>
  );
}

function DossierTable(props: { lang: Lang; dossiers: DossierSummary[]; hoofddossiers: Hoofddossier[]; referenceDate?: string }) {
  const { lang, dossiers, hoofddossiers, referenceDate } = props;
  const hoofddossierTitle = new Map(hoofddossiers.map((h) => [h.id, h.title]));
  return (
    <section aria-labelledby="dossiers-heading">
      <h2 id="dossiers-heading">
        {t(lang, 'dossiers')} <span className="count">{t(lang, 'countDossiers', { count: dossiers.length })}</span>
      </h2>
      <table className="register-table" data-testid="dossier-table">
        <thead>
          <tr>
            <th scope="col" className="num">{t(lang, 'number')}</th>
            <th scope="col">{t(lang, 'dossier')}</th>
            <th scope="col">{t(lang, 'phaseNow')}</th>
            <th scope="col">{t(lang, 'phaseOn', { date: referenceDate ? formatShortDutchDate(referenceDate) : '-' })}</th>
            <th scope="col">{t(lang, 'priority')}</th>
            <th scope="col">{t(lang, 'hoofddossier')}</th>
          </tr>
        </thead>
        <tbody>
          {dossiers.map((d) => (
            <tr key={d.number} className={d.priority ? 'priority' : undefined}>
              <td className="num">{d.number}</td>
              <th scope="row">{d.title}</th>
              <td>{formatPhase(d.phase, lang)}</td>
              <td>{formatPhase(d.phaseOnReference, lang)}</td>
              <td>
                {d.priority ? t(lang, 'yes') : t(lang, 'no')}
                {d.priorityRank !== null && ` (${t(lang, 'rank', { rank: d.priorityRank })})`}
              </td>
              <td>{d.hoofddossierId === null ? '' : hoofddossierTitle.get(d.hoofddossierId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function deadlineText(a: Actiepunt): string {
  if (a.deadline?.kind === 'date') return formatDutchDate(a.deadline.date);
  if (a.deadline?.kind === 'text') return a.deadline.text;
  return a.remarks ?? '-';
}

function ActiepuntTable({ lang, actiepunten }: { lang: Lang; actiepunten: Actiepunt[] }) {
  return (
    <section aria-labelledby="actiepunten-heading">
      <h2 id="actiepunten-heading">
        {t(lang, 'actiepunten')} <span className="count">{t(lang, 'countActiepunten', { count: actiepunten.length })}</span>
      </h2>
      <table className="register-table" data-testid="actiepunt-table">
        <thead>
          <tr>
            <th scope="col" className="num">{t(lang, 'number')}</th>
            <th scope="col">{t(lang, 'actiepunt')}</th>
            <th scope="col">{t(lang, 'owner')}</th>
            <th scope="col">{t(lang, 'deadline')}</th>
            <th scope="col">{t(lang, 'status')}</th>
          </tr>
        </thead>
        <tbody>
          {actiepunten.map((a) => (
            <tr key={a.number}>
              <td className="num">{a.number}</td>
              <td>
                {a.text.split('\n').map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
                {a.subPoints.length > 0 && (
                  <ul>
                    {a.subPoints.map((s, i) => (
                      <li key={i}>{s}</li>
                    ))}
                  </ul>
                )}
                {a.dossier !== null && <p className="link-note">{t(lang, 'linkedDossier', { number: a.dossier })}</p>}
              </td>
              <td>{a.owners.length ? a.owners.join('/') : '-'}</td>
              <td>{deadlineText(a)}</td>
              <td>{t(lang, `status_${a.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
