// One actiepunt: text, sub-points edited as a list, owners, deadline (a date or a text such as
// "In elk TB"), remarks, status with its date, and the dossier it belongs to.
import { ownersForEditing, parseOwners } from '../../shared/owners';
import { AuditTrail } from '../components/AuditTrail';
import { DiscussedIn } from '../components/DiscussedIn';
import { useFillHeight } from '../components/fill-height';
import { StatusOptions } from '../components/options';
import { DateInput } from '../components/DateInput';
import { useEffect, useRef, useState } from 'react';
import { Button, Heading, TextInput, Textarea } from '@rijkshuisstijl-community/components-react';
import type { Actiepunt, ActiepuntStatus, Deadline } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { FieldError, type FormError, NativeSelect, placed, PlacedField, placeError, save, TextField } from '../components/fields';
import { deadlineProblem, parseDeadline } from '../meeting-mode/deadline';
import { invoke } from '../client';
import { describeError } from '../error-text';
import { perform, useRegister, registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

export function ActiepuntPanel({ number }: { number: number | 'new' }) {
  const lang = useUi((s) => s.lang);
  const close = () => useUi.getState().openActiepunt(null);
  const version = useRegister((s) => s.version);
  const [item, setItem] = useState<Actiepunt | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (number === 'new') return setItem(null);
    let live = true;
    void invoke('actiepunt.get', { number }).then((r) => live && setItem(r.ok ? r.value : null));
    return () => {
      live = false;
    };
  }, [number, version]);
  // Focus moves to the panel once its content is there, so the keyboard user lands in it.
  const loaded = item !== null || number === 'new';
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [number, loaded]);
  // As high as the window leaves it below the bar, so the page does not scroll beside it.
  const self = useRef<HTMLElement>(null);
  useFillHeight(self, loaded, 'maxHeight');

  return (
    <aside ref={self} className="panel" aria-labelledby="ap-panel-title" onKeyDown={(e) => e.key === 'Escape' && close()} data-testid="actiepunt-panel">
      <div className="panel-head">
        <Heading level={2} id="ap-panel-title" tabIndex={-1} ref={heading}>
          {number === 'new' ? t(lang, 'newActiepunt') : t(lang, 'panelActiepunt', { number })}
        </Heading>
        <Button appearance="secondary-action-button" onClick={close}>
          {t(lang, 'close')}
        </Button>
      </div>
      {number === 'new' ? <NewActiepunt lang={lang} /> : item && <EditActiepunt lang={lang} a={item} />}
    </aside>
  );
}

/**
 * A new actiepunt whole in one step: its text, owners and deadline (issue 14: owner and deadline
 * came after a second step). The deadline as the meeting mode takes it: dd-mm-jjjj, a period from
 * today (+6w) or "volgende TB". A refusal sits beside its field and goes once that field changes.
 */
function NewActiepunt({ lang }: { lang: Lang }) {
  const [text, setText] = useState('');
  const [owners, setOwners] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const place = placeError(error, ['text', 'owners', 'deadline']);
  const edited = (field: string) => (place.invalid(field) || place.rest) && setError(null);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const due = parseDeadline(deadline, registerToday());
    if (due === 'invalid' || due === 'no-such-date') return setError({ field: 'deadline', text: deadlineProblem(lang, due, deadline) });
    const list = parseOwners(owners);
    const result = await perform('actiepunt.create', { text, owners: list, ...(due ? { deadline: due } : {}) });
    if (result.ok) useUi.getState().openActiepunt(result.value.number);
    else setError({ field: result.error.field, text: describeError(lang, result.error) });
  }
  return (
    <form onSubmit={submit} aria-label={t(lang, 'newActiepunt')}>
      <PlacedField id="new-ap-text" label={t(lang, 'text')} error={place.at('text')}>
        <Textarea {...placed(place, 'text', 'new-ap-text')} value={text} rows={3} onChange={(e) => (setText(e.target.value), edited('text'))} />
      </PlacedField>
      <PlacedField id="new-ap-owners" label={t(lang, 'owners')} help={t(lang, 'ownersHelp')} error={place.at('owners')}>
        <TextInput {...placed(place, 'owners', 'new-ap-owners', true)} value={owners} onChange={(e) => (setOwners(e.target.value), edited('owners'))} />
      </PlacedField>
      <PlacedField id="new-ap-deadline" label={t(lang, 'deadline')} help={t(lang, 'newDeadlineHelp')} error={place.at('deadline')}>
        <TextInput
          {...placed(place, 'deadline', 'new-ap-deadline', true)}
          value={deadline}
          placeholder="dd-mm-jjjj"
          onChange={(e) => (setDeadline(e.target.value), edited('deadline'))}
        />
      </PlacedField>
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'create')}
      </Button>
      <FieldError id="new-ap-error" error={place.rest} />
    </form>
  );
}

