// Fields that edit the register in place: type, then leave the field or press Enter to save.
// A refused save keeps what was typed, shows the contract's error under the field, and leaves the
// rest of the screen showing the register as it is. While a field holds unsaved text, closing the
// window asks first.
import { useEffect, useId, useRef, useState, type ReactNode, type SelectHTMLAttributes } from 'react';
import { Button, FormFieldErrorMessage, Textarea, TextInput } from '@rijkshuisstijl-community/components-react';
import type { CallInput, CallName } from '../../shared/contract';
import { t, type Lang } from '../../shared/i18n';
import { formatDutchDate } from '../../shared/dates';
import { describeError } from '../error-text';
import { toIsoOrRaw } from './DateInput';
import { perform } from '../stores/register';
import { useUi } from '../stores/ui';

const dirtyFields = new Set<string>();
window.addEventListener('beforeunload', (event) => {
  if (dirtyFields.size > 0) {
    event.preventDefault();
    event.returnValue = t(useUi.getState().lang, 'unsavedChanges');
  }
});

/** Whether any field or form holds text typed but not saved (closing a meeting asks about it first). */
export const hasUnsavedText = (): boolean => dirtyFields.size > 0;

/** Marks a form's typed text as unsaved while `dirty`: closing the window or the meeting asks first. */
export function useUnsaved(dirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (dirty) dirtyFields.add(id);
    else dirtyFields.delete(id);
    return () => void dirtyFields.delete(id);
  }, [dirty, id]);
}

/**
 * Runs an action at most once at a time: a second click or Enter while the first is on its way does
 * nothing (a double click made two meetings). The button stays enabled, so focus stays on it.
 */
export function useSingleFlight(): (action: () => Promise<unknown>) => Promise<void> {
  const busy = useRef(false);
  return async (action) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await action();
    } finally {
      busy.current = false;
    }
  };
}

/** Performs a call; null on success, else the error in the user's language. */
export async function save<N extends CallName>(name: N, input: CallInput<N>): Promise<string | null> {
  const result = await perform(name, input);
  return result.ok ? null : describeError(useUi.getState().lang, result.error);
}

/** A refused form call: its field path, if it named one, and the message in the user's language. */
export interface FormError {
  field?: string;
  text: string;
}

/** Performs a form's call; null on success, else the refusal with the field it names, to place. */
export async function saveForm<N extends CallName>(name: N, input: CallInput<N>): Promise<FormError | null> {
  const result = await perform(name, input);
  return result.ok ? null : { field: result.error.field, text: describeError(useUi.getState().lang, result.error) };
}

/**
 * Where a form's error goes: beside the field it is about (`at('text')` is true for 'text' and
 * 'text.…'), or at the form's end when it names none of the form's fields (`rest`).
 */
export function placeError(error: FormError | null, fields: readonly string[]) {
  const on = (field: string) => !!error?.field && (error.field === field || error.field.startsWith(`${field}.`));
  return {
    at: (field: string): string | null => (error && on(field) ? error.text : null),
    invalid: (field: string): true | undefined => (on(field) ? true : undefined),
    rest: error && !fields.some(on) ? error.text : null,
  };
}

/**
 * A form's field with its refusal beside it: the label, the control (`children`, which take
 * `placed(...)`'s attributes), a hint, and the error placeError puts on this field.
 */
export function PlacedField({ id, label, help, error, grow, children }: { id: string; label: string; help?: string; error: string | null; grow?: boolean; children: ReactNode }) {
  return (
    <div className={grow ? 'utrecht-form-field field grow' : 'utrecht-form-field field'}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      {children}
      <FieldHelp id={`${id}-help`} help={help} />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * The attributes that tie a control (TextInput, Textarea, NativeSelect) to its PlacedField's error
 * and hint. Those controls take `invalid` and set aria-invalid themselves.
 */
export function placed(place: ReturnType<typeof placeError>, field: string, id: string, help = false) {
  return {
    id,
    invalid: place.invalid(field),
    'aria-describedby': [place.at(field) ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined,
  };
}

/**
 * A native select in the design system's look: its React package exports no bare Select, so this is
 * its CSS classes on our own `<select>`, taking `invalid` as the design system's controls do.
 */
export function NativeSelect({ invalid, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean }) {
  return <select {...props} className={['utrecht-select', 'utrecht-select--html-select', className].filter(Boolean).join(' ')} aria-invalid={invalid || undefined} />;
}

/** A field's hint, as the design system's form field description. */
export function FieldHelp({ id, help }: { id: string; help?: string }) {
  if (!help) return null;
  return (
    <p id={id} className="utrecht-form-field-description field-help">
      {help}
    </p>
  );
}

/** A field's refusal, as the design system's form field error message, said at once. */
export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <FormFieldErrorMessage id={id} className="field-error" role="alert">
      {error}
    </FormFieldErrorMessage>
  );
}

interface TextFieldProps {
  label: string;
  value: string | null;
  onSave(value: string): Promise<string | null>;
  multiline?: boolean;
  /** 'date' shows and takes dd-mm-jjjj and saves an ISO date. */
  type?: 'text' | 'date' | 'number' | 'url';
  help?: string;
  testId?: string;
  rows?: number;
  /**
   * Where the field's unsaved text is kept when the field goes (another item opened, the panel
   * closed) before it was saved, or after it was refused: 'dossier:4:title'. Opened again, the
   * field holds that draft, marked as such.
   */
  draftKey?: string;
  /** The control's id (its error is `${id}-error`); a fresh one by default. */
  id?: string;
  disabled?: boolean;
  inputMode?: 'numeric' | 'text';
}

/** A visible "✓ Opgeslagen" for 2.5 s after a save (a save showed nothing, issue 14): shown, and show it again. */
export function useSavedFlash(): [boolean, () => void] {
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => {
    if (at === null) return;
    const timer = setTimeout(() => setAt(null), 2500);
    return () => clearTimeout(timer);
  }, [at]);
  return [at !== null, () => setAt(Date.now())];
}

