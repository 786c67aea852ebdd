// One meeting: its details, the step it is at (with what the next step freezes), the agenda with
// every item's outcomes, who was there, what changed since the previous TB, and the register as it
// was kept with the meeting.
import { useEffect, useRef } from 'react';
import { Alert, Button, Heading, LinkButton } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import { EDITABLE, MEETING_KINDS } from '../../shared/meeting';
import { save, Select, TextField } from '../components/fields';
import { useMeeting } from '../stores/meeting';
import { useRegister } from '../stores/register';
import { useUi } from '../stores/ui';
import { AgendaList } from './AgendaList';
import { AttendanceEditor } from './AttendanceEditor';
import { ChangesList } from './ChangesList';
import { FrozenView } from './FrozenView';
import { PackPanel } from './PackPanel';
import { StepActions } from './StepActions';

export function MeetingPage({ number }: { number: string }) {
  const lang = useUi((s) => s.lang);
  const version = useRegister((s) => s.version);
  const { meeting, error, load } = useMeeting();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => void load(number), [number, version, load]);
  const loaded = meeting?.number === number;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const back = (
    <LinkButton inline className="back" onClick={() => useUi.getState().openMeeting(null)}>
      {t(lang, 'backToMeetings')}
    </LinkButton>
  );
  if (error) {
    return (
      <section className="view">
        {back}
        <Alert type="error">{error.message}</Alert>
      </section>
    );
  }
  if (!meeting || !loaded) return <section className="view">{back}</section>;
  const update = (patch: Record<string, unknown>) => save('meeting.update', { number, patch });
  const editable = EDITABLE.details(meeting.state);
  return (
    <section aria-labelledby="meeting-heading" className="view meeting-page" data-testid="meeting-page">
      {back}
      <div className="view-head">
        <Heading level={2} id="meeting-heading" tabIndex={-1} ref={heading}>
          {meeting.number} · {formatDutchDate(meeting.date)} · {t(lang, `kind_${meeting.kind}`)}
        </Heading>
        <span className={`badge meeting-${meeting.state}`} data-testid="meeting-state">
          {t(lang, `state_${meeting.state}`)}
        </span>
      </div>
      {meeting.state === 'vastgesteld' && (
        <p className="notice" data-testid="final-notice">
          {t(lang, 'finalNotice')}{' '}
          {meeting.approval &&
            t(lang, 'approvedIn', { meeting: meeting.approval.in, how: t(lang, `approval_${meeting.approval.kind}`).toLowerCase() })}
          {meeting.approval?.note && <> – {meeting.approval.note}</>}
        </p>
      )}
      {meeting.state === 'geannuleerd' && <p className="notice">{t(lang, 'cancelledNotice')}</p>}
      {meeting.approves.length > 0 && <p className="muted">{t(lang, 'approves', { list: meeting.approves.join(', ') })}</p>}
      <StepActions meeting={meeting} />
      {(meeting.state === 'in_vergadering' || meeting.state === 'agenda_vastgesteld') && (
        <p>
          <Button appearance={meeting.state === 'in_vergadering' ? 'primary-action-button' : 'secondary-action-button'} data-testid="open-meeting-mode" onClick={() => useUi.getState().setMeetingMode(meeting.number)}>
            {meeting.state === 'in_vergadering' ? t(lang, 'openMeetingMode') : t(lang, 'openRehearsal')}
          </Button>
        </p>
      )}
      <div className="meeting-grid">
        <div>
          <AgendaList meeting={meeting} />
        </div>
        <div className="meeting-side">
          <PackPanel meeting={meeting} />
          <details className="subform" open={editable}>
            <summary>{t(lang, 'meetingDetails')}</summary>
            {editable ? (
              <>
                <TextField label={t(lang, 'meetingDate')} type="date" value={meeting.date} onSave={(date) => update({ date })} />
                <Select label={t(lang, 'meetingKind')} value={meeting.kind} onChange={(kind) => void update({ kind })}>
                  {MEETING_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(lang, `kind_${k}`)}
                    </option>
                  ))}
                </Select>
                <TextField label={t(lang, 'meetingLocation')} value={meeting.location} onSave={(v) => update({ location: v.trim() || null })} />
                <TextField label={t(lang, 'meetingTitle')} value={meeting.title} onSave={(v) => update({ title: v.trim() || null })} />
              </>
            ) : (
              <dl className="facts">
                <dt>{t(lang, 'meetingLocation')}</dt>
                <dd>{meeting.location ?? '–'}</dd>
                {meeting.title && (
                  <>
                    <dt>{t(lang, 'meetingTitle')}</dt>
                    <dd>{meeting.title}</dd>
                  </>
                )}
              </dl>
            )}
          </details>
          <AttendanceEditor meeting={meeting} />
          <ChangesList />
          <FrozenView meeting={meeting} />
        </div>
      </div>
    </section>
  );
}
