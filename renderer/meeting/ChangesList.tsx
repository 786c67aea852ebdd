// "Wat is er veranderd sinds de vorige TB": every change between the previous meeting as it was
// left and now (or this meeting's close), each with when and by whom.
import { Heading } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { useMeeting } from '../stores/meeting';
import { useUi } from '../stores/ui';
import { describeChange } from '../../shared/meeting-text';
import { localTimestamp } from './describe';

export function ChangesList() {
  const lang = useUi((s) => s.lang);
  const changes = useMeeting((s) => s.changes);
  if (!changes) return null;
  const from = changes.since.meeting ?? t(lang, 'changesStart');
  const until = changes.until.frozen ? t(lang, 'changesFrozen') : t(lang, 'changesNow');
  return (
    <section aria-labelledby="changes-heading" data-testid="changes-since">
      <Heading level={3} id="changes-heading">{t(lang, 'changesSince')}</Heading>
      <p className="muted">{t(lang, 'changesSinceFrom', { from, until })}</p>
      {changes.lines.length === 0 ? (
        <p>{t(lang, 'changesNone')}</p>
      ) : (
        <ul className="changes">
          {changes.lines.map((line, i) => (
            <li key={i}>
              {describeChange(lang, line)}
              {line.at && (
                <span className="muted">
                  {' '}
                  · <span className="date">{localTimestamp(line.at)}</span>
                  {line.by && <> {t(lang, 'changeByName', { name: line.by.name })}</>}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
