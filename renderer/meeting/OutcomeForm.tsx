// Recording an outcome on an agenda item: a besluit (which may replace or withdraw an earlier one),
// a new actiepunt, a notitie (the meeting's, never the dossier's Toelichting) or a
// prioriteitswijziging (dated on the meeting's date).
import { useId, useState } from 'react';
import { t } from '../../shared/i18n';
import { OUTCOME_KINDS, REPLACE_KINDS, type AgendaItem, type Meeting, type OutcomeKind, type ReplaceKind } from '../../shared/meeting';
import { DateInput } from '../components/DateInput';
import { FieldError } from '../components/fields';
import { describeError } from '../error-text';
import { perform, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import type { CallInput } from '../../shared/contract';

export function OutcomeForm({ meeting, item }: { meeting: Meeting; item: AgendaItem }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const dossiers = useRegister((s) => s.dossiers);
  const [kind, setKind] = useState<OutcomeKind>(item.purpose === 'besluitvorming' ? 'besluit' : 'notitie');
  const [text, setText] = useState('');
  const [dossier, setDossier] = useState(item.links.dossiers.length === 1 ? String(item.links.dossiers[0]) : '');
  const [owners, setOwners] = useState('');
  const [deadline, setDeadline] = useState('');
  const [priority, setPriority] = useState(true);
  const [rank, setRank] = useState('');
  const [replaces, setReplaces] = useState('');
  const [replaceKind, setReplaceKind] = useState<ReplaceKind>('vervangt');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);

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
          owners: owners.split('/').map((o) => o.trim()).filter(Boolean),
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
    setText('');
    setOwners('');
    setDeadline('');
    setReplaces('');
    setRank('');
    useUi.getState().announce(`${t(lang, `outcome_${kind}`)}: ${t(lang, 'agendaItem')} ${item.number}`);
  }
  const invalid = (...fields: string[]) => (error?.field && fields.some((f) => error.field === f || error.field!.startsWith(`${f}.`)) ? true : undefined);
  const describedBy = error ? `${id}-error` : undefined;
  const listId = `${id}-dossiers`;
  return (
    <form
      className="outcome-form"
      aria-label={`${t(lang, 'addOutcome')}: ${t(lang, 'agendaItem')} ${item.number}`}
      data-testid={`outcome-form-${item.number}`}
      onSubmit={(e) => {
        e.preventDefault();
        void record();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t(lang, 'outcomeKind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as OutcomeKind)}>
          {OUTCOME_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(lang, `outcome_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-text`}>{kind === 'prioriteit' ? t(lang, 'note') : t(lang, 'outcomeText')}</label>
        <textarea id={`${id}-text`} autoFocus rows={1} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={invalid('text')} aria-describedby={describedBy}
          onKeyDown={(e) => e.key === 'Enter' && !e.shiftKey && (e.preventDefault(), void record())} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-dossier`}>{t(lang, 'outcomeDossier')}</label>
        <input id={`${id}-dossier`} list={listId} size={5} inputMode="numeric" value={dossier} onChange={(e) => setDossier(e.target.value)} aria-invalid={invalid('dossier')} aria-describedby={describedBy} />
        <datalist id={listId}>
          {[...item.links.dossiers, ...dossiers.filter((d) => !d.archived && !item.links.dossiers.includes(d.number)).map((d) => d.number)].slice(0, 300).map((n) => (
            <option key={n} value={n}>
              {dossiers.find((d) => d.number === n)?.title}
            </option>
          ))}
        </datalist>
      </div>
      {kind === 'actiepunt' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-owners`}>{t(lang, 'owners')}</label>
            <input id={`${id}-owners`} size={14} value={owners} onChange={(e) => setOwners(e.target.value)} aria-invalid={invalid('owners')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-deadline`}>{t(lang, 'deadline')}</label>
            <DateInput id={`${id}-deadline`} value={deadline} onChange={setDeadline} invalid={invalid('deadline')} describedBy={describedBy} />
          </div>
        </>
      )}
      {kind === 'prioriteit' && (
        <>
          <label className="inline">
            <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} /> {t(lang, 'givePriority')}
          </label>
          {priority && (
            <div className="field">
              <label htmlFor={`${id}-rank`}>{t(lang, 'priorityRankOptional')}</label>
              <input id={`${id}-rank`} size={4} inputMode="numeric" value={rank} onChange={(e) => setRank(e.target.value)} aria-invalid={invalid('rank')} />
            </div>
          )}
        </>
      )}
      {kind === 'besluit' && (
        <div className="field">
          <label htmlFor={`${id}-replaces`}>{t(lang, 'replacesField')}</label>
          <span className="with-button">
            <select aria-label={t(lang, 'replacesField')} value={replaceKind} onChange={(e) => setReplaceKind(e.target.value as ReplaceKind)}>
              {REPLACE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(lang, `replaceKind_${k}`)}
                </option>
              ))}
            </select>
            <input id={`${id}-replaces`} size={11} placeholder="B-2024-01" value={replaces} onChange={(e) => setReplaces(e.target.value)} aria-invalid={invalid('replaces')} />
          </span>
        </div>
      )}
      <button type="submit" className="primary">
        {t(lang, 'addOutcome')}
      </button>
      <FieldError id={`${id}-error`} error={error?.text ?? null} />
    </form>
  );
}
