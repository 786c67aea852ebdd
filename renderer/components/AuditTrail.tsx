// The change history of one dossier or actiepunt: when, which edit, which field from what to what.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../shared/domain';
import { auditName, auditShown, describeCall, t, type Lang } from '../../shared/i18n';
import { invoke } from '../client';
import { formatDutchDate } from '../../shared/dates';
import { localTimestamp } from '../meeting/describe';
import { useRegister } from '../stores/register';

/** A stored value as the user reads it: dates as dd-mm-jjjj (the history showed ISO 2024-05-15, issue 14), yes/no in words. */
function show(lang: Lang, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDutchDate(value);
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  return String(value);
}

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
              <time dateTime={e.at}>{localTimestamp(e.at)}</time> {describeCall(lang, e.call, e.item)} · {auditName(lang, e.table)}
              {e.author && <span className="muted"> · {t(lang, 'auditBy', { name: e.author.name, role: t(lang, `role_${e.author.role}`) })}</span>}
              <ul>
                {e.changes.filter((c) => auditShown(c.field)).map((c) => (
                  <li key={c.field}>
                    {auditName(lang, c.field)}: {show(lang, c.before)} → {show(lang, c.after)}
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
