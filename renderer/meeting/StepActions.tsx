// The next steps in a meeting's life, each behind a confirmation that says what the step does and
// what it keeps. vastgesteld is not a step of its own: the next meeting approves the besluitenlijst.
// The confirmation takes the keyboard on its text, so a second Enter does not take the step; Escape
// or "Terug" backs out; closing a meeting with typed but unrecorded text is held up until it is dealt with.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import { TRANSITIONS, type Meeting } from '../../shared/meeting';
import { FieldError, hasUnsavedText, save, useSingleFlight } from '../components/fields';
import { registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

type Step = 'agenda_vastgesteld' | 'in_vergadering' | 'afgerond' | 'geannuleerd';

export function StepActions({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const [confirming, setConfirming] = useState<Step | null>(null);
  const [error, setError] = useState<string | null>(null);
  const once = useSingleFlight();
  const text = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (confirming) text.current?.focus();
  }, [confirming]);
  const steps = TRANSITIONS[meeting.state].filter((s): s is Step => s !== 'vastgesteld');
  if (steps.length === 0) return null;
  const unsaved = confirming === 'afgerond' && hasUnsavedText();
  // A meeting dated later cannot be opened yet: said on the button's line before anything is
  // confirmed (it asked first, then refused, review).
  const early = (s: Step) => s === 'in_vergadering' && meeting.date > registerToday();

  function back() {
    setConfirming(null);
    setError(null);
    requestAnimationFrame(() => opener.current?.focus());
  }
  async function step(to: Step) {
    const failure = await save('meeting.setState', { number: meeting.number, state: to });
    setError(failure);
    if (failure) return;
    setConfirming(null);
    useUi.getState().announce(t(lang, `state_${to}`));
    // The page now shows the meeting in its new state: the keyboard goes to its heading.
    requestAnimationFrame(() => document.getElementById('meeting-heading')?.focus());
  }
  return (
    <div className="step-actions" role="group" aria-label={t(lang, 'stateActions')} onKeyDown={(e) => e.key === 'Escape' && confirming && back()}>
      {confirming ? (
        <div className="confirm" data-testid="step-confirm">
          <p ref={text} tabIndex={-1}>
            {t(lang, `confirm_${confirming}`, { year: meeting.date.slice(0, 4) })}
          </p>
          {unsaved && (
            <Alert type="warning" role="alert">
              {t(lang, 'unsavedBeforeClose')}
            </Alert>
          )}
          <Button appearance="primary-action-button" hint={confirming === 'geannuleerd' ? 'danger' : undefined} aria-disabled={unsaved || undefined} onClick={() => !unsaved && void once(() => step(confirming))}>
            {t(lang, 'confirmStep', { step: t(lang, `toState_${confirming}`).toLowerCase() })}
          </Button>{' '}
          <Button appearance="secondary-action-button" onClick={back}>
            {t(lang, 'goBack')}
          </Button>
        </div>
      ) : (
        steps.map((s) => (
          <span key={s} className="step">
            <Button
              appearance={s === 'geannuleerd' ? 'secondary-action-button' : 'primary-action-button'}
              aria-disabled={early(s) || undefined}
              aria-describedby={early(s) ? `step-${s}-why` : undefined}
              onClick={(e) => {
                if (early(s)) return;
                opener.current = e.currentTarget;
                setConfirming(s);
              }}
            >
              {t(lang, `toState_${s}`)}
            </Button>
            {early(s) && (
              <span id={`step-${s}-why`} className="field-help">
                {' '}
                {t(lang, 'openFrom', { date: formatDutchDate(meeting.date) })}
              </span>
            )}
          </span>
        ))
      )}
      <FieldError id="step-error" error={error} />
    </div>
  );
}
