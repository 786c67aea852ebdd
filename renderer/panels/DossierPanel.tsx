// One dossier, every field editable in place: phase with date and note, priority mark and rank,
// linked actiepunten, the dated history as a timeline, and the wiki page in the system browser.
import { shortLine } from '../../shared/text';
import { AuditTrail } from '../components/AuditTrail';
import { DiscussedIn } from '../components/DiscussedIn';
import { useFillHeight } from '../components/fill-height';
import { PhaseOptions } from '../components/options';
import { DateInput } from '../components/DateInput';
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Checkbox, Heading, TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import type { Dossier, HistoryEntry } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { formatPhase, type Phase } from '../../shared/phase';
import { invoke } from '../client';
import { describeError } from '../error-text';
import { FieldError, type FormError, NativeSelect, placed, PlacedField, placeError, save, saveForm, TextField } from '../components/fields';
import { useRegister, registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

export function DossierPanel({ number }: { number: number }) {
  const lang = useUi((s) => s.lang);
  const close = () => useUi.getState().openDossier(null);
  const version = useRegister((s) => s.version);
  const { hoofddossiers, ambitions, actiepunten } = useRegister();
  const [dossier, setDossier] = useState<Dossier | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    void Promise.all([invoke('dossier.get', { number }), invoke('dossier.history', { number })]).then(([d, h]) => {
      if (!live) return;
      setDossier(d.ok ? d.value : null);
      setHistory(h.ok ? h.value : []);
    });
    return () => {
      live = false;
    };
  }, [number, version]);
  // Focus moves to the panel once its content is there, so the keyboard user lands in it.
  const loaded = dossier !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [number, loaded]);
  // As high as the window leaves it below the bar, so the page does not scroll beside it.
  const self = useRef<HTMLElement>(null);
  useFillHeight(self, loaded, 'maxHeight');

  if (!dossier) return null;
  const update = (patch: Record<string, unknown>) => save('dossier.update', { number, patch });
  return (
    <aside ref={self} className="panel" aria-labelledby="dossier-panel-title" onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="dossier-panel">
      <div className="panel-head">
        <Heading level={2} id="dossier-panel-title" tabIndex={-1} ref={heading}>
          {t(lang, 'panelDossier', { number, title: dossier.title })}
        </Heading>
        <Button appearance="secondary-action-button" onClick={close}>
          {t(lang, 'close')}
        </Button>
      </div>
      {/* What the chair changes most comes first, above the fold at 1366×768 (issue 14). */}
      <PriorityForm lang={lang} dossier={dossier} />
      <PhaseForm lang={lang} dossier={dossier} />
      <TextField draftKey={`dossier:${number}:title`} label={t(lang, 'title')} value={dossier.title} onSave={(title) => update({ title })} testId="dossier-title" />
      <TextField draftKey={`dossier:${number}:description`} label={t(lang, 'description')} value={dossier.description} multiline onSave={(description) => update({ description })} />
      <TextField draftKey={`dossier:${number}:note`} label={t(lang, 'note')} value={dossier.note} multiline onSave={(note) => update({ note: note || null })} />
      <TextField draftKey={`dossier:${number}:planning`} label={t(lang, 'planning')} value={dossier.planning} multiline rows={2} onSave={(planning) => update({ planning: planning || null })} />
      <TextField draftKey={`dossier:${number}:owner`} label={t(lang, 'owner')} value={dossier.owner} onSave={(owner) => update({ owner: owner.trim() || null })} />
      <TextField draftKey={`dossier:${number}:link`} label={t(lang, 'link')} value={dossier.link} type="url" onSave={(link) => update({ link: link.trim() || null })} />
      {dossier.link?.startsWith('https://') && (
        <p>
          <a href={dossier.link} target="_blank" rel="noopener noreferrer">
            {t(lang, 'openLink')}
          </a>
        </p>
      )}
      <SelectSave
        label={t(lang, 'hoofddossier')}
        value={dossier.hoofddossierId === null ? '' : String(dossier.hoofddossierId)}
        options={[['', t(lang, 'noHoofddossier')], ...hoofddossiers.map((h): [string, string] => [String(h.id), h.title])]}
        onSave={(v) => update({ hoofddossierId: v ? Number(v) : null })}
      />
      <fieldset className="checks">
        <legend>{t(lang, 'ambitions')}</legend>
        {ambitions.map((a) => (
          <label key={a.code}>
            <Checkbox
              checked={dossier.ambitions.includes(a.code)}
              onChange={(e) =>
                void update({
                  ambitions: e.target.checked ? [...dossier.ambitions, a.code] : dossier.ambitions.filter((c) => c !== a.code),
                })
              }
            />{' '}
            {a.name}
          </label>
        ))}
      </fieldset>
      <section aria-labelledby="linked-heading">
        <Heading level={3} id="linked-heading">{t(lang, 'actiepunten')}</Heading>
        <ul className="plain">
          {dossier.actiepunten.map((n) => (
            <li key={n}>
              {n}. {actiepunten.find((a) => a.number === n)?.text}{' '}
              <Button appearance="secondary-action-button" onClick={() => void save('actiepunt.linkDossier', { number: n, dossier: null })}>
                {t(lang, 'unlink')} <span className="visually-hidden">{n}</span>
              </Button>
            </li>
          ))}
        </ul>
        <SelectSave
          label={t(lang, 'linkActiepunt')}
          value=""
          options={[
            ['', t(lang, 'choose')],
            ...actiepunten.filter((a) => a.dossier !== number).map((a): [string, string] => [String(a.number), `${a.number}. ${shortLine(a.text, 60)}`]),
          ]}
          onSave={(v) => (v ? save('actiepunt.linkDossier', { number: Number(v), dossier: number }) : Promise.resolve(null))}
        />
      </section>
      <DiscussedIn lang={lang} kind="dossier" number={number} />
      <AuditTrail lang={lang} kind="dossier" number={number} />
      <section aria-labelledby="history-heading">
        <Heading level={3} id="history-heading">{t(lang, 'history')}</Heading>
        <ol className="timeline" data-testid="dossier-history">
          {[...history].reverse().map((h) => (
            <li key={`${h.kind}${h.id}`}>
              <time dateTime={h.date}>{formatDutchDate(h.date)}</time> {describeHistory(lang, h)}
              {h.note && <span className="muted"> – {h.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </aside>
  );
}

function describeHistory(lang: Lang, h: HistoryEntry): string {
  if (h.kind === 'phase') return t(lang, 'history_phase', { phase: formatPhase(h.state, lang) });
  if (h.kind === 'priority') {
    const value = !h.state.priority ? t(lang, 'noPriority') : h.state.rank ? t(lang, 'rank', { rank: h.state.rank }) : t(lang, 'yes');
    return t(lang, 'history_priority', { value });
  }
  return t(lang, 'history_status', { value: t(lang, `status_${h.status}`) });
}

function SelectSave(props: { label: string; value: string; options: Array<[string, string]>; onSave(v: string): Promise<string | null> }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <NativeSelect id={id} value={props.value} onChange={async (e) => setError(await props.onSave(e.target.value))}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </NativeSelect>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/** Phase, qualifier, parked, as of a date (default today), with a note: one dated history row. */
export function PhaseFields(props: {
  lang: Lang;
  idPrefix: string;
  state: { phase: Phase | ''; qualifier: string; parked: boolean; date: string; note: string };
  onChange(patch: Partial<{ phase: Phase | ''; qualifier: string; parked: boolean; date: string; note: string }>): void;
  /** A refusal of dossier.setPhase: placed beside the field it names (a wrong date showed under the note). */
  error: ReturnType<typeof placeError>;
}) {
  const { lang, idPrefix: p, state, onChange, error: place } = props;
  // 'state.qualifier' is about the qualifier; the rest of 'state' (phase, parked) about the phase.
  const phase = place.at('state.qualifier') ? { ...place, at: () => null, invalid: () => undefined } : place;
  return (
    <>
      <PlacedField id={`${p}-phase`} label={t(lang, 'moveTo')} error={phase.at('state')}>
        <NativeSelect {...placed(phase, 'state', `${p}-phase`)} value={state.phase} onChange={(e) => onChange({ phase: e.target.value as Phase | '' })}>
          <PhaseOptions lang={lang} />
        </NativeSelect>
      </PlacedField>
      <label className="inline">
        <Checkbox checked={state.parked} onChange={(e) => onChange({ parked: e.target.checked })} /> {t(lang, 'parked')}
      </label>
      <PlacedField id={`${p}-qualifier`} label={t(lang, 'qualifier')} error={place.at('state.qualifier')}>
        <TextInput {...placed(place, 'state.qualifier', `${p}-qualifier`)} value={state.qualifier} onChange={(e) => onChange({ qualifier: e.target.value })} />
      </PlacedField>
      <PlacedField id={`${p}-date`} label={t(lang, 'effectiveDate')} error={place.at('date')}>
        <DateInput id={`${p}-date`} value={state.date} onChange={(date) => onChange({ date })} invalid={place.invalid('date')} describedBy={place.at('date') ? `${p}-date-error` : undefined} />
      </PlacedField>
      <PlacedField id={`${p}-note`} label={t(lang, 'phaseNote')} error={place.at('note')}>
        <TextInput {...placed(place, 'note', `${p}-note`)} value={state.note} onChange={(e) => onChange({ note: e.target.value })} />
      </PlacedField>
    </>
  );
}

/** The fields of PhaseFields a refusal can be placed on; anything else goes under the form. */
export const PHASE_FIELDS = ['state', 'date', 'note'] as const;

export function setPhaseInput(number: number, s: { phase: Phase | ''; qualifier: string; parked: boolean; date: string; note: string }) {
  return {
    number,
    state: { phase: s.phase || null, qualifier: s.qualifier.trim() || null, parked: s.parked },
    date: s.date,
    note: s.note.trim() || null,
  };
}

function PhaseForm({ lang, dossier }: { lang: Lang; dossier: Dossier }) {
  const initial = () => ({
    phase: (dossier.phase?.phase ?? 'nieuw') as Phase | '',
    qualifier: dossier.phase?.qualifier ?? '',
    parked: dossier.phase?.parked ?? false,
    date: registerToday(),
    note: '',
  });
  const [state, setState] = useState(initial);
  const [error, setError] = useState<FormError | null>(null);
  const place = placeError(error, PHASE_FIELDS);
  // A new dossier, or its phase changed elsewhere (an undo): start the form from the register again.
  useEffect(() => setState(initial()), [dossier.number, dossier.phase]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(await saveForm('dossier.setPhase', setPhaseInput(dossier.number, state)));
  }
  return (
    <form className="subform" onSubmit={submit} aria-labelledby="phase-form-heading">
      <Heading level={3} id="phase-form-heading">
        {t(lang, 'changePhase')} <span className="muted">({formatPhase(dossier.phase, lang)})</span>
      </Heading>
      <PhaseFields lang={lang} idPrefix="panel" state={state} onChange={(patch) => (setState({ ...state, ...patch }), setError(null))} error={place} />
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'apply')}
      </Button>
      <FieldError id="phase-form-error" error={place.rest} />
    </form>
  );
}

function PriorityForm({ lang, dossier }: { lang: Lang; dossier: Dossier }) {
  // Unticked with a rank, the rank goes and the ones after it move up: said beside the box, not done
  // in silence (issue 14); Ongedaan maken brings it back.
  const [dropped, setDropped] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mark = async (priority: boolean) => {
    const had = dossier.priorityRank;
    const refused = await save('dossier.setPriority', { number: dossier.number, priority, rank: priority ? had : null });
    setError(refused);
    setDropped(!refused && !priority && had !== null ? had : null);
  };
  /** The rank as typed: "1,5" is one and a half (a number field made it 15), refused as not whole. */
  const saveRank = (text: string): Promise<string | null> => {
    const rank = text.trim() === '' ? null : Number(text.trim().replace(',', '.'));
    // Not a number at all ("abc") went over the wire as null: a priority without a rank, in silence.
    if (rank !== null && Number.isNaN(rank)) return Promise.resolve(describeError(lang, { code: 'invalid_input', field: 'rank', message: 'rank: must be a whole number' }));
    return save('dossier.setPriority', { number: dossier.number, priority: true, rank });
  };
  return (
    <fieldset className="subform">
      <legend>{t(lang, 'priority')}</legend>
      <label className="inline">
        <Checkbox checked={dossier.priority} onChange={(e) => void mark(e.target.checked)} data-testid="priority-mark" />{' '}
        {t(lang, 'withPriority')}
      </label>
      {/* A text field like the others: saved on Enter or leaving it, a refused rank kept as a draft
          (with a word) when the panel closes or another dossier opens (it was dropped silently). */}
      <TextField
        id="priority-rank"
        draftKey={`dossier:${dossier.number}:rank`}
        label={t(lang, 'priorityRank')}
        help={t(lang, 'rankHelp')}
        value={dossier.priorityRank === null ? '' : String(dossier.priorityRank)}
        disabled={!dossier.priority}
        inputMode="numeric"
        onSave={saveRank}
      />
      <FieldError id="priority-error" error={error} />
      {dropped !== null && !dossier.priority && (
        <p className="field-help" role="status" data-testid="rank-dropped">
          {t(lang, 'rankDropped', { rank: dropped })}
        </p>
      )}
    </fieldset>
  );
}
