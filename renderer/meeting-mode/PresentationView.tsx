// The presentation view (issue 12): a second window or tab, read-only, for the projector. It
// follows the chair's current item (kept in the computer's local storage by the meeting mode;
// the storage event reaches every other page of the same origin) and re-reads the meeting the
// moment the register changes (the shell's change notifications). Large type, nothing to click.
import { useEffect, useState } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import type { Meeting } from '../../shared/meeting';
import type { DossierSummary } from '../../shared/domain';
import { formatPhase } from '../../shared/phase';
import { invoke, onRegisterChanged } from '../client';
import { describeOutcome } from '../../shared/meeting-text';
import { useUi } from '../stores/ui';
import { keptPlace, PLACE_KEY } from './place';

export function PresentationView({ number }: { number: string }) {
  const lang = useUi((s) => s.lang);
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [dossiers, setDossiers] = useState<DossierSummary[]>([]);
  const [itemId, setItemId] = useState<number | null>(() => keptPlace(number));

  // What the projector shows of the register: the meeting (without its actiepuntenlijst) and the
  // dossiers its agenda is about, read again after every change (never the whole register).
  useEffect(() => {
    const read = async () => {
      const got = await invoke('meeting.get', { number, actiepuntenlijst: false });
      if (!got.ok) return;
      const numbers = [...new Set(got.value.items.flatMap((i) => i.links.dossiers))];
      const list = numbers.length ? await invoke('dossier.list', { numbers }) : null;
      setMeeting(got.value);
      if (list?.ok) setDossiers(list.value);
    };
    void read();
    const stop = onRegisterChanged(() => void read());
    const follow = (event: StorageEvent) => {
      if (event.key === PLACE_KEY) setItemId(keptPlace(number));
    };
    window.addEventListener('storage', follow);
    return () => {
      stop();
      window.removeEventListener('storage', follow);
    };
  }, [number]);
  useEffect(() => {
    document.documentElement.lang = lang === 'nl' ? 'nl-NL' : 'en';
    document.title = `${t(lang, 'presentation')} · ${number}`;
  }, [lang, number]);

  const item = meeting?.items.find((i) => i.id === itemId) ?? meeting?.items.find((i) => i.state === 'open') ?? meeting?.items[0];
  return (
    <main className="presentation" data-testid="presentation">
      {meeting && item ? (
        <>
          <p className="presentation-meeting">
            {meeting.number} · {formatDutchDate(meeting.date)}
          </p>
          <h1 data-testid="presentation-item">
            {item.number}. {item.title}
          </h1>
          {item.proposal && (
            <p className="presentation-proposal">
              <strong>{t(lang, 'proposal')}:</strong> {item.proposal}
            </p>
          )}
          {item.links.dossiers.length > 0 && (
            <ul className="presentation-dossiers" aria-label={t(lang, 'dossiers')}>
              {item.links.dossiers.map((n) => {
                const d = dossiers.find((x) => x.number === n);
                return (
                  <li key={n} data-testid={`presentation-dossier-${n}`}>
                    <span className="rank">{d?.priority ? (d.priorityRank ?? '★') : '–'}</span> {t(lang, 'linkedDossier', { number: n })}: {d?.title}
                    <span className="presentation-phase"> · {d?.phase ? formatPhase(d.phase, lang) : '–'}</span>
                  </li>
                );
              })}
            </ul>
          )}
          {item.outcomes.some((o) => o.kind === 'besluit') && (
            <section aria-labelledby="presentation-besluiten">
              <Heading level={2} id="presentation-besluiten">{t(lang, 'decisionsHere')}</Heading>
              <ul className="presentation-besluiten">
                {item.outcomes
                  .filter((o) => o.kind === 'besluit')
                  .map((o) => (
                    <li key={o.id}>{describeOutcome(lang, o)}</li>
                  ))}
              </ul>
            </section>
          )}
        </>
      ) : (
        <p>{t(lang, 'loading')}</p>
      )}
    </main>
  );
}
