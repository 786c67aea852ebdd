// Prioriteiten vaststellen (issue 12), at an evaluatiemoment: every priority dossier in rank order
// with its phase now, at the previous TB and on the reference date. Marks and ranks change by
// keyboard or drag as a proposal, shown before → after, until Vaststellen records the whole ranking
// as one besluit with what changed (one call, one undo step). Esc leaves the proposal unrecorded.
import { useEffect, useRef, useState } from 'react';
import { Button, Heading, TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import type { DossierSummary, PriorityState } from '../../shared/domain';
import { t } from '../../shared/i18n';
import { formatPhase, type PhaseState } from '../../shared/phase';
import { fold } from '../../shared/search';
import { describePriority } from '../../shared/meeting-text';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

interface Proposal {
  ranked: number[];
  unranked: number[];
  /** Priority dossiers the proposal takes the mark from. */
  removed: number[];
}

function proposalOf(dossiers: readonly DossierSummary[]): Proposal {
  const marked = dossiers.filter((d) => d.priority && !d.archived);
  return {
    ranked: marked.filter((d) => d.priorityRank !== null).sort((a, b) => a.priorityRank! - b.priorityRank! || a.number - b.number).map((d) => d.number),
    unranked: marked.filter((d) => d.priorityRank === null).sort((a, b) => a.number - b.number).map((d) => d.number),
    removed: [],
  };
}

const stateIn = (p: Proposal, n: number): PriorityState =>
  p.ranked.includes(n) ? { priority: true, rank: p.ranked.indexOf(n) + 1 } : p.unranked.includes(n) ? { priority: true, rank: null } : { priority: false, rank: null };

export function PriorityBoard({
  previousPhases,
  previousLabel,
  onDecide,
  onClose,
}: {
  previousPhases: Record<number, PhaseState | null>;
  previousLabel: string | null;
  onDecide(ranked: number[], unranked: number[]): Promise<boolean>;
  onClose(): void;
}) {
  const lang = useUi((s) => s.lang);
  const { dossiers, jaarplan } = useRegister();
  const [start] = useState(() => proposalOf(dossiers));
  const [proposal, setProposal] = useState<Proposal>(start);
  const [focus, setFocus] = useState(0);
  const [adding, setAdding] = useState(false);
  const [dragged, setDragged] = useState<number | null>(null);
  const board = useRef<HTMLDivElement>(null);
  useEffect(() => board.current?.focus(), []);
  const rows = [...proposal.ranked, ...proposal.unranked, ...proposal.removed];
  const at = Math.min(focus, rows.length - 1);
  const focused = rows[at];
  const before = (n: number) => stateIn(start, n);
  const changed = rows.filter((n) => {
    const b = before(n);
    const a = stateIn(proposal, n);
    return b.priority !== a.priority || b.rank !== a.rank;
  });

  /** Moves a dossier within the ranking (to an index of `ranked`); an unranked one joins the ranking. */
  function place(n: number, index: number) {
    const ranked = proposal.ranked.filter((x) => x !== n);
    ranked.splice(Math.max(0, Math.min(index, ranked.length)), 0, n);
    setProposal({ ranked, unranked: proposal.unranked.filter((x) => x !== n), removed: proposal.removed.filter((x) => x !== n) });
    setFocus(ranked.indexOf(n));
  }
  function toggleMark(n: number) {
    if (proposal.removed.includes(n)) {
      setProposal({ ...proposal, unranked: [...proposal.unranked, n], removed: proposal.removed.filter((x) => x !== n) });
    } else {
      const next = { ranked: proposal.ranked.filter((x) => x !== n), unranked: proposal.unranked.filter((x) => x !== n), removed: [...proposal.removed, n] };
      setProposal(next);
      setFocus([...next.ranked, ...next.unranked, ...next.removed].indexOf(n));
    }
  }
  function toggleRank(n: number) {
    if (proposal.ranked.includes(n)) {
      const next = { ...proposal, ranked: proposal.ranked.filter((x) => x !== n), unranked: [n, ...proposal.unranked] };
      setProposal(next);
      setFocus(next.ranked.length);
    } else place(n, proposal.ranked.length);
  }
  function add(n: number) {
    if (rows.includes(n)) {
      if (proposal.removed.includes(n)) toggleMark(n);
    } else setProposal({ ...proposal, unranked: [...proposal.unranked, n] });
    setAdding(false);
    requestAnimationFrame(() => board.current?.focus());
  }
  async function decide() {
    if (await onDecide(proposal.ranked, proposal.unranked)) onClose();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (adding) return;
    if (e.key === 'Escape') return; // the mode closes the board
    e.stopPropagation();
    if (focused === undefined) return;
    const key = e.key;
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      e.preventDefault();
      const index = proposal.ranked.indexOf(focused);
      if (index < 0) place(focused, proposal.ranked.length);
      else place(focused, index + (key === 'ArrowUp' ? -1 : 1));
    } else if (key === 'j' || key === 'J' || key === 'ArrowDown') (e.preventDefault(), setFocus(Math.min(rows.length - 1, at + 1)));
    else if (key === 'k' || key === 'K' || key === 'ArrowUp') (e.preventDefault(), setFocus(Math.max(0, at - 1)));
    else if (key === 'p' || key === 'P') (e.preventDefault(), toggleMark(focused));
    else if (key === 'r' || key === 'R') (e.preventDefault(), toggleRank(focused));
    else if (key === '+') (e.preventDefault(), setAdding(true));
    else if (key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.preventDefault(), void decide());
  }
  const reference = jaarplan ? formatDutchDate(jaarplan.referenceDate) : '–';
  const dossier = (n: number) => dossiers.find((d) => d.number === n);
  return (
    <div className="priority-board" role="region" aria-labelledby="board-heading" data-testid="priority-board" onKeyDown={onKeyDown}>
      <Heading level={3} id="board-heading">{t(lang, 'boardTitle')}</Heading>
      <p className="muted">{t(lang, 'rankingHelp')}</p>
      <div
        ref={board}
        role="listbox"
        tabIndex={0}
        aria-label={t(lang, 'boardTitle')}
        aria-activedescendant={focused !== undefined ? `board-row-${focused}` : undefined}
        className="board-rows"
        data-testid="board-rows"
      >
        {rows.map((n, i) => {
          const d = dossier(n);
          const b = before(n);
          const a = stateIn(proposal, n);
          const moved = b.priority !== a.priority || b.rank !== a.rank;
          return (
            <div
              key={n}
              id={`board-row-${n}`}
              role="option"
              aria-selected={i === at}
              className={`board-row${moved ? ' moved' : ''}${a.priority ? '' : ' removed'}`}
              draggable
              onDragStart={(e) => (e.dataTransfer.setData('text/plain', String(n)), setDragged(n))}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                const from = Number(e.dataTransfer.getData('text/plain')) || dragged;
                if (from && from !== n) place(from, Math.max(0, proposal.ranked.indexOf(n)));
                setDragged(null);
              }}
              onClick={() => setFocus(i)}
              data-testid={`board-row-${n}`}
            >
              <span className="rank">{a.rank ?? (a.priority ? '★' : '–')}</span>
              <span className="board-title">
                {t(lang, 'linkedDossier', { number: n })}: {d?.title}
              </span>
              <span className="board-phases">
                {t(lang, 'phaseNowShort')}: {d?.phase ? formatPhase(d.phase, lang) : '–'} · {previousLabel ? `${previousLabel}: ${formatPhase(previousPhases[n] ?? null, lang) || '–'} · ` : ''}
                {t(lang, 'phaseReferenceShort', { date: reference })}: {d?.phaseOnReference ? formatPhase(d.phaseOnReference, lang) : '–'}
              </span>
              <span className="board-change" data-testid={`board-change-${n}`}>
                {moved ? `${describePriority(lang, b)} → ${describePriority(lang, a)}` : t(lang, 'boardUnchanged')}
              </span>
            </div>
          );
        })}
      </div>
      {adding && <AddDossier onAdd={add} onClose={() => (setAdding(false), requestAnimationFrame(() => board.current?.focus()))} />}
      <div className="item-actions">
        <Button appearance="primary-action-button" onClick={() => void decide()} aria-keyshortcuts="Control+Enter" data-testid="board-decide">
          {t(lang, 'boardDecide', { count: changed.length })}
        </Button>
        <Button appearance="secondary-action-button" onClick={() => setAdding(true)} aria-keyshortcuts="+">
          {t(lang, 'boardAdd')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onClose}>
          {t(lang, 'boardClose')}
        </Button>
      </div>
    </div>
  );
}

/** `+`: a dossier found by number or words joins the priorities (unranked). */
function AddDossier({ onAdd, onClose }: { onAdd(n: number): void; onClose(): void }) {
  const lang = useUi((s) => s.lang);
  const dossiers = useRegister((s) => s.dossiers);
  const [query, setQuery] = useState('');
  const needle = fold(query.trim());
  const found = needle ? dossiers.filter((d) => !d.archived && (String(d.number) === needle || fold(d.title).includes(needle))).slice(0, 6) : [];
  return (
    <div className="mode-form">
      <label htmlFor="board-add">{t(lang, 'boardAdd')}</label>
      <TextInput
        id="board-add"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && found[0]) (e.preventDefault(), onAdd(found[0].number));
          if (e.key === 'Escape') (e.preventDefault(), e.stopPropagation(), onClose());
        }}
        aria-describedby="board-add-found"
      />
      <p id="board-add-found" className="muted" role="status">
        {found[0] ? `${t(lang, 'linkedDossier', { number: found[0].number })}: ${found[0].title}` : needle ? t(lang, 'linkNone') : ''}
      </p>
    </div>
  );
}
