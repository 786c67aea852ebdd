// The change log of one dossier or actiepunt: when, which edit, which field from what to what.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/domain';
import { auditName, describeCall, t, type Lang } from '../../shared/i18n';
import { invoke } from '../client';
import { formatTakenAt } from '../views/BeheerView';
import { useRegister } from '../stores/register';

const show = (value: unknown): string => (value === null || value === undefined ? '–' : String(value));

export function AuditTrail({ lang, kind, number }: { lang: Lang; kind: 'dossier' | 'actiepunt'; number: number }) {
  const version = useRegister((s) => s.version);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  useEffect(() => {
    const request = kind === 'dossier' ? invoke('dossier.audit', { number }) : invoke('actiepunt.audit', { number });
    void request.then((r) => r.ok && setEntries(r.value));
  }, [kind, number, version]);
  return (
    <details className="audit">
      <summary>
        {t(lang, 'auditTrail')} <span className="count">({entries.length})</span>
      </summary>
      {entries.length === 0 ? (
        <p className="muted">{t(lang, 'auditEmpty')}</p>
      ) : (
        <ol className="timeline" data-testid={`${kind}-audit`}>
          {entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{formatTakenAt(localTime(e.at))}</time> {describeCall(lang, e.call, e.item)} · {auditName(lang, e.table)}
              {e.author && <span className="muted"> · {t(lang, 'auditBy', { name: e.author.name, role: t(lang, `role_${e.author.role}`) })}</span>}
              <ul>
                {e.changes.map((c) => (
                  <li key={c.field}>
                    {auditName(lang, c.field)}: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

/** Audit times are stored as UTC instants; show them in local time, as YYYY-MM-DDTHH:MM. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