export function SavedFlash({ lang, shown }: { lang: Lang; shown: boolean }) {
  if (!shown) return null;
  return (
    <span className="saved" role="status">
      {t(lang, 'saved')}
    </span>
  );
}

/** Unsaved or refused texts of fields that are gone, with why they were refused, by draft key. */
const drafts = new Map<string, { text: string; error: string | null }>();

/** "Wikipagina (https) van dossier 2": the field and the item a draft key names. */
function draftNotice(key: string, label: string): string {
  const ui = useUi.getState();
  const [kind, number] = key.split(':');
  const item = kind === 'dossier' || kind === 'actiepunt' ? t(ui.lang, `draftItem_${kind}`, { number: number ?? '' }) : '';
  return t(ui.lang, 'draftKept', { field: label, item });
}

export function TextField({ label, value, onSave, multiline, type = 'text', help, testId, rows = 3, draftKey, id: fixedId, disabled, inputMode }: TextFieldProps) {
  const freshId = useId();
  const id = fixedId ?? freshId;
  // A date is shown as dd-mm-jjjj and saved as YYYY-MM-DD; everything else as it is.
  const show = (v: string | null) => (type === 'date' && v ? formatDutchDate(v) : (v ?? ''));
  const kept = draftKey !== undefined ? drafts.get(draftKey) : undefined;
  const [draft, setDraft] = useState(kept?.text ?? show(value));
  const [restored, setRestored] = useState(kept !== undefined);
  // A refused draft comes back with its refusal, so the field says what is still wrong.
  const [error, setError] = useState<string | null>(kept?.error ?? null);
  const [saving, setSaving] = useState(false);
  const [saved, flashSaved] = useSavedFlash();
  const shown = useRef(show(value));
  const dirty = draft !== show(value);

  // The register changed (another edit, an undo): show it, unless the user is mid-correction.
  useEffect(() => {
    if (shown.current !== show(value) && !error) setDraft(show(value));
    shown.current = show(value);
  }, [value, error]);
  useEffect(() => {
    if (dirty) dirtyFields.add(id);
    else dirtyFields.delete(id);
    return () => void dirtyFields.delete(id);
  }, [dirty, id]);
  // When the field goes with unsaved (or refused) text, the text is kept as a draft and the user
  // told so (issue 14: a refused value was thrown away without a word when another item opened).
  const latest = useRef({ draft, dirty, label, error });
  latest.current = { draft, dirty, label, error };
  // Set at once when a save starts (state would only follow at the next render).
  const inFlight = useRef(false);
  /** Keeps the field's text as a draft, with why it was refused; says so when `tell`. */
  const keepDraft = (error: string | null, tell: boolean) => {
    if (draftKey === undefined) return;
    drafts.set(draftKey, { text: latest.current.draft, error });
    if (tell) useUi.getState().announce(draftNotice(draftKey, latest.current.label));
  };
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // A save on its way decides later: kept silently now, told only if it is refused.
      if (latest.current.dirty) keepDraft(latest.current.error, !inFlight.current);
    };
  }, [draftKey]);

  async function commit() {
    // Typed back to what is saved: nothing to save, and an earlier error no longer applies.
    if (!dirty) {
      if (draftKey !== undefined) drafts.delete(draftKey);
      setRestored(false);
      return setError(null);
    }
    if (saving) return;
    setSaving(true);
    inFlight.current = true;
    const failure = await onSave(type === 'date' ? toIsoOrRaw(draft) : draft);
    inFlight.current = false;
    // Saved after all (the field may be gone by now): the draft is no longer needed.
    if (!failure && draftKey !== undefined) drafts.delete(draftKey);
    if (!mounted.current) {
      if (failure) keepDraft(failure, true);
      return;
    }
    setSaving(false);
    setError(failure);
    // A visible "Opgeslagen" beside the field for a moment (a save showed nothing, issue 14).
    if (!failure) {
      flashSaved();
      setRestored(false);
    }
  }

  const common = {
    id,
    value: draft,
    invalid: error ? true : undefined,
    'aria-describedby': [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined,
    'data-testid': testId,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => void commit(),
  };
  return (
    <div className="utrecht-form-field field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <SavedFlash lang={useUi.getState().lang} shown={saved} />
      {multiline ? (
        <Textarea {...common} rows={rows} onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && void commit()} />
      ) : (
        <TextInput
          {...common}
          type={type === 'date' ? 'text' : type}
          placeholder={type === 'date' ? 'dd-mm-jjjj' : undefined}
          inputMode={type === 'date' ? 'numeric' : inputMode}
          disabled={disabled}
          onKeyDown={(e) => e.key === 'Enter' && void commit()}
        />
      )}
      <FieldHelp id={`${id}-help`} help={help} />
      {restored && dirty && (
        <p className="field-draft">
          {t(useUi.getState().lang, 'draftRestored')}{' '}
          <Button
            appearance="secondary-action-button"
            className="small"
            onClick={() => {
              if (draftKey !== undefined) drafts.delete(draftKey);
              setRestored(false);
              setDraft(show(value));
            }}
          >
            {t(useUi.getState().lang, 'draftDrop')}
          </Button>
        </p>
      )}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function Select({
  label,
  value,
  onChange,
  children,
  testId,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="utrecht-form-field field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <NativeSelect id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {children}
      </NativeSelect>
    </div>
  );
}
