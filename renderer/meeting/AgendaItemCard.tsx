// One agenda item: number, title, purpose, presenter and time; what it is about; whether it was
// dealt with or carried over; its outcomes; and, for the standing items, the actiepuntenlijst and
// the approval of the previous besluitenlijst.
import { useState } from 'react';
import { Button, Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { formatDutchDate } from '../../shared/dates';
import { t } from '../../shared/i18n';
import { AGENDA_STATES, EDITABLE, type AgendaItem, type AgendaState, type Meeting } from '../../shared/meeting';
import { joinOwners } from '../../shared/owners';
import { formatDeadline } from '../../shared/report/bijlage2-model';
import { FieldError, NativeSelect, save } from '../components/fields';
import { useUi } from '../stores/ui';
import { ApproveForm } from './ApproveForm';
import { ItemEditor } from './ItemEditor';
import { LinkChips } from './LinkPicker';
import { OutcomeForm } from './OutcomeForm';
import { OutcomeList } from './OutcomeList';

interface Props {
  meeting: Meeting;
  item: AgendaItem;
  /** Moves the item to a position (1-based); absent when the agenda cannot change. */
  onMove?: (to: number) => void;
  drag?: { onStart(): void; onDrop(draggedId: number | null): void };
}

export function AgendaItemCard({ meeting, item, onMove, drag }: Props) {
  const lang = useUi((s) => s.lang);
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = EDITABLE.agenda(meeting.state);
  const stateEditable = editable || meeting.state === 'afgerond';
  const headingId = `item-${item.id}-title`;
  const setState = async (state: AgendaState) => setError(await save('agenda.update', { id: item.id, patch: { state } }));
  const remove = async () => setError(await save('agenda.remove', { id: item.id }));
  return (
    <li
      className={`agenda-item state-${item.state}`}
      data-item-id={item.id}
      data-testid={`agenda-item-${item.number}`}
      aria-labelledby={headingId}
      draggable={drag ? true : undefined}
      onDragStart={drag ? (e) => (e.dataTransfer.setData('text/plain', String(item.id)), drag.onStart()) : undefined}
      onDragOver={drag ? (e) => e.preventDefault() : undefined}
      onDrop={
        drag
          ? (e) => {
              e.preventDefault();
              const id = Number(e.dataTransfer.getData('text/plain'));
              drag.onDrop(Number.isInteger(id) && id > 0 ? id : null);
            }
          : undefined
      }
    >
      <div className="item-head">
        {onMove ? (
          <Button
            appearance="secondary-action-button"
            className="item-handle"
            aria-label={t(lang, 'moveItem', { number: item.number })}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onKeyDown={(e) => {
              if (!e.altKey && !['ArrowUp', 'ArrowDown'].includes(e.key)) return;
              if (e.key === 'ArrowUp') (e.preventDefault(), onMove(item.position - 1));
              if (e.key === 'ArrowDown') (e.preventDefault(), onMove(item.position + 1));
            }}
          >
            ⠿
          </Button>
        ) : null}
        <span className="item-number" aria-hidden="true">
          {item.number}.
        </span>
        <Heading level={4} id={headingId} className="item-title" tabIndex={-1}>
          <span className="visually-hidden">{t(lang, 'agendaItem')} {item.number}: </span>
          {item.title}
        </Heading>
        <span className={`badge purpose-${item.purpose}`}>{t(lang, `purpose_${item.purpose}`)}</span>
        {item.state !== 'open' && <span className={`badge item-${item.state}`}>{t(lang, `itemState_${item.state}`)}</span>}
      </div>
      <p className="item-meta muted">
        {[item.presenter, item.minutes ? t(lang, 'minutesShort', { minutes: item.minutes }) : null, item.standing ? t(lang, 'standing') : null].filter(Boolean).join(' · ')}
      </p>
      {item.proposal && (
        <p className="proposal">
          <strong>{t(lang, 'proposal')}:</strong> {item.proposal}
        </p>
      )}
      <LinkChips links={item.links} />
      {item.carriedFrom && <p className="muted">{t(lang, 'carriedFrom', { meeting: item.carriedFrom.meeting, item: item.carriedFrom.item })}</p>}
      {item.state === 'doorgeschoven' && (
        <p className="muted">{item.carriedTo ? t(lang, 'carriedTo', { meeting: item.carriedTo.meeting, item: item.carriedTo.item }) : t(lang, 'carriedPending')}</p>
      )}
      {item.standing === 'actiepuntenlijst' && <ActiepuntenLijst meeting={meeting} />}
      {item.standing === 'besluitenlijst' && <ApproveForm meeting={meeting} />}
      <OutcomeList meeting={meeting} item={item} />
      {EDITABLE.outcomes(meeting.state) && recording && (
        <OutcomeForm
          meeting={meeting}
          item={item}
          onClose={() => {
            setRecording(false);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid=record-${item.number}]`)?.focus());
          }}
        />
      )}
      {(editable || stateEditable) && (
        <div className="item-actions">
          {onMove && (
            <>
              <Button appearance="secondary-action-button" className="small" disabled={item.position === 1} onClick={() => onMove(item.position - 1)} aria-label={`${t(lang, 'itemUp')}: ${item.title}`}>
                ↑
              </Button>
              <Button appearance="secondary-action-button" className="small" disabled={item.position === meeting.items.length} onClick={() => onMove(item.position + 1)} aria-label={`${t(lang, 'itemDown')}: ${item.title}`}>
                ↓
              </Button>
            </>
          )}
          {EDITABLE.outcomes(meeting.state) && (
            <Button appearance="secondary-action-button" className="small" aria-expanded={recording} onClick={() => setRecording(!recording)} data-testid={`record-${item.number}`}>
              {recording ? t(lang, 'doneRecording') : t(lang, 'recordOnItem', { number: item.number })}
            </Button>
          )}
          {editable && (
            <Button appearance="secondary-action-button" className="small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {editing ? t(lang, 'doneEditing') : t(lang, 'editItem', { number: item.number })}
            </Button>
          )}
          {editable && item.outcomes.length === 0 && !item.carriedTo && (
            <Button appearance="secondary-action-button" className="small" onClick={() => void remove()}>
              {t(lang, 'removeItem', { number: item.number })}
            </Button>
          )}
          {stateEditable && (meeting.state === 'in_vergadering' || meeting.state === 'afgerond') && (
            <label className="inline">
              {t(lang, 'itemState')}{' '}
              <NativeSelect value={item.state} onChange={(e) => void setState(e.target.value as AgendaState)} data-testid={`item-state-${item.number}`}>
                {AGENDA_STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(lang, `itemState_${s}`)}
                  </option>
                ))}
              </NativeSelect>
            </label>
          )}
        </div>
      )}
      <FieldError id={`item-${item.id}-error`} error={error} />
      {editing && <ItemEditor item={item} />}
    </li>
  );
}

/** The actiepuntenlijst item: every actiepunt open on the meeting's date, with its marks. */
function ActiepuntenLijst({ meeting }: { meeting: Meeting }) {
  const lang = useUi((s) => s.lang);
  // The rows are made when the list is opened: a register that lived long can have many.
  const [open, setOpen] = useState(false);
  if (meeting.actiepuntenlijst.length === 0) return <p className="muted">{t(lang, 'noOpenActiepunten')}</p>;
  const list = meeting.actiepuntenlijst;
  return (
    <details className="actiepuntenlijst" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t(lang, 'actiepuntenlijstSummary', {
          date: formatDutchDate(meeting.date),
          open: list.length,
          new: list.filter((a) => a.isNew).length,
          overdue: list.filter((a) => a.overdue).length,
        })}
      </summary>
    {open && (
    <Table className="register-table compact" data-testid="meeting-actiepunten">
      <caption className="caption">{t(lang, 'actiepuntenlijst', { date: formatDutchDate(meeting.date) })}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col" className="num">
            {t(lang, 'number')}
          </TableHeaderCell>
          <TableHeaderCell scope="col">{t(lang, 'actiepunt')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t(lang, 'owner')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t(lang, 'deadline')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t(lang, 'status')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {meeting.actiepuntenlijst.map((a) => (
          <TableRow key={a.number} className={a.overdue ? 'overdue' : undefined}>
            <TableCell className="num">{a.number}</TableCell>
            <TableHeaderCell scope="row">
              <LinkButton inline onClick={() => useUi.getState().openActiepunt(a.number)}>
                {a.text.split('\n')[0]}
              </LinkButton>
            </TableHeaderCell>
            <TableCell>{joinOwners(a.owners) || '-'}</TableCell>
            <TableCell className="date">{a.deadline ? formatDeadline(a.deadline) : '-'}</TableCell>
            <TableCell>
              <span className="badges">
                <span className={`badge status-${a.status}`}>{t(lang, `status_${a.status}`)}</span>
                {a.isNew && <span className="badge new">{t(lang, 'newSince', { date: meeting.previous ?? t(lang, 'changesStart') })}</span>}
                {a.overdue && <span className="badge overdue">{t(lang, 'overdue')}</span>}
                {a.meetings > 1 && <span className="badge">{t(lang, 'onMeetings', { count: a.meetings })}</span>}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
    )}
    </details>
  );
}
