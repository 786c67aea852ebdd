// The living action list: status colours (open, overdue, done, new since the last meeting),
// filters on status, owner and deadline, and one-click "done".
import { ProvisionalMark, useProvisional } from '../exchange/provisional';
import { joinOwners } from '../../shared/owners';
import { StatusOptions } from '../components/options';
import { formatDutchDate } from '../../shared/dates';
import { isNewSince, isOverdue, sinceDate } from '../../shared/actiepunt-marks';
import type { Actiepunt } from '../../shared/domain';
import { t, type Lang } from '../../shared/i18n';
import { formatDeadline } from '../../shared/report/bijlage2-model';
import { useState } from 'react';
import { Button, Heading, LinkButton, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@rijkshuisstijl-community/components-react';
import { DateInput } from '../components/DateInput';
import { FieldError, NativeSelect, save } from '../components/fields';
import { useActiepuntFilters } from '../stores/actiepunt-filters';
import { useRegister, registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

export interface Marks {
  overdue: boolean;
  isNew: boolean;
}

/** The same marks as the C&R rapportage: overdue today, and new since the last meeting (or the reference date). */
export function marksOf(a: Actiepunt, today: string, since: string): Marks {
  return { overdue: isOverdue(a.status, a.deadline, today), isNew: isNewSince(a.since, since) };
}

/** Today and the date "new" counts from, as the register sees them. */
export function useMarkDates(): { today: string; since: string } {
  const { meetings, jaarplan } = useRegister();
  const today = registerToday();
  return { today, since: sinceDate(meetings, today, jaarplan?.referenceDate ?? today) };
}

export function StatusBadges({ lang, a, marks, since }: { lang: Lang; a: Actiepunt; marks: Marks; since: string }) {
  return (
    <span className="badges">
      <span className={`badge status-${a.status}`}>{t(lang, `status_${a.status}`)}</span>
      {/* When it was afgerond (the list did not say, issue 14). */}
      {a.status === 'afgerond' && <span className="status-date">{t(lang, 'doneOnDate', { date: formatDutchDate(a.statusDate) })}</span>}
      {marks.overdue && <span className="badge overdue">{t(lang, 'overdue')}</span>}
      {marks.isNew && <span className="badge new">{t(lang, 'newSince', { date: formatDutchDate(since) })}</span>}
    </span>
  );
}

export function ActiepuntenView() {
  const lang = useUi((s) => s.lang);
  const provisional = useProvisional();
  const { actiepunten } = useRegister();
  const f = useActiepuntFilters();
  const { today, since } = useMarkDates();
  const owners = [...new Set(actiepunten.flatMap((a) => a.owners))].sort((a, b) => a.localeCompare(b, 'nl'));
  const rows = actiepunten.filter((a) => {
    const marks = marksOf(a, today, since);
    if (f.status && a.status !== f.status) return false;
    if (f.owner && !a.owners.includes(f.owner)) return false;
    if (f.deadline === 'overdue' && !marks.overdue) return false;
    if (f.deadline === 'set' && !a.deadline) return false;
    if (f.deadline === 'missing' && a.deadline) return false;
    return true;
  });
  return (
    <section aria-labelledby="actiepunten-heading" className="view">
      <div className="view-head">
        <Heading level={2} id="actiepunten-heading">
          {t(lang, 'actiepunten')} <span className="count">{rows.length === actiepunten.length ? t(lang, 'countActiepunten', { count: rows.length }) : t(lang, 'countActiepuntenOf', { count: rows.length, total: actiepunten.length })}</span>
        </Heading>
        <Button appearance="primary-action-button" onClick={() => useUi.getState().openActiepunt('new')}>
          {t(lang, 'newActiepunt')}
        </Button>
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="ap-status">{t(lang, 'status')}</label>
          <NativeSelect id="ap-status" value={f.status} onChange={(e) => f.set({ status: e.target.value as typeof f.status })}>
            <option value="">{t(lang, 'all')}</option>
            <StatusOptions lang={lang} />
          </NativeSelect>
        </div>
        <div className="field">
          <label htmlFor="ap-owner">{t(lang, 'owner')}</label>
          <NativeSelect id="ap-owner" value={f.owner} onChange={(e) => f.set({ owner: e.target.value })}>
            <option value="">{t(lang, 'all')}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="field">
          <label htmlFor="ap-deadline">{t(lang, 'deadlineFilter')}</label>
          <NativeSelect id="ap-deadline" value={f.deadline} onChange={(e) => f.set({ deadline: e.target.value as typeof f.deadline })}>
            <option value="">{t(lang, 'all')}</option>
            <option value="overdue">{t(lang, 'deadlineOverdue')}</option>
            <option value="set">{t(lang, 'deadlineSet')}</option>
            <option value="missing">{t(lang, 'deadlineMissing')}</option>
          </NativeSelect>
        </div>
        {/* aria-disabled, not disabled: the focus stays on the button once it has cleared the filters. */}
        <Button appearance="secondary-action-button" onClick={f.clear} aria-disabled={!f.status && !f.owner && !f.deadline ? true : undefined}>
          {t(lang, 'clearFilters')}
        </Button>
      </div>
      {rows.length === 0 && (
        <p className="empty-state" data-testid="actiepunten-empty">
          {actiepunten.length === 0 ? t(lang, 'noActiepunten') : t(lang, 'noActiepuntenMatch')}
        </p>
      )}
      <Table className="register-table" data-testid="actiepunt-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col" className="num">{t(lang, 'number')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t(lang, 'actiepunt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t(lang, 'owner')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t(lang, 'deadline')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t(lang, 'status')}</TableHeaderCell>
            {/* As wide as the Afronden form, so opening it does not move the other columns (issue 14). */}
            <TableHeaderCell scope="col" className="done-column">
              <span className="visually-hidden">{t(lang, 'markDone')}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => {
            const marks = marksOf(a, today, since);
            return (
              <TableRow key={a.number} className={marks.overdue ? 'overdue' : a.status === 'afgerond' ? 'done' : undefined} data-number={a.number}>
                <TableCell className="num">
                  {a.number}
                  <ProvisionalMark lang={lang} by={provisional.actiepunten.get(a.number)} />
                </TableCell>
                <TableHeaderCell scope="row">
                  <LinkButton inline onClick={() => useUi.getState().openActiepunt(a.number)}>
                    {a.text.split('\n')[0]}
                  </LinkButton>
                  {/* The rest of the text, as written (it was hidden: "Incl. een terugkoppeling…", issue 14). */}
                  {a.text.includes('\n') && <p className="more-text">{a.text.split('\n').slice(1).join('\n')}</p>}
                  {a.subPoints.length > 0 && (
                    <ul>
                      {a.subPoints.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ul>
                  )}
                  {a.dossier !== null && <p className="link-note">{t(lang, 'linkedDossier', { number: a.dossier })}</p>}
                </TableHeaderCell>
                <TableCell>{a.owners.length ? joinOwners(a.owners) : '-'}</TableCell>
                <TableCell>{a.deadline ? formatDeadline(a.deadline) : (a.remarks ?? '-')}</TableCell>
                <TableCell>
                  <StatusBadges lang={lang} a={a} marks={marks} since={since} />
                </TableCell>
                <TableCell>
                  {a.status !== 'afgerond' && <DoneButton lang={lang} number={a.number} />}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

/**
 * Afronden from the list, on a date: today by default, or another day such as the meeting's
 * (issue 14: it was always today, and dating it otherwise took the panel and left two rows).
 */
function DoneButton({ lang, number }: { lang: Lang; number: number }) {
  const [asking, setAsking] = useState(false);
  const [date, setDate] = useState(registerToday());
  const [error, setError] = useState<string | null>(null);
  // Focus goes back to the button once the question is answered or dropped.
  const [answered, setAnswered] = useState(false);
  const close = () => {
    setAsking(false);
    setAnswered(true);
  };
  if (!asking) {
    return (
      <Button
        appearance="secondary-action-button"
        autoFocus={answered}
        className="small"
        aria-label={t(lang, 'markDoneLabel', { number })}
        onClick={() => {
          setDate(registerToday());
          setError(null);
          setAsking(true);
        }}
      >
        {t(lang, 'markDone')}
      </Button>
    );
  }
  const id = `done-${number}`;
  return (
    <form
      className="done-form"
      aria-label={t(lang, 'markDoneLabel', { number })}
      onSubmit={async (e) => {
        e.preventDefault();
        const failure = await save('actiepunt.setStatus', { number, status: 'afgerond', date });
        setError(failure);
        // Done, the row has no Afronden any more: the keyboard goes to the actiepunt's own link.
        if (!failure) document.querySelector<HTMLButtonElement>(`tr[data-number="${number}"] th button`)?.focus();
      }}
      onKeyDown={(e) => e.key === 'Escape' && close()}
    >
      <label htmlFor={`${id}-date`}>{t(lang, 'doneOn')}</label>
      <DateInput id={`${id}-date`} value={date} onChange={setDate} autoFocus invalid={error ? true : undefined} describedBy={error ? `${id}-error` : undefined} />
      <Button appearance="primary-action-button" type="submit" className="small">
        {t(lang, 'markDone')}
      </Button>
      <Button appearance="secondary-action-button" className="small" onClick={close}>
        {t(lang, 'cancel')}
      </Button>
      <FieldError id={`${id}-error`} error={error} />
    </form>
  );
}
