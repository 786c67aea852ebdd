// On the besluitenlijst item: this meeting approves the previous meeting's besluitenlijst,
// unchanged or with changes (saying what changed). After that the previous meeting is final.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Radio, Textarea } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { APPROVALS, type Approval, type Meeting, type Outcome } from '../../shared/meeting';
import { invoke } from '../client';
import { describeOutcome } from '../../shared/meeting-text';
import { FieldError, useSingleFlight } from '../components/fields';
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
  const [decisions, setDecisions] = useState<Outcome[] | null>(null);
  const once = useSingleFlight();
  const form = useRef<HTMLFormElement>(null);
  const inSession = meeting.state === 'in_vergadering' || meeting.state === 'afgerond';
  const shown = !!previous && previous.state === 'afgerond' && inSession;
  // What is being approved: the previous meeting's besluiten, as its concept besluitenlijst has them.
  useEffect(() => {
    if (!shown) return;
    let live = true;
    void invoke('meeting.get', { number: previous.number }).then((r) => live && r.ok && setDecisions(r.value.items.flatMap((i) => i.outcomes).filter((o) => o.kind === 'besluit')));
    return () => {
      live = false;
    };
  }, [shown, previous?.number]);
  if (!shown) return null;
  async function approve() {
    const result = await perform('meeting.setState', {
      number: previous!.number,
      state: 'vastgesteld',
      approval: { by: meeting.number, kind, note: kind === 'met_wijzigingen' ? note : null },
    });
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    setError(null);
    // The form is gone once the list is approved: the keyboard goes to the item it was on.
    const heading = form.current?.closest('li')?.querySelector<HTMLElement>('h4');
    requestAnimationFrame(() => heading?.focus());
    useUi.getState().announce(t(lang, 'approvedIn', { meeting: meeting.number, how: t(lang, `approval_${kind}`).toLowerCase() }));
  }
  return (
    <form
      ref={form}
      className="subform approve"
      aria-labelledby={`${id}-title`}
      data-testid="approve-form"
      onSubmit={(e) => {
        e.preventDefault();
        void once(approve);
      }}
    >
      <h5 id={`${id}-title`}>{t(lang, 'approveTitle', { number: previous.number })}</h5>
      <p className="muted">{t(lang, 'approveIntro', { number: previous.number })}</p>
      {decisions && (
        <ul className="outcomes" aria-label={t(lang, 'approveList', { number: previous.number })} data-testid="approve-decisions">
          {decisions.length === 0 && <li className="muted">{t(lang, 'noDecisionsIn', { number: previous.number })}</li>}
          {decisions.map((o) => (
            <li key={o.id}>{describeOutcome(lang, o)}</li>
          ))}
        </ul>
      )}
      <fieldset className="checks">
        <legend className="visually-hidden">{t(lang, 'approveTitle', { number: previous.number })}</legend>
        {APPROVALS.map((a) => (
          <label key={a}>
            <Radio name={`${id}-kind`} value={a} checked={kind === a} onChange={() => setKind(a)} /> {t(lang, `approval_${a}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'met_wijzigingen' && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t(lang, 'approvalNote')}</label>
          <Textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} invalid={error?.field?.startsWith('approval') ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
        </div>
      )}
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'approveButton')}
      </Button>
      <FieldError id={`${id}-error`} error={error?.text ?? null} />
    </form>
  );
}
