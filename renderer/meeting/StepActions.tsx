// The next steps in a meeting's life, each behind a confirmation that says what the step does and
// what it keeps. vastgesteld is not a step of its own: the next meeting approves the besluitenlijst.
import { useState } from 'react';
import { t } from '../../shared/i18n';
import { TRANSITIONS, type Meeting, type MeetingState } from '../../shared/meeting';
import { FieldError, save } from '../components/fields';
import { useUi } from '../stores/ui';

export function StepActions({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const [confirming, setConfirming] = useState<MeetingState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const steps = TRANSITIONS[meeting.state].filter((s) => s !== 'vastgesteld');
  if (steps.length === 0) return null;
  async function step(to: MeetingState) {
    setBusy(true);
    const failure = await save('meeting.setState', { number: meeting.number, state: to });
    setBusy(false);
    setError(failure);
    if (!failure) {
      setConfirming(null);
      useUi.getState().announce(t(lang, `state_${to}`));
    }
  }
  type Step = 'agenda_vastgesteld' | 'in_vergadering' | 'afgerond' | 'geannuleerd';
  return (
    <div className="step-actions" role="group" aria-label={t(lang, 'stateActions')}>
      {confirming ? (
        <div className="confirm" data-testid="step-confirm">
          <p>{t(lang, `confirm_${confirming as Step}`, { year: meeting.date.slice(0, 4) })}</p>
          <button type="button" autoFocus className={confirming === "geannuleerd" ? "danger" : "primary"} disabled={busy} onClick={() => void step(confirming)}>
            {t(lang, 'confirmStep', { step: t(lang, `toState_${confirming as Step}`).toLowerCase() })}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(null);
              setError(null);
            }}
          >
            {t(lang, 'cancel')}
          </button>
        </div>
      ) : (
        steps.map((s) => (
          <button key={s} type="button" className={s === 'geannuleerd' ? undefined : 'primary'} onClick={() => setConfirming(s)}>
            {t(lang, `toState_${s as Step}`)}
          </button>
        ))
      )}
      <FieldError id="step-error" error={error} />
    </div>
  );
}
