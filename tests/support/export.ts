// Running an export through the contract, as the UI does: start it, then follow its status.
import type { ExportJob } from '../../shared/exports';
import type { TestRegister } from './register';

/** Exports and insists on success. */
export async function runExport(r: TestRegister, input: Record<string, unknown>): Promise<ExportJob> {
  const { job } = await followExport(r, input);
  if (job.state === 'failed') throw new Error(`export failed: ${JSON.stringify(job.error)}`);
  return job;
}

/** Starts an export and follows it to the end, failed or done, recording every progress step seen. */
export async function followExport(r: TestRegister, input: Record<string, unknown>): Promise<{ job: ExportJob; progress: number[] }> {
  let job = r.call('export.start', input);
  const progress = [job.done];
  while (job.state === 'running') {
    await new Promise((resolve) => setImmediate(resolve));
    job = r.call('export.status', { id: job.id });
    if (progress.at(-1) !== job.done) progress.push(job.done);
  }
  return { job, progress };
}
