// Export: pick documents, formats, the report date and the folder; a progress bar follows the
// job through the contract; the written files can be opened from here.
import { DateInput } from '../components/DateInput';
import { useEffect, useRef, useState } from 'react';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS, type ExportDocument, type ExportFormat, type ExportJob } from '../../shared/exports';
import { t, type Lang } from '../../shared/i18n';
import { desktop, invoke } from '../client';
import { FieldError } from '../components/fields';
import { describeError } from '../error-text';
import { registerToday } from '../stores/register';
import { useUi } from '../stores/ui';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

export function ExportDialog({ lang }: { lang: Lang }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [what, setWhat] = useState<ExportDocument[]>(['bijlage1', 'bijlage2', 'rapportage']);
  const [formats, setFormats] = useState<ExportFormat[]>(['docx', 'xlsx']);
  const [date, setDate] = useState(registerToday());
  const [outDir, setOutDir] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
    void invoke('export.defaults').then((r) => r.ok && setOutDir((dir) => dir || r.value.outDir));
  }, []);
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await invoke('export.status', { id: job.id });
      if (r.ok) setJob(r.value);
      else setError(describeError(lang, r.error));
    }, 100);
    return () => clearTimeout(timer);
  }, [job, lang]);
  useEffect(() => {
    if (job?.state === 'failed' && job.error) setError(describeError(lang, job.error));
  }, [job, lang]);

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));
  async function start(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const r = await invoke('export.start', { what, formats, date, outDir, overwrite });
    if (r.ok) setJob(r.value);
    else setError(describeError(lang, r.error));
  }
  async function open(index: number) {
    if (!job) return;
    const r = await invoke('export.open', { id: job.id, file: index });
    setError(r.ok ? null : describeError(lang, r.error));
  }
  const close = () => useUi.getState().setExportOpen(false);
  const running = job?.state === 'running';
  return (
    <dialog ref={dialog} onClose={close} aria-labelledby="export-title" className="dialog wide" data-testid="export-dialog">
      <form onSubmit={start}>
        <h2 id="export-title">{t(lang, 'exportTitle')}</h2>
        <fieldset className="checks">
          <legend>{t(lang, 'exportDocuments')}</legend>
          {EXPORT_DOCUMENTS.map((d) => (
            <label key={d}>
              <input type="checkbox" checked={what.includes(d)} onChange={(e) => setWhat(toggle(what, d, e.target.checked))} /> {t(lang, `doc_${d}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checks horizontal">
          <legend>{t(lang, 'exportFormats')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="checkbox" checked={formats.includes(f)} onChange={(e) => setFormats(toggle(formats, f, e.target.checked))} />{' '}
              {f === 'docx' ? 'Word (.docx)' : 'Excel (.xlsx)'}
            </label>
          ))}
        </fieldset>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="export-date">{t(lang, 'exportDate')}</label>
            <DateInput id="export-date" value={date} onChange={setDate} />
          </div>
          <div className="field">
            <label htmlFor="export-folder">{t(lang, 'exportFolder')}</label>
            <div className="with-button">
              <input id="export-folder" value={outDir} onChange={(e) => setOutDir(e.target.value)} spellCheck={false} />
              {desktop() && (
                <button
                  type="button"
                  onClick={async () => {
                    const chosen = await desktop()!.chooseFolder(t(lang, 'exportFolder'));
                    if (chosen) setOutDir(chosen);
                  }}
                >
                  {t(lang, 'browse')}
                </button>
              )}
            </div>
          </div>
        </div>
        <label className="inline">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> {t(lang, 'overwrite')}
        </label>
        {job && (
          <div className="progress">
            <label htmlFor="export-progress">{t(lang, 'exportProgress')}</label>
            <progress id="export-progress" max={job.total} value={job.done}>
              {job.done}/{job.total}
            </progress>
            <span className="muted" aria-live="polite">
              {job.current ?? ''}
            </span>
          </div>
        )}
        {job?.state === 'done' && (
          <div role="status">
            <p>{t(lang, 'exportDone')}</p>
            <ul className="plain" data-testid="export-files">
              {job.files.map((file, i) => (
                <li key={file}>
                  <code>{file}</code>{' '}
                  <button type="button" className="small" onClick={() => void open(i)} aria-label={t(lang, 'openFile', { file: baseName(file) })}>
                    {t(lang, 'open')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <FieldError id="export-error" error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={running || !what.length || !formats.length}>
            {t(lang, 'exportStart')}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t(lang, 'close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
