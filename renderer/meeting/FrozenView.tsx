// The meeting as it was kept (when its agenda was vastgesteld, when it was afgerond): its agenda
// and outcomes then, and the priority dossiers as the register held them, read-only, whatever
// changed since.
import { useEffect, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import type { FreezeStage, Meeting } from '../../shared/meeting';
import { formatPhase } from '../../shared/phase';
import { valueOn } from '../../shared/report/snapshot';
import { useMeeting } from '../stores/meeting';
import { useUi } from '../stores/ui';
import { describeOutcome } from '../../shared/meeting-text';
import { localTimestamp } from './describe';

export function FrozenView({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const { frozen, loadFrozen } = useMeeting();
  const [stage, setStage] = useState<FreezeStage | null>(null);
  useEffect(() => void loadFrozen(meeting.number, stage), [stage, meeting.number, meeting.freezes.length, loadFrozen]);
  return (
    <section aria-labelledby="frozen-heading" data-testid="frozen-view">
      <Heading level={3} id="frozen-heading">{t(lang, 'frozenView')}</Heading>
      {meeting.freezes.length === 0 ? (
        <p className="muted">{t(lang, 'frozenNone')}</p>
      ) : (
        <div role="group" aria-label={t(lang, 'frozenShow')} className="item-actions">
          {meeting.freezes.map((f) => (
            <Button appearance="secondary-action-button" key={f.stage} className="small" aria-pressed={stage === f.stage} onClick={() => setStage(stage === f.stage ? null : f.stage)}>
              {t(lang, `frozenStage_${f.stage}`)}
            </Button>
          ))}
        </div>
      )}
      {stage && frozen && frozen.stage === stage && frozen.meeting === meeting.number && (
        <div className="frozen" data-testid="frozen-content">
          <p className="muted">{t(lang, 'frozenAt', { when: localTimestamp(frozen.at), hash: frozen.hash.slice(0, 12) })}</p>
          <ol className="frozen-agenda">
            {frozen.record.items.map((i) => (
              <li key={i.id} value={i.number}>
                {i.title}
                {i.outcomes.length > 0 && (
                  <ul>
                    {i.outcomes.map((o) => (
                      <li key={o.id}>{describeOutcome(lang, o)}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <Heading level={4}>{t(lang, 'frozenDossiers')}</Heading>
          <ul className="frozen-dossiers">
            {frozen.snapshot.dossiers
              .map((d) => ({ d, p: valueOn(d.priorities, meeting.date) }))
              .filter(({ p }) => p?.priority)
              .sort((a, b) => (a.p!.rank ?? 1e9) - (b.p!.rank ?? 1e9) || a.d.number - b.d.number)
              .map(({ d, p }) => (
                <li key={d.number}>
                  {p!.rank !== null && <span className="rank">{p!.rank}</span>} {d.number}. {d.title} – {formatPhase(valueOn(d.phases, meeting.date), lang)}
                </li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
