// Recording an outcome on an agenda item: a besluit (which may replace or withdraw an earlier one),
// a new actiepunt, a notitie (the meeting's, never the dossier's Toelichting) or a
// prioriteitswijziging (dated on the meeting's date). A refused outcome keeps what was typed and
// says what is wrong beside the field; typed text not yet recorded holds up closing the meeting.
import { useId, useState } from 'react';
import { Button, Checkbox, TextInput, Textarea } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { OUTCOME_KINDS, REPLACE_KINDS, type AgendaItem, type Meeting, type OutcomeKind, type ReplaceKind } from '../../shared/meeting';
import type { CallInput } from '../../shared/contract';
import { parseOwners } from '../../shared/owners';
import { DateInput } from '../components/DateInput';
import { FieldError, type FormError, NativeSelect, placeError, useSingleFlight, useUnsaved } from '../components/fields';
import { describeError } from '../error-text';
import { perform, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

const FIELDS = ['text', 'dossier', 'owners', 'deadline', 'rank', 'replaces'] as const;

export function OutcomeForm({ item, onClose }: { meeting: Meeting; item: AgendaItem; onClose(): void }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const dossiers = useRegister((s) => s.dossiers);
  const defaultDossier = item.links.dossiers.length === 1 ? String(item.links.dossiers[0]) : '';
  const [kind, setKind] = useState<OutcomeKind>(item.purpose === 'besluitvorming' ? 'besluit' : 'notitie');
  const [text, setText] = useState('');
  const [dossier, setDossier] = useState(defaultDossier);
  const [owners, setOwners] = useState('');
  const [deadline, setDeadline] = useState('');
  const [priority, setPriority] = useState(true);
  const [rank, setRank] = useState('');
  const [replaces, setReplaces] = useState('');
  const [replaceKind, setReplaceKind] = useState<ReplaceKind>('vervangt');
  const [error, setError] = useState<FormError | null>(null);
  const once = useSingleFlight();
  useUnsaved(text.trim() !== '' || owners.trim() !== '' || replaces.trim() !== '');

  const number = (v: string) => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v) : (v as unknown as number));
  function input(): CallInput<'outcome.add'> {
    switch (kind) {
      case 'besluit':
        return { item: item.id, kind, text, dossier: number(dossier), replaces: replaces.trim() ? { decision: replaces.trim(), kind: replaceKind } : null };
      case 'actiepunt':
        return {
          item: item.id,
          kind,
          text,
          owners: parseOwners(owners),
          deadline: deadline ? { kind: 'date', date: deadline } : null,
          dossier: number(dossier),
        };
      case 'notitie':
        return { item: item.id, kind, text, dossier: number(dossier) };
      case 'prioriteit':
        return { item: item.id, kind, dossier: number(dossier) as number, priority, rank: priority ? number(rank) : null, text: text || null };
    }
  }
  async function record() {
    const result = await perform('outcome.add', input());
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    setError(null);
    // Ready for the next outcome: nothing of this one carries over to it, the dossier included.
    setText('');
    setOwners('');
    setDeadline('');
    setReplaces('');
    setRank('');
    setDossier(defaultDossier);
    useUi.getState().announce(`${t(lang, `outcome_${kind}`)}: ${t(lang, 'agendaItem')} ${item.number}`);
    requestAnimationFrame(() => document.getElementById(`${id}-text`)?.focus());
  }
  const place = placeError(error, FIELDS);
  const described = (field: string) => (place.at(field) ? `${id}-${field}-error` : undefined);
  const listId = `${id}-dossiers`;
  const chosen = dossiers.find((d) => String(d.number) === dossier.trim());
  return (
    <form
      className="outcome-form"
      aria-label={`${t(lang, 'addOutcome')}: ${t(lang, 'agendaItem')} ${item.number}`}
      data-testid={`outcome-form-${item.number}`}
      onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
      onSubmit={(e) => {
        e.preventDefault();
        void once(record);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t(lang, 'outcomeKind')}</label>
        <NativeSelect id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as OutcomeKind)}>
          {OUTCOME_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(lang, `outcome_${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-text`}>{kind === 'prioriteit' ? t(lang, 'note') : t(lang, 'outcomeText')}</label>
        <Textarea
          id={`${id}-text`}
          autoFocus
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          invalid={place.invalid('text')}
          aria-describedby={described('text')}
          onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), void once(record))}
        />
        <FieldError id={`${id}-text-error`} error={place.at('text')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dossier`}>{t(lang, 'outcomeDossier')}</label>
        <TextInput id={`${id}-dossier`} list={listId} size={6} inputMode="numeric" value={dossier} onChange={(e) => setDossier(e.target.value)} invalid={place.invalid('dossier')} aria-describedby={described('dossier') ?? `${id}-dossier-title`} />
        <datalist id={listId}>
          {[...item.links.dossiers, ...dossiers.filter((d) => !d.archived && !item.links.dossiers.includes(d.number)).map((d) => d.number)].slice(0, 300).map((n) => (
            <option key={n} value={n}>
              {dossiers.find((d) => d.number === n)?.title}
            </option>
          ))}
        </datalist>
        <span id={`${id}-dossier-title`} className="field-help dossier-hint">
          {chosen ? chosen.title : dossier.trim() ? '' : t(lang, 'noDossier')}
        </span>
        <FieldError id={`${id}-dossier-error`} error={place.at('dossier')} />
      </div>
      {kind === 'actiepunt' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-owners`}>{t(lang, 'owners')}</label>
            <TextInput id={`${id}-owners`} size={14} value={owners} onChange={(e) => setOwners(e.target.value)} invalid={place.invalid('owners')} aria-describedby={described('owners')} />
            <FieldError id={`${id}-owners-error`} error={place.at('owners')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-deadline`}>{t(lang, 'deadline')}</label>
            <DateInput id={`${id}-deadline`} value={deadline} onChange={setDeadline} invalid={place.invalid('deadline')} describedBy={described('deadline')} />
            <FieldError id={`${id}-deadline-error`} error={place.at('deadline')} />
          </div>
        </>
      )}
      {kind === 'prioriteit' && (
        <>
          <label className="inline">
            <Checkbox checked={priority} onChange={(e) => setPriority(e.target.checked)} /> {t(lang, 'givePriority')}
          </label>
          {priority && (
            <div className="field">
              <label htmlFor={`${id}-rank`}>{t(lang, 'priorityRankOptional')}</label>
              <TextInput id={`${id}-rank`} size={4} inputMode="numeric" value={rank} onChange={(e) => setRank(e.target.value)} invalid={place.invalid('rank')} aria-describedby={described('rank')} />
              <FieldError id={`${id}-rank-error`} error={place.at('rank')} />
            </div>
          )}
        </>
      )}
      {kind === 'besluit' && (
        <div className="field">
          <label htmlFor={`${id}-replaces`}>{t(lang, 'replacesField')}</label>
          <span className="with-button">
            <NativeSelect aria-label={t(lang, 'replacesField')} value={replaceKind} onChange={(e) => setReplaceKind(e.target.value as ReplaceKind)}>
              {REPLACE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(lang, `replaceKind_${k}`)}
                </option>
              ))}
            </NativeSelect>
            <TextInput id={`${id}-replaces`} size={11} placeholder="B-2024-01" value={replaces} onChange={(e) => setReplaces(e.target.value)} invalid={place.invalid('replaces')} aria-describedby={described('replaces')} />
          </span>
          <FieldError id={`${id}-replaces-error`} error={place.at('replaces')} />
        </div>
      )}
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'addOutcome')}
      </Button>
      <FieldError id={`${id}-error`} error={place.rest} />
    </form>
  );
}
