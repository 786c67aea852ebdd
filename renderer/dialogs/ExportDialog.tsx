// Export: pick documents, formats, the report date and the folder; a progress bar follows the
// job through the contract; the written files can be opened from here.
import { DateInput } from '../components/DateInput';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Heading } from '@rijkshuisstijl-community/components-react';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, type ExportDocument, type ExportFormat } from '../../shared/exports';
import { formatDutchDate, isIsoDate } from '../../shared/dates';
import { t, type Lang } from '../../shared/i18n';
import { invoke } from '../client';
import { FolderField, rememberFolder } from '../components/FolderField';
import { JobProgress, useExportJob, WrittenFiles } from '../components/ExportJobView';
import { FieldError, PlacedField, placeError } from '../components/fields';
import { registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

export function ExportDialog({ lang }: { lang: Lang }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [what, setWhat] = useState<ExportDocument[]>(['bijlage1', 'bijlage2', 'rapportage']);
  const [formats, setFormats] = useState<ExportFormat[]>(['docx', 'xlsx']);
  const [date, setDate] = useState(registerToday());
  const [outDir, setOutDir] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const { job, setJob, error, setError, fail, open, running } = useExportJob(lang);
  // A refusal about the folder sits beside Map, anything else under the buttons.
  const place = placeError(error, ['outDir', 'date']);
  // A report date after today is asked about once: it shows a state the register has not reached.
  const [futureConfirmed, setFutureConfirmed] = useState<string | null>(null);
  // Only a real date can be in the future: 31-02-2026 or 'abc' was asked about as one (review).
  const future = isIsoDate(date) && date > registerToday() && futureConfirmed !== date;
  const blocked = running || !what.length || !formats.length || future;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  async function start(e: React.FormEvent) {
    e.preventDefault();
    // Only the current job is shown: the last export's files go as soon as a new one is asked for.
    if (blocked) return;
    setError(null);
    setJob(null);
    const r = await invoke('export.start', { what, formats, date, outDir, overwrite });
    if (r.ok) {
      setJob(r.value);
      rememberFolder(outDir);
    } else fail(r.error);
  }
  const close = () => useUi.getState().setExportOpen(false);
  return (
    <dialog ref={dialog} onClose={close} aria-labelledby="export-title" className="dialog wide" data-testid="export-dialog">
      <form onSubmit={start}>
        <Heading level={2} id="export-title">{t(lang, 'exportTitle')}</Heading>
        <fieldset className="checks">
          <legend>{t(lang, 'exportDocuments')}</legend>
          {EXPORT_DOCUMENTS.map((d) => (
            <label key={d}>
              <Checkbox checked={what.includes(d)} onChange={(e) => setWhat(toggle(what, d, e.target.checked))} /> {t(lang, `doc_${d}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks horizontal">
          <legend>{t(lang, 'exportFormats')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <Checkbox checked={formats.includes(f)} onChange={(e) => setFormats(toggle(formats, f, e.target.checked))} />{' '}
              {f === 'docx' ? 'Word (.docx)' : 'Excel (.xlsx)'}
            </label>
          ))}
        </fieldset>
        <div className="grid-2">
          <PlacedField id="export-date" label={t(lang, 'exportDate')} error={place.at('date')}>
            <DateInput
              id="export-date"
              value={date}
              onChange={(v) => (setDate(v), place.invalid('date') && setError(null))}
              invalid={place.invalid('date')}
              describedBy={place.at('date') ? 'export-date-error' : undefined}
            />
          </PlacedField>
          <FolderField lang={lang} id="export-folder" label={t(lang, 'exportFolder')} value={outDir} onChange={(v) => (setOutDir(v), place.invalid('outDir') && setError(null))} error={place.at('outDir')} />
        </div>
        <label className="inline">
          <Checkbox checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {t(lang, 'overwrite')}
        </label>
        {job && job.state !== 'failed' && <JobProgress label={t(lang, 'exportProgress')} job={job} id="export-progress" />}
        {job?.state === 'done' && (
          <div role="status">
            <p>{t(lang, 'exportDone')}</p>
            <WrittenFiles lang={lang} job={job} onOpen={(i) => void open(i)} testId="export-files" />
          </div>
        )}
        {future && (
          <Alert type="warning" role="alert" data-testid="export-future">
            <p>{t(lang, 'exportFuture', { date: formatDutchDate(date) })}</p>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setFutureConfirmed(date);
                // The question goes with its button: the keyboard moves on to Exporteren.
                requestAnimationFrame(() => dialog.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus());
              }}
            >
              {t(lang, 'exportFutureConfirm')}
            </Button>
          </Alert>
        )}
        <FieldError id="export-error" error={place.rest} />
        <div className="actions">
          {/* aria-disabled, so the keyboard stays on the button while the job runs (disabled dropped it to the page). */}
          <Button appearance="primary-action-button" type="submit" aria-disabled={blocked || undefined}>
            {t(lang, 'exportStart')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => dialog.current?.close()}>
            {t(lang, 'close')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
