// Vergaderingen: the TB's meetings, a new one planned from the template, and the page of the
// meeting that is open.
import { useEffect, useId, useRef, useState } from 'react';
import { Button, Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, TextInput } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import { MEETING_KINDS, type MeetingKind } from '../../shared/meeting';
import { DateInput } from '../components/DateInput';
import { FieldError, NativeSelect, useSingleFlight } from '../components/fields';
import { describeError } from '../error-text';
import { MeetingPage } from '../meeting/MeetingPage';
import { perform, registerToday, useRegister } from '../stores/register';
import { useUi } from '../stores/ui';

export function MeetingsView() {
  const open = useUi((s) => s.meeting);
  return open ? <MeetingPage key={open} number={open} /> : <MeetingList />;
}

function MeetingList() {
  const lang = useUi((s) => s.lang);
  const meetings = useRegister((s) => s.meetings);
  const [planning, setPlanning] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Back from a meeting page (or the form closed): the keyboard lands on the list's heading.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) heading.current?.focus();
  }, [planning]);
  const newest = [...meetings].reverse();
  return (
    <section aria-labelledby="meetings-heading" className="view">
      <div className="view-head">
        <Heading level={2} id="meetings-heading" tabIndex={-1} ref={heading}>
          {t(lang, 'vergaderingen')} <span className="count">{t(lang, meetings.length === 1 ? 'countMeetingsOne' : 'countMeetings', { count: meetings.length })}</span>
        </Heading>
        {!planning && (
          <Button appearance="primary-action-button" onClick={() => setPlanning(true)}>
            {t(lang, 'newMeeting')}
          </Button>
        )}
      </div>
      {planning && <NewMeetingForm onDone={() => setPlanning(false)} />}
      {meetings.length === 0 ? (
        <p className="empty-state" data-testid="meetings-empty">
          {t(lang, 'noMeetings')}
        </p>
      ) : (
        <Table className="register-table" data-testid="meeting-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t(lang, 'meetingNumber')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'meetingDate')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'meetingKind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t(lang, 'meetingState')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="num">
                {t(lang, 'decisionsCount')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {newest.map((m) => (
              <TableRow key={m.number} data-number={m.number}>
                <TableHeaderCell scope="row">
                  <LinkButton inline onClick={() => useUi.getState().openMeeting(m.number)}>
                    {m.number}
                  </LinkButton>
                  {m.title && <span className="muted"> · {m.title}</span>}
                </TableHeaderCell>
                <TableCell>{formatDutchDate(m.date)}</TableCell>
                <TableCell>{t(lang, `kind_${m.kind}`)}</TableCell>
                <TableCell>
                  <span className={`badge meeting-${m.state}`}>{t(lang, `state_${m.state}`)}</span>
                </TableCell>
                <TableCell className="num">{m.decisions}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function NewMeetingForm({ onDone }: { onDone(): void }) {
  const lang = useUi((s) => s.lang);
  const id = useId();
  const [date, setDate] = useState(registerToday());
  const [kind, setKind] = useState<MeetingKind>('regulier');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const once = useSingleFlight();
  async function plan() {
    const result = await perform('meeting.create', { date, kind, location: location.trim() || null });
    if (!result.ok) return setError({ field: result.error.field, text: describeError(lang, result.error) });
    onDone();
    useUi.getState().openMeeting(result.value.number);
    useUi.getState().announce(t(lang, 'openMeeting', { number: result.value.number }));
  }
  return (
    <form
      className="inline-form"
      aria-label={t(lang, 'newMeeting')}
      onSubmit={(e) => {
        e.preventDefault();
        void once(plan);
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-date`}>{t(lang, 'meetingDate')}</label>
        <DateInput id={`${id}-date`} autoFocus value={date} onChange={setDate} invalid={error?.field === 'date'} describedBy={error ? `${id}-error` : undefined} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t(lang, 'meetingKind')}</label>
        <NativeSelect id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(lang, `kind_${k}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="field">
        <label htmlFor={`${id}-location`}>{t(lang, 'meetingLocation')}</label>
        <TextInput id={`${id}-location`} value={location} onChange={(e) => setLocation(e.target.value)} />
      </div>
      <Button appearance="primary-action-button" type="submit">
        {t(lang, 'planMeeting')}
      </Button>
      <Button appearance="secondary-action-button" onClick={onDone}>
        {t(lang, 'cancel')}
      </Button>
      <FieldError id={`${id}-error`} error={error?.text ?? null} />
    </form>
  );
}
