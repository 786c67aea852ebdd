// Who was there, for which organisation: aanwezig, afwezig met bericht, or vervangen door.
// Edited as a list and saved whole; a new meeting starts from the previous meeting's list.
import { useEffect, useId, useState } from 'react';
import { Button, Heading, TextInput } from '@rijkshuisstijl-community/components-react';
import { t } from '../../shared/i18n';
import { EDITABLE, PRESENCES, type Attendee, type Meeting, type Presence } from '../../shared/meeting';
import { invoke } from '../client';
import { FieldError, type FormError, NativeSelect, placeError, useSingleFlight, useUnsaved } from '../components/fields';
import { describeError } from '../error-text';
import { perform } from '../stores/register';
import { useUi } from '../stores/ui';

/** The parties of eHerkenning (DOMAIN.md), offered as the organisation; any other may be typed. */
const ORGANISATIONS = ['BZK', 'Logius', 'Leveranciers (VeHa)', 'Dienstverleners'];

export function AttendanceEditor({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const editable = EDITABLE.attendance(meeting.state);
  const [rows, setRows] = useState<Attendee[]>(meeting.attendance);
  const [error, setError] = useState<FormError | null>(null);
  const once = useSingleFlight();
  const stored = JSON.stringify(meeting.attendance);
  useEffect(() => setRows(meeting.attendance), [stored]);
  const dirty = JSON.stringify(rows) !== stored;
  useUnsaved(dirty);

  async function fromPrevious() {
    if (!meeting.previous) return;
    const previous = await invoke('meeting.get', { number: meeting.previous });
    if (previous.ok) setRows(previous.value.attendance.map((a) => ({ ...a, presence: 'aanwezig', substitute: null })));
  }
  async function saveAll() {
    if (!dirty) return;
    const result = await perform('attendance.set', { meeting: meeting.number, people: rows });
    setError(result.ok ? null : { field: result.error.field, text: describeError(lang, result.error) });
    if (result.ok) useUi.getState().announce(t(lang, 'attendanceSaved'));
  }
  function addRow() {
    setRows([...rows, { name: '', organisation: '', presence: 'aanwezig', substitute: null }]);
    // The keyboard goes to the new person's name.
    requestAnimationFrame(() => document.getElementById(`${id}-${rows.length}-name`)?.focus());
  }
  const set = (i: number, patch: Partial<Attendee>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const place = placeError(error, rows.flatMap((_, i) => ['name', 'organisation', 'substitute'].map((f) => `people.${i}.${f}`)));
  const invalid = (i: number, field: string) => place.invalid(`people.${i}.${field}`);
  const problem = (i: number, field: string) => <FieldError id={`${id}-${i}-${field}-error`} error={place.at(`people.${i}.${field}`)} />;

  if (!editable) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <Heading level={3} id={`${id}-h`}>{t(lang, 'attendance')}</Heading>
        {meeting.attendance.length === 0 ? (
          <p className="muted">{t(lang, 'noAttendance')}</p>
        ) : (
          <ul className="attendance-list">
            {meeting.attendance.map((a, i) => (
              <li key={i}>
                {a.name} ({a.organisation}) – {t(lang, `presence_${a.presence}`)}
                {a.substitute ? ` ${a.substitute}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} data-testid="attendance">
      <Heading level={3} id={`${id}-h`}>{t(lang, 'attendance')}</Heading>
      {rows.length === 0 && <p className="muted">{t(lang, 'noAttendance')}</p>}
      {/* The parties of the TB (DOMAIN.md), and whatever organisations this list names already. */}
      <datalist id={`${id}-organisations`}>
        {[...new Set([...ORGANISATIONS, ...rows.map((r) => r.organisation.trim()).filter(Boolean)])].map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      {rows.map((r, i) => (
        <fieldset key={i} className="attendee">
          <legend className="visually-hidden">{r.name || `${t(lang, 'attendee')} ${i + 1}`}</legend>
          <div className="field">
            <label htmlFor={`${id}-${i}-name`}>{t(lang, 'attendee')}</label>
            <TextInput id={`${id}-${i}-name`} value={r.name} onChange={(e) => set(i, { name: e.target.value })} invalid={invalid(i, 'name')} />
            {problem(i, 'name')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-org`}>{t(lang, 'organisation')}</label>
            <TextInput id={`${id}-${i}-org`} size={12} list={`${id}-organisations`} value={r.organisation} onChange={(e) => set(i, { organisation: e.target.value })} invalid={invalid(i, 'organisation')} />
            {problem(i, 'organisation')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-${i}-presence`}>{t(lang, 'presence')}</label>
            <NativeSelect
              id={`${id}-${i}-presence`}
              value={r.presence}
              onChange={(e) => set(i, { presence: e.target.value as Presence, substitute: e.target.value === 'vervangen' ? (r.substitute ?? '') : null })}
            >
              {PRESENCES.map((p) => (
                <option key={p} value={p}>
                  {t(lang, `presence_${p}`)}
                </option>
              ))}
            </NativeSelect>
          </div>
          {r.presence === 'vervangen' && (
            <div className="field">
              <label htmlFor={`${id}-${i}-sub`}>{t(lang, 'substitute')}</label>
              <TextInput id={`${id}-${i}-sub`} value={r.substitute ?? ''} onChange={(e) => set(i, { substitute: e.target.value })} invalid={invalid(i, 'substitute')} />
              {problem(i, 'substitute')}
            </div>
          )}
          <Button appearance="subtle-button" className="small" aria-label={t(lang, 'removeAttendee', { name: r.name || String(i + 1) })} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            ✕
          </Button>
        </fieldset>
      ))}
      <div className="item-actions">
        <Button appearance="secondary-action-button" className="small" onClick={addRow}>
          {t(lang, 'addAttendee')}
        </Button>
        {rows.length === 0 && meeting.previous && (
          <Button appearance="secondary-action-button" className="small" onClick={() => void fromPrevious()}>
            {t(lang, 'attendanceFromPrevious', { meeting: meeting.previous })}
          </Button>
        )}
        <Button appearance="primary-action-button" className="small" aria-disabled={!dirty || undefined} onClick={() => void once(saveAll)}>
          {t(lang, 'saveAttendance')}
        </Button>
      </div>
      <FieldError id={`${id}-error`} error={place.rest} />
    </section>
  );
}
