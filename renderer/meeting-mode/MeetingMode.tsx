// Vergadermodus (issue 12): the whole meeting by keyboard, full window. Left the agenda with the
// current item and its timer; in the middle the current item, its besluitvoorstel and the dossiers
// and actiepunten it is about (phase now, at the previous TB, on the reference date; priority and
// rank; open actiepunten); on the right what this meeting has recorded. Every key that changes
// something is one contract call, committed at once; where the chair is (meeting, item) is kept in
// this computer's storage, so a restart lands on the same item. On a meeting whose agenda is
// vastgesteld but that is not yet open, the mode is a rehearsal: it walks, it records nothing.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Heading } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import type { CallError } from '../../shared/errors';
import { t } from '../../shared/i18n';
import type { AgendaItem } from '../../shared/meeting';
import { joinOwners } from '../../shared/owners';
import { formatPhase, type PhaseState } from '../../shared/phase';
import { invoke, openPresentation } from '../client';
import { describeError } from '../error-text';
import { describeOutcome } from '../../shared/meeting-text';
import { useMeeting } from '../stores/meeting';
import { perform, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import { keptPlace, keepPlace } from './place';
import { PriorityBoard } from './PriorityBoard';
import { QuickForm } from './QuickForm';
import { FindForm, type Entry } from './FindForm';

type Panel = 'besluit' | 'actiepunt' | 'notitie' | 'find' | 'help' | 'board';

const KEYS: Array<[keys: string, what: 'keyNext' | 'keyItem' | 'keyPriority' | 'keyRank' | 'keyRankSet' | 'keyBesluit' | 'keyActiepunt' | 'keyNotitie' | 'keyDone' | 'keyCarry' | 'keyBoard' | 'keyPresent' | 'keyUndo' | 'keyFind' | 'keyClose' | 'keyHelp']> = [
  ['J / K, ↓ / ↑', 'keyNext'],
  ['PageDown / PageUp', 'keyItem'],
  ['P', 'keyPriority'],
  ['Alt+↑ / Alt+↓', 'keyRank'],
  ['1–9 … Enter', 'keyRankSet'],
  ['B', 'keyBesluit'],
  ['A', 'keyActiepunt'],
  ['N', 'keyNotitie'],
  ['D', 'keyDone'],
  ['S', 'keyCarry'],
  ['V', 'keyBoard'],
  ['W', 'keyPresent'],
  ['Ctrl+Z / Ctrl+Shift+Z', 'keyUndo'],
  ['Ctrl+K', 'keyFind'],
  ['Esc', 'keyClose'],
  ['?', 'keyHelp'],
];

const isTyping = (target: EventTarget | null) => !!(target as HTMLElement | null)?.closest?.('input, textarea, select');


/** Standing items about the meeting's own procedure: a ranking decided there belongs to the evaluation item. */
const PROCEDURE: ReadonlySet<string> = new Set(['opening', 'besluitenlijst', 'actiepuntenlijst', 'rondvraag']);
export function MeetingMode({ number, onExit }: { number: string; onExit(): void }) {
  const lang = useUi((s) => s.lang);
  const { dossiers, actiepunten, jaarplan, version } = useRegister();
  const { meeting, error, number: loaded, load } = useMeeting();
  const [itemId, setItemId] = useState<number | null>(() => keptPlace(number));
  const [focus, setFocus] = useState(0);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [digits, setDigits] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [previousPhases, setPreviousPhases] = useState<Record<number, PhaseState | null>>({});
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => void load(number, true), [number, version, load]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const ready = meeting?.number === number ? meeting : null;
  // A meeting no longer in session (closed in another window, or since the place was kept), or one
  // this register does not hold (the place was kept for another register), has no mode.
  useEffect(() => {
    if (ready && ready.state !== 'in_vergadering' && ready.state !== 'agenda_vastgesteld') onExit();
    if (loaded === number && error) onExit();
  }, [ready?.state, loaded, error]);
  // The phases at the previous TB, once: the column "vorige TB".
  const previousDate = useRegister((s) => s.meetings.find((m) => m.number === ready?.previous)?.date ?? null);
  useEffect(() => {
    if (!previousDate) return;
    void invoke('dossier.phasesOn', { date: previousDate }).then((r) => r.ok && setPreviousPhases(r.value));
  }, [previousDate]);

  const items = ready?.items ?? [];
  const current: AgendaItem | undefined = items.find((i) => i.id === itemId) ?? items.find((i) => i.state === 'open') ?? items[0];
  useEffect(() => {
    if (current) keepPlace(number, current.id);
  }, [number, current?.id]);
  const entries: Entry[] = useMemo(
    () => (current ? [...current.links.dossiers.map((n): Entry => ({ kind: 'dossier', number: n })), ...current.links.actiepunten.map((n): Entry => ({ kind: 'actiepunt', number: n }))] : []),
    [current],
  );
  const focused = entries[Math.min(focus, entries.length - 1)];
  const rehearsal = ready?.state === 'agenda_vastgesteld';

  // When what was open closes, the keyboard goes back to the list (once React has shown it again).
  const [refocus, setRefocus] = useState(0);
  const backToList = useCallback(() => setRefocus((n) => n + 1), []);
  useEffect(() => {
    if (refocus > 0 && panel === null) list.current?.focus();
  }, [refocus, panel]);
  useEffect(() => {
    if (ready) list.current?.focus();
  }, [!!ready]);

  const say = (text: string, error = false) => {
    setMessage({ text, error });
    useUi.getState().announce(text);
  };
  /** One committed call; a refusal is said in the status line, and the register is read again either way. */
  /** Records one call; a refusal goes to `refused` (a quick form, beside its field) or the top bar. */
  async function record(run: () => ReturnType<typeof perform>, done: string, refused?: (error: CallError) => void): Promise<boolean> {
    if (rehearsal) {
      say(t(lang, 'rehearsalNothing'), true);
      return false;
    }
    const result = await run();
    if (!result.ok) {
      if (refused) refused(result.error);
      else say(describeError(lang, result.error), true);
      return false;
    }
    say(done);
    return true;
  }

  function goItem(by: number) {
    if (!current) return;
    const at = items.findIndex((i) => i.id === current.id);
    const next = items[Math.max(0, Math.min(items.length - 1, at + by))];
    if (next && next.id !== current.id) {
      setItemId(next.id);
      setFocus(0);
      setStartedAt(Date.now());
      setDigits('');
    }
  }
  const dossierOf = (n: number) => dossiers.find((d) => d.number === n);
  const rankedCount = dossiers.filter((d) => d.priority && d.priorityRank !== null).length;

  function setPriority(dossier: number, priority: boolean, rank: number | null) {
    if (!current) return;
    const what = priority ? (rank === null ? t(lang, 'priorityNoRank') : t(lang, 'priorityWithRank', { rank })) : t(lang, 'priorityOff');
    void record(() => perform('outcome.add', { item: current.id, kind: 'prioriteit', dossier, priority, rank }), `${t(lang, 'linkedDossier', { number: dossier })}: ${what}`);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (panel) {
        setPanel(null);
        backToList();
      } else if (digits) setDigits('');
      else onExit();
      return;
    }
    if (isTyping(e.target) || panel || !current) return;
    const key = e.key;
    const d = focused?.kind === 'dossier' ? dossierOf(focused.number) : undefined;
    if ((e.ctrlKey || e.metaKey) && key.toLowerCase() === 'k') {
      e.preventDefault();
      setPanel('find');
      return;
    }
    if (e.ctrlKey || e.metaKey) return; // Ctrl+Z and friends: the workspace's undo and redo
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      e.preventDefault();
      if (!d) return;
      const rank = d.priorityRank === null ? rankedCount + 1 : Math.max(1, d.priorityRank + (key === 'ArrowUp' ? -1 : 1));
      setPriority(d.number, true, rank);
      return;
    }
    if (key === 'j' || key === 'J' || key === 'ArrowDown') (e.preventDefault(), setFocus(Math.min(entries.length - 1, focus + 1)), setDigits(''));
    else if (key === 'k' || key === 'K' || key === 'ArrowUp') (e.preventDefault(), setFocus(Math.max(0, focus - 1)), setDigits(''));
    else if (key === 'PageDown') (e.preventDefault(), goItem(1));
    else if (key === 'PageUp') (e.preventDefault(), goItem(-1));
    else if (/^[0-9]$/.test(key) && d) (e.preventDefault(), setDigits((digits + key).slice(0, 3)));
    else if (key === 'Enter' && digits && d) {
      e.preventDefault();
      setPriority(d.number, true, Number(digits));
      setDigits('');
    } else if ((key === 'p' || key === 'P') && d) (e.preventDefault(), setPriority(d.number, !d.priority, null));
    else if (key === 'b' || key === 'B') (e.preventDefault(), setPanel('besluit'));
    else if (key === 'a' || key === 'A') (e.preventDefault(), setPanel('actiepunt'));
    else if (key === 'n' || key === 'N') (e.preventDefault(), setPanel('notitie'));
    else if (key === '?') (e.preventDefault(), setPanel('help'));
    else if (key === 'w' || key === 'W') (e.preventDefault(), openPresentation(ready!.number));
    else if (key === 'v' || key === 'V') {
      e.preventDefault();
      if (ready!.kind === 'evaluatiemoment') setPanel('board');
      else say(t(lang, 'boardOnlyEvaluation'), true);
    }
    else if (key === 'd' || key === 'D' || key === 's' || key === 'S') {
      e.preventDefault();
      const state = key.toLowerCase() === 'd' ? 'behandeld' : 'doorgeschoven';
      void record(() => perform('agenda.update', { id: current.id, patch: { state } }), `${t(lang, 'agendaItem')} ${current.number}: ${t(lang, `itemState_${state}`)}`).then((ok) => ok && goItem(1));
    }
  }

  if (!ready || !current) {
    return (
      <section className="meeting-mode" aria-label={t(lang, 'meetingMode')}>
        <p>{t(lang, 'loading')}</p>
      </section>
    );
  }
  const planned = current.minutes ? current.minutes * 60 : null;
  const spent = Math.max(0, Math.round((now - startedAt) / 1000));
  const clock = `${Math.floor(spent / 60)}:${String(spent % 60).padStart(2, '0')}`;
  const recorded = ready.items.flatMap((i) => i.outcomes.map((o) => ({ o, item: i.number }))).sort((a, b) => b.o.id - a.o.id);
  const reference = jaarplan?.referenceDate;
  return (
    <section className="meeting-mode" aria-labelledby="mode-heading" onKeyDown={onKeyDown} data-testid="meeting-mode">
      <header className="mode-head">
        <Heading level={2} id="mode-heading">
          {t(lang, 'meetingMode')} · {ready.number} · {formatDutchDate(ready.date)}
          {rehearsal && <span className="badge meeting-concept"> {t(lang, 'rehearsal')}</span>}
        </Heading>
        <p className={message?.error ? 'mode-message error-text' : 'mode-message'} role="status" data-testid="mode-message">
          {message?.text ?? t(lang, 'modeHint')}
        </p>
        <Button appearance="secondary-action-button" onClick={() => openPresentation(ready.number)} aria-keyshortcuts="W" data-testid="open-presentation">
          {t(lang, 'openPresentation')}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setPanel('help')} aria-keyshortcuts="?">
          {t(lang, 'keysButton')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onExit} aria-keyshortcuts="Escape">
          {t(lang, 'exitMode')}
        </Button>
      </header>
      <div className="mode-grid">
        <nav aria-label={t(lang, 'agenda')} className="mode-agenda">
          <ol>
            {items.map((i) => (
              <li key={i.id} aria-current={i.id === current.id ? 'step' : undefined} className={`state-${i.state}`}>
                <span className="item-number">{i.number}.</span> {i.title}
                {i.state !== 'open' && <span className="muted"> · {t(lang, `itemState_${i.state}`)}</span>}
              </li>
            ))}
          </ol>
        </nav>
        <div className="mode-current">
          <Heading level={3}>
            {t(lang, 'agendaItem')} {current.number}: {current.title}
          </Heading>
          <p className="muted">
            {t(lang, `purpose_${current.purpose}`)}
            {current.presenter ? ` · ${current.presenter}` : ''} ·{' '}
            <span className={planned !== null && spent > planned ? 'overtime' : undefined} data-testid="mode-timer">
              {planned !== null ? t(lang, 'timerOf', { spent: clock, planned: current.minutes! }) : clock}
            </span>
          </p>
          {current.proposal && (
            <p className="proposal">
              <strong>{t(lang, 'proposal')}:</strong> {current.proposal}
            </p>
          )}
          {panel === 'board' && (
            <PriorityBoard
              previousPhases={previousPhases}
              previousLabel={previousDate ? t(lang, 'phasePreviousShort') : null}
              onDecide={(ranked, unranked) => {
                // Recorded on the item the chair is on; from an item of procedure (opening, the
                // lists, rondvraag) on the one where the priorities are evaluated. It went to that
                // one always, also from an item about the ranking itself (review). The message says where.
                const procedural = current.standing !== null && PROCEDURE.has(current.standing);
                const on = (procedural ? ready.items.find((i) => i.standing === 'rapportage') : undefined) ?? current;
                return record(() => perform('meeting.decidePriorities', { item: on.id, ranked, unranked }), t(lang, 'boardDecided', { number: on.number }));
              }}
              onClose={() => {
                setPanel(null);
                backToList();
              }}
            />
          )}
          {/* An item about nothing is an empty group, not a listbox without options; the keys work the same. */}
          <div
            ref={list}
            hidden={panel === 'board'}
            role={entries.length ? 'listbox' : 'group'}
            tabIndex={0}
            aria-label={t(lang, 'modeList', { number: current.number })}
            aria-activedescendant={focused ? `mode-entry-${focus}` : undefined}
            className="mode-entries"
            data-testid="mode-entries"
          >
            {entries.length === 0 && <p className="muted">{t(lang, 'modeNoEntries')}</p>}
            {entries.map((entry, i) => {
              const selected = i === Math.min(focus, entries.length - 1);
              if (entry.kind === 'dossier') {
                const d = dossierOf(entry.number);
                const open = actiepunten.filter((a) => a.dossier === entry.number && (a.status === 'open' || a.status === 'in_uitvoering'));
                return (
                  <div key={`d${entry.number}`} id={`mode-entry-${i}`} role="option" aria-selected={selected} className={`mode-entry${d?.priority ? ' priority' : ''}`} onClick={() => setFocus(i)}>
                    <div className="mode-entry-title">
                      {d?.priority ? <span className="rank">{d.priorityRank ?? '★'}</span> : null} {t(lang, 'linkedDossier', { number: entry.number })}: {d?.title}
                    </div>
                    <dl className="mode-phases">
                      <dt>{t(lang, 'phaseNowShort')}</dt>
                      <dd>{d?.phase ? formatPhase(d.phase, lang) : '–'}</dd>
                      <dt>{t(lang, 'phasePreviousShort')}</dt>
                      <dd>{previousDate ? formatPhase(previousPhases[entry.number] ?? null, lang) || '–' : '–'}</dd>
                      <dt>{t(lang, 'phaseReferenceShort', { date: reference ? formatDutchDate(reference) : '–' })}</dt>
                      <dd>{d?.phaseOnReference ? formatPhase(d.phaseOnReference, lang) : '–'}</dd>
                      <dt>{t(lang, 'priority')}</dt>
                      <dd data-testid={`mode-priority-${entry.number}`}>
                        {d?.priority ? (d.priorityRank === null ? t(lang, 'priorityNoRank') : t(lang, 'priorityWithRank', { rank: d.priorityRank })) : t(lang, 'no')}
                        {selected && digits && <span className="digits"> → {t(lang, 'rank', { rank: digits })}…</span>}
                      </dd>
                      <dt>{t(lang, 'openActiepunten')}</dt>
                      {/* "Open actiepunten: 12" read as twelve of them; it is actiepunt 12 (review). */}
                      <dd>{open.length ? open.map((a) => t(lang, 'actiepuntOutcome', { number: a.number })).join(', ') : '–'}</dd>
                    </dl>
                  </div>
                );
              }
              const a = actiepunten.find((x) => x.number === entry.number);
              return (
                <div key={`a${entry.number}`} id={`mode-entry-${i}`} role="option" aria-selected={selected} className="mode-entry" onClick={() => setFocus(i)}>
                  <div className="mode-entry-title">
                    {t(lang, 'actiepuntOutcome', { number: entry.number })}: {a?.text.split('\n')[0]}
                  </div>
                  <p className="muted">
                    {a ? `${t(lang, `status_${a.status}`)} · ${joinOwners(a.owners) || '–'}` : ''}
                  </p>
                </div>
              );
            })}
          </div>
          {(panel === 'besluit' || panel === 'actiepunt' || panel === 'notitie') && (
            <QuickForm
              kind={panel}
              meeting={ready}
              item={current}
              dossier={focused?.kind === 'dossier' ? focused.number : null}
              owners={[...new Set(actiepunten.flatMap((a) => a.owners))].sort()}
              onRecord={record}
              onClose={() => {
                setPanel(null);
                backToList();
              }}
            />
          )}
          {panel === 'find' && (
            <FindForm
              meeting={ready}
              onJump={(itemIdFound, entry) => {
                const item = items.find((i) => i.id === itemIdFound);
                if (item) {
                  setItemId(item.id);
                  const list = [...item.links.dossiers.map((n) => `d${n}`), ...item.links.actiepunten.map((n) => `a${n}`)];
                  setFocus(Math.max(0, list.indexOf(`${entry.kind === 'dossier' ? 'd' : 'a'}${entry.number}`)));
                  setStartedAt(Date.now());
                }
                setPanel(null);
                backToList();
              }}
              onLink={(entry) => {
                const links = { ...current.links, [entry.kind === 'dossier' ? 'dossiers' : 'actiepunten']: [...current.links[entry.kind === 'dossier' ? 'dossiers' : 'actiepunten'], entry.number] };
                void record(() => perform('agenda.update', { id: current.id, patch: { links } }), t(lang, 'modeLinked', { what: `${entry.kind === 'dossier' ? t(lang, 'linkedDossier', { number: entry.number }) : t(lang, 'actiepuntOutcome', { number: entry.number })}` }));
                setFocus(entries.length);
                setPanel(null);
                backToList();
              }}
            />
          )}
        </div>
        <aside className="mode-recorded" aria-labelledby="mode-recorded-heading">
          <Heading level={3} id="mode-recorded-heading">{t(lang, 'modeRecorded')}</Heading>
          {recorded.length === 0 ? (
            <p className="muted">{t(lang, 'modeNothingRecorded')}</p>
          ) : (
            <ul data-testid="mode-recorded">
              {recorded.map(({ o, item }) => (
                <li key={o.id}>
                  <span className={`badge outcome-${o.kind}`}>{t(lang, `outcome_${o.kind}`)}</span> <span className="muted">{t(lang, 'itemShort', { number: item })}</span> {describeOutcome(lang, o)}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      {panel === 'help' && (
        <div className="mode-help" role="dialog" aria-modal="false" aria-labelledby="mode-help-heading" data-testid="mode-help">
          <Heading level={3} id="mode-help-heading">{t(lang, 'keysTitle')}</Heading>
          <dl>
            {KEYS.map(([keys, what]) => (
              <div key={what}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{t(lang, what)}</dd>
              </div>
            ))}
          </dl>
          <Button appearance="secondary-action-button" autoFocus onClick={() => (setPanel(null), backToList())}>
            {t(lang, 'close')}
          </Button>
        </div>
      )}
    </section>
  );
}
