// The dossiers as cards in phase columns. Moving a card (drag it, or use its Move button) opens a
// small dialog to confirm the phase, the date it took effect (today by default) and a note; the
// change lands in the dossier's dated history.
import { useEffect, useRef, useState } from 'react';
import { Button, Heading, LinkButton } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import type { DossierSummary } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { bucketLabel, bucketOf, formatPhase, PHASE_BUCKETS, type Phase, type PhaseBucket } from '../../shared/phase';
import { priorityMark } from '../../shared/text';
import { invoke } from '../client';
import { FieldError, placeError, saveForm, type FormError } from '../components/fields';
import { PHASE_FIELDS, PhaseFields, setPhaseInput } from '../panels/DossierPanel';
import { registerToday } from '../stores/register';
import { useUi } from '../stores/ui';
import { DossierFiltersBar, useFilteredDossiers } from './DossiersView';

/** A column shows this many cards until asked for all: a board of 10,000 cards helps nobody. */
const COLUMN_LIMIT = 60;
export function BoardView() {
  const lang = useUi((s) => s.lang);
  const { filtered, total } = useFilteredDossiers();
  const [moving, setMoving] = useState<{ dossier: DossierSummary; to: PhaseBucket } | null>(null);
  const [expanded, setExpanded] = useState<PhaseBucket[]>([]);
  const columns = new Map<PhaseBucket, DossierSummary[]>(PHASE_BUCKETS.map((b) => [b, []]));
  for (const d of filtered) if (d.phase) columns.get(bucketOf(d.phase))!.push(d);

  return (
    <section aria-labelledby="board-heading" className="view">
      <div className="view-head">
        <Heading level={2} id="board-heading">{t(lang, 'board')}</Heading>
        <p className="muted">{t(lang, 'boardHelp')}</p>
      </div>
      <DossierFiltersBar lang={lang} shown={filtered.length} total={total} />
      <div className="board">
        {PHASE_BUCKETS.map((bucket) => {
          const cards = columns.get(bucket)!;
          const shown = expanded.includes(bucket) ? cards : cards.slice(0, COLUMN_LIMIT);
          return (
            <section
              key={bucket}
              className="board-column"
              aria-labelledby={`col-${bucket}`}
              data-testid={`column-${bucket}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                const number = Number(e.dataTransfer.getData('text/plain'));
                const dossier = filtered.find((d) => d.number === number);
                if (dossier) setMoving({ dossier, to: bucket });
              }}
            >
              <Heading level={3} id={`col-${bucket}`}>
                {bucketLabel(bucket, lang)} <span className="count">{cards.length}</span>
              </Heading>
              <ul className="plain">
                {shown.map((d) => (
                  <li key={d.number}>
                    <article
                      className={`card${d.priority ? ' priority' : ''}`}
                      draggable
                      onDragStart={(e) => e.dataTransfer.setData('text/plain', String(d.number))}
                      aria-label={`${d.number}. ${d.title}`}
                    >
                      <LinkButton inline onClick={() => useUi.getState().openDossier(d.number)}>
                        {d.number}. {d.title}
                      </LinkButton>
                      <p className="muted">
                        {formatPhase(d.phase, lang)}
                        {d.priority && ` · ${priorityMark(d)}`}
                      </p>
                      <Button appearance="secondary-action-button" className="small" data-move={d.number} onClick={() => setMoving({ dossier: d, to: bucket })}>
                        {t(lang, 'move')}
                        <span className="visually-hidden"> {d.number}</span>
                      </Button>
                    </article>
                  </li>
                ))}
              </ul>
              {cards.length > shown.length && (
                <Button appearance="secondary-action-button" onClick={() => setExpanded([...expanded, bucket])}>
                  {t(lang, 'showAll', { count: cards.length })}
                </Button>
              )}
            </section>
          );
        })}
      </div>
      {moving && (
        <MoveDialog
          lang={lang}
          dossier={moving.dossier}
          to={moving.to}
          onClose={() => {
            const number = moving.dossier.number;
            setMoving(null);
            // The card may have moved to another column: the keyboard goes to its button there.
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move="${number}"]`)?.focus());
          }}
        />
      )}
    </section>
  );
}

function MoveDialog({ lang, dossier, to, onClose }: { lang: Lang; dossier: DossierSummary; to: PhaseBucket; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState({
    phase: (to === 'geparkeerd' ? (dossier.phase?.phase ?? 'analyse') : to) as Phase | '',
    qualifier: '',
    parked: to === 'geparkeerd',
    date: registerToday(),
    note: '',
  });
  const [error, setError] = useState<FormError | null>(null);
  const place = placeError(error, PHASE_FIELDS);
  const [since, setSince] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    void invoke('dossier.history', { number: dossier.number }).then((r) => {
      if (r.ok) setSince(r.value.filter((h) => h.kind === 'phase').at(-1)?.date ?? null);
    });
  }, [dossier.number]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const failure = await saveForm('dossier.setPhase', setPhaseInput(dossier.number, state));
    setError(failure);
    if (!failure) onClose();
  }
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="move-title" className="dialog" data-testid="move-dialog">
      <form onSubmit={submit}>
        <Heading level={2} id="move-title">{t(lang, 'moveDossier', { number: dossier.number })}</Heading>
        <p>
          {dossier.title} <span className="muted">({formatPhase(dossier.phase, lang)})</span>
        </p>
        <PhaseFields lang={lang} idPrefix="move" state={state} onChange={(patch) => (setState({ ...state, ...patch }), setError(null))} error={place} />
        {since && state.date < since && (
          <p className="field-help" role="note">
            {t(lang, 'beforeCurrentPhase', { date: formatDutchDate(since) })}
          </p>
        )}
        <FieldError id="move-error" error={place.rest} />
        <div className="actions">
          <Button appearance="primary-action-button" type="submit">
            {t(lang, 'apply')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => dialog.current?.close()}>
            {t(lang, 'cancel')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
