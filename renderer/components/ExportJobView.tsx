// An export or meeting-pack job as the screen follows it: polled through export.status until it
// is done or failed, a progress bar while it runs, and the written files with an Open button each.
import { useEffect, useState } from 'react';
import { Button } from '@rijkshuisstijl-community/components-react';
import type { ExportJob } from '../../shared/exports';
import { t, type Lang } from '../../shared/i18n';
import { invoke } from '../client';
import type { CallError } from '../../shared/errors';
import { describeError } from '../error-text';
import type { FormError } from './fields';

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * The job being followed, and its error (the job's own, or a refused call's) with the field it is
 * about, so the form can put it beside that field (a missing folder beside Map, issue 14).
 */
export function useExportJob(lang: Lang) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const fail = (e: CallError) => setError({ field: e.field, text: describeError(lang, e) });
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(async () => {
      const r = await invoke('export.status', { id: job.id });
      if (r.ok) setJob(r.value);
      else fail(r.error);
    }, 100);
    return () => clearTimeout(timer);
  }, [job, lang]);
  useEffect(() => {
    if (job?.state === 'failed' && job.error) fail(job.error);
  }, [job, lang]);
  /** Opens the index-th file the finished job wrote. */
  async function open(index: number) {
    if (!job) return;
    const r = await invoke('export.open', { id: job.id, file: index });
    if (r.ok) setError(null);
    else fail(r.error);
  }
  return { job, setJob, error, setError, fail, open, running: job?.state === 'running' };
}

export function JobProgress({ job, id, label }: { job: ExportJob; id: string; label: string }) {
  return (
    <div className="progress">
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={job.total} value={job.done}>
        {job.done}/{job.total}
      </progress>
      <span className="muted" aria-live="polite">
        {job.current ?? ''}
      </span>
    </div>
  );
}

/** The files a finished job wrote, each with a button that opens it. */
export function WrittenFiles({ lang, job, onOpen, testId, names = false }: { lang: Lang; job: ExportJob; onOpen: (index: number) => void; testId: string; names?: boolean }) {
  return (
    <ul className={names ? 'plain file-list' : 'plain'} data-testid={testId}>
      {job.files.map((file, i) => (
        <li key={file}>
          {names ? <span>{baseName(file)}</span> : <code>{file}</code>}{' '}
          <Button appearance="secondary-action-button" className="small" onClick={() => onOpen(i)} aria-label={t(lang, 'openFile', { file: baseName(file) })}>
            {t(lang, 'open')}
          </Button>
        </li>
      ))}
    </ul>
  );
}