function EditActiepunt({ lang, a }: { lang: Lang; a: Actiepunt }) {
  const { dossiers } = useRegister();
  const update = (patch: Record<string, unknown>) => save('actiepunt.update', { number: a.number, patch });
  return (
    <>
      <TextField draftKey={`actiepunt:${a.number}:text`} label={t(lang, 'text')} value={a.text} multiline onSave={(text) => update({ text })} testId="ap-text" />
      <SubPoints lang={lang} a={a} />
      <TextField
        draftKey={`actiepunt:${a.number}:owners`}
        label={t(lang, 'owners')}
        help={t(lang, 'ownersHelp')}
        value={ownersForEditing(a.owners)}
        onSave={(v) => update({ owners: parseOwners(v) })}
      />
      <DeadlineField lang={lang} a={a} />
      <TextField draftKey={`actiepunt:${a.number}:remarks`} label={t(lang, 'remarks')} value={a.remarks} onSave={(remarks) => update({ remarks: remarks || null })} />
      <StatusForm lang={lang} a={a} />
      <div className="field">
        <label htmlFor="ap-dossier">{t(lang, 'dossier')}</label>
        <NativeSelect
          id="ap-dossier"
          value={a.dossier === null ? '' : String(a.dossier)}
          onChange={(e) => void save('actiepunt.linkDossier', { number: a.number, dossier: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t(lang, 'noHoofddossier')}</option>
          {dossiers.map((d) => (
            <option key={d.number} value={String(d.number)}>
              {d.number}. {d.title}
            </option>
          ))}
        </NativeSelect>
      </div>
      <DiscussedIn lang={lang} kind="actiepunt" number={a.number} />
      <AuditTrail lang={lang} kind="actiepunt" number={a.number} />
    </>
  );
}

function SubPoints({ lang, a }: { lang: Lang; a: Actiepunt }) {
  const [items, setItems] = useState(a.subPoints);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setItems(a.subPoints), [a.subPoints]);
  const commit = async (next: string[]) => {
    setItems(next);
    const cleaned = next.map((s) => s.trim()).filter(Boolean);
    if (JSON.stringify(cleaned) !== JSON.stringify(a.subPoints)) setError(await save('actiepunt.update', { number: a.number, patch: { subPoints: cleaned } }));
  };
  return (
    <fieldset className="subform">
      <legend>{t(lang, 'subPoints')}</legend>
      <ol className="sub-points">
        {items.map((s, i) => (
          <li key={i}>
            <label className="visually-hidden" htmlFor={`sp-${i}`}>
              {t(lang, 'subPoint', { n: i + 1 })}
            </label>
            <TextInput
              id={`sp-${i}`}
              value={s}
              onChange={(e) => setItems(items.map((x, j) => (j === i ? e.target.value : x)))}
              onBlur={() => void commit(items)}
              onKeyDown={(e) => e.key === 'Enter' && void commit(items)}
            />
            <Button appearance="secondary-action-button" className="small" disabled={i === 0} onClick={() => void commit(items.map((x, j) => (j === i - 1 ? items[i]! : j === i ? items[i - 1]! : x)))}>
              ↑<span className="visually-hidden">{t(lang, 'moveUp', { n: i + 1 })}</span>
            </Button>
            <Button appearance="secondary-action-button" className="small" onClick={() => void commit(items.filter((_, j) => j !== i))}>
              ✕<span className="visually-hidden">{t(lang, 'removeSubPoint', { n: i + 1 })}</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button appearance="secondary-action-button" className="small" onClick={() => setItems([...items, ''])}>
        + {t(lang, 'addSubPoint')}
      </Button>
      <FieldError id="sp-error" error={error} />
    </fieldset>
  );
}

function DeadlineField({ lang, a }: { lang: Lang; a: Actiepunt }) {
  const [kind, setKind] = useState<'none' | 'date' | 'text'>(a.deadline?.kind ?? 'none');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setKind(a.deadline?.kind ?? 'none'), [a.deadline]);
  const saveDeadline = async (deadline: Deadline | null) => setError(await save('actiepunt.update', { number: a.number, patch: { deadline } }));
  return (
    <fieldset className="subform">
      <legend>{t(lang, 'deadline')}</legend>
      <div className="field">
        <label htmlFor="ap-deadline-kind">{t(lang, 'deadlineKind')}</label>
        <NativeSelect
          id="ap-deadline-kind"
          value={kind}
          onChange={(e) => {
            const next = e.target.value as typeof kind;
            setKind(next);
            if (next === 'none') void saveDeadline(null);
          }}
        >
          <option value="none">{t(lang, 'deadlineNone')}</option>
          <option value="date">{t(lang, 'deadlineDate')}</option>
          <option value="text">{t(lang, 'deadlineText')}</option>
        </NativeSelect>
      </div>
      {kind === 'date' && (
        <TextField
          label={t(lang, 'deadlineDate')}
          type="date"
          value={a.deadline?.kind === 'date' ? a.deadline.date : ''}
          onSave={(date) => save('actiepunt.update', { number: a.number, patch: { deadline: { kind: 'date', date } } })}
        />
      )}
      {kind === 'text' && (
        <TextField
          label={t(lang, 'deadlineText')}
          value={a.deadline?.kind === 'text' ? a.deadline.text : ''}
          onSave={(text) => save('actiepunt.update', { number: a.number, patch: { deadline: { kind: 'text', text } } })}
        />
      )}
      <FieldError id="deadline-error" error={error} />
    </fieldset>
  );
}

function StatusForm({ lang, a }: { lang: Lang; a: Actiepunt }) {
  const [status, setStatus] = useState<ActiepuntStatus>(a.status);
  const [date, setDate] = useState(registerToday());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setStatus(a.status), [a.status]);
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setError(await save('actiepunt.setStatus', { number: a.number, status, date }));
  }
  return (
    <form className="subform" onSubmit={submit} aria-labelledby="ap-status-heading">
      <Heading level={3} id="ap-status-heading">{t(lang, 'status')}</Heading>
      <div className="field">
        <label htmlFor="ap-status-select">{t(lang, 'status')}</label>
        <NativeSelect id="ap-status-select" value={status} onChange={(e) => setStatus(e.target.value as ActiepuntStatus)}>
          <StatusOptions lang={lang} />
        </NativeSelect>
      </div>
      <div className="field">
        <label htmlFor="ap-status-date">{t(lang, 'statusDate')}</label>
        <DateInput id="ap-status-date" value={date} onChange={setDate} />
      </div>
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'apply')}
      </Button>
      <FieldError id="ap-status-error" error={error} />
    </form>
  );
}
