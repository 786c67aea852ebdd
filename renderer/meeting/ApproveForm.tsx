// On the besluitenlijst item: this meeting approves the previous meeting's besluitenlijst,
// unchanged or with changes (saying what changed). After that the previous meeting is final.
import { useId, useState } from 'react';
import { t } from '../../shared/i18n';
import { APPROVALS, type Approval, type Meeting } from '../../shared/meeting';
import { FieldError } from '../components/fields';
import { describeError } from '../error-text';
import { perform, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export function ApproveForm({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const previous = useRegister((s) => s.meetings.find((m) => m.number === meeting.previous));
  const [kind, setKind] = useState<Approval>('ongewijzigd');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const inSession = meeting.state === 'in_vergadering' || meeting.state === 'afgerond';
  if (!previous || previous.state !== 'afgerond' || !inSession) return null;
  async function approve() {
    const result = await perform('meeting.setState', {
      number: previous!.number,
      state: 'vastgesteld',
      approval: { by: meeting.number, kind, note: kind === 'met_wijzigingen' ? note : null },
    });
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    setError(null);
    useUi.getState().announce(t(lang, 'approvedIn', { meeting: meeting.number, how: t(lang, `approval_${kind}`).toLowerCase() }));
  }
  return (
    <form
      className="subform approve"
      aria-labelledby={`${id}-title`}
      data-testid="approve-form"
      onSubmit={(e) => {
        e.preventDefault();
        void approve();
      }}
    >
      <h5 id={`${id}-title`}>{t(lang, 'approveTitle', { number: previous.number })}</h5>
      <p className="muted">{t(lang, 'approveIntro', { number: previous.number })}</p>
      <fieldset className="checks">
        <legend className="visually-hidden">{t(lang, 'approveTitle', { number: previous.number })}</legend>
        {APPROVALS.map((a) => (
          <label key={a}>
            <input type="radio" name={`${id}-kind`} value={a} checked={kind === a} onChange={() => setKind(a)} /> {t(lang, `approval_${a}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'met_wijzigingen' && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t(lang, 'approvalNote')}</label>
          <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={error?.field?.startsWith('approval') ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        </div>
      )}
      <button type="submit" className="primary">
        {t(lang, 'approveButton')}
      </button>
      <FieldError id={`${id}-error`} error={error?.text ?? null} />
    </form>
  );
}
