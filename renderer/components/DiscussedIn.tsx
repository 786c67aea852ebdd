// "Besproken in": the meetings whose agenda was about a dossier or actiepunt, with the remarks and
// besluiten recorded about it there.
import { useEffect, useState } from 'react';
import { Heading, LinkButton } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t, type Lang } from '../../shared/i18n';
import type { Discussion } from '../../shared/meeting';
import { invoke } from '../client';
import { OutcomeLine } from '../meeting/OutcomeList';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export function DiscussedIn({ lang, kind, number }: { lang: Lang; kind: 'dossier' | 'actiepunt'; number: number }) {
  const version = useRegister((s) => s.version);
  const [list, setList] = useState<Discussion[]>([]);
  useEffect(() => {
    let live = true;
    void invoke('meeting.discussions', kind === 'dossier' ? { dossier: number } : { actiepunt: number }).then((r) => live && setList(r.ok ? r.value : []));
    return () => {
      live = false;
    };
  }, [kind, number, version]);
  const headingId = `${kind}-discussed-heading`;
  return (
    <section aria-labelledby={headingId} data-testid={`${kind}-discussed`}>
      <Heading level={3} id={headingId}>{t(lang, 'discussedIn')}</Heading>
      {list.length === 0 ? (
        <p className="muted">{t(lang, 'notDiscussed')}</p>
      ) : (
        <ul className="discussions">
          {list.map((d) => (
            <li key={`${d.meeting}-${d.item.number}`}>
              <LinkButton inline onClick={() => useUi.getState().openMeeting(d.meeting)}>
                {d.meeting}
              </LinkButton>{' '}
              <span className="muted">
                {formatDutchDate(d.date)} · {t(lang, 'itemLabel', { number: d.item.number, title: d.item.title })}
              </span>
              {d.outcomes.length > 0 && (
                <ul>
                  {d.outcomes.map((o) => (
                    <li key={o.id}>
                      <OutcomeLine outcome={o} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
