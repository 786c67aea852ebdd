// How exports meet the file system: whole files or none, no silent overwrite, clear errors,
// progress a progress bar can follow, and the register never touched.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi, handlerGroups } from '../../electron/api';
import { ExportJobs, type ExportRenderer } from '../../electron/export/export-jobs';
import { renderExport } from '../../electron/export/render';
import { followExport } from '../support/export';
import { dumpRegister, seededRegister, sha256, tempDir, testRegisterFor, type TestRegister } from '../support/register';

const ALL = { what: ['bijlage1', 'bijlage2', 'rapportage'], formats: ['docx', 'xlsx'], date: '2024-03-01' };
let r: TestRegister | undefined;
afterEach(() => r?.close());

/** A register whose api renders through `render` (the real renderer, slowed down or made to fail). */
function withRenderer(render: ExportRenderer): TestRegister {
  const t = seededRegister();
  return testRegisterFor(t.reg, createApi(t.reg, handlerGroups(new ExportJobs(render))));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('export jobs', () => {
  it('report progress step by step, naming the file at work, until every file is written', async () => {
    r = withRenderer(async (...args) => {
      await pause(15);
      return renderExport(...args);
    });
    const out = tempDir();
    const seenFiles = new Set<string>();
    let job = r.call('export.start', { ...ALL, outDir: out });
    expect(job).toMatchObject({ state: 'running', done: 0, total: 12, date: '2024-03-01' });
    const steps = [job.done];
    while (job.state === 'running') {
      await pause(2);
      job = r.call('export.status', { id: job.id });
      if (job.current) seenFiles.add(job.current);
      if (steps.at(-1) !== job.done) steps.push(job.done);
    }
    expect(job.state).toBe('done');
    expect(steps.at(-1)).toBe(12);
    expect(steps.length).toBeGreaterThanOrEqual(6);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect([...seenFiles].length).toBeGreaterThanOrEqual(4);
    for (const f of job.files) expect(fs.statSync(f).size).toBeGreaterThan(3_000);
  });

  it('leave no file, no half file and no temp file behind when one document fails, and the register as it was', async () => {
    r = withRenderer(async (snapshot, document, format, date) => {
      if (document === 'rapportage' && format === 'xlsx') throw new Error('renderer crashed');
      return renderExport(snapshot, document, format, date);
    });
    const before = dumpRegister(r.reg);
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'notities.txt'), 'van de secretaris');
    const { job } = await followExport(r, { ...ALL, outDir: out });
    expect(job).toMatchObject({ state: 'failed', files: [], error: { code: 'internal', message: 'The export failed: renderer crashed' } });
    expect(fs.readdirSync(out)).toEqual(['notities.txt']);
    expect(dumpRegister(r.reg)).toEqual(before);
  });

  it('refuse to overwrite an existing file: the export stops before writing anything', async () => {
    r = seededRegister();
    const out = tempDir();
    const existing = path.join(out, 'bijlage-2-actiepunten.xlsx');
    fs.writeFileSync(existing, 'the secretary’s own edited copy');
    const hash = sha256(existing);
    const result = r.api.invoke('export.start', { ...ALL, outDir: out });
    expect(result).toEqual({
      ok: false,
      error: { code: 'conflict', field: 'outDir', message: `${existing} already exists; choose to overwrite it, or pick another folder.` },
    });
    expect(fs.readdirSync(out)).toEqual(['bijlage-2-actiepunten.xlsx']);
    expect(sha256(existing)).toBe(hash);
  });

  it('never replace a file that appears while the export runs, unless asked to overwrite', async () => {
    r = withRenderer(async (...args) => {
      await pause(20);
      return renderExport(...args);
    });
    const out = tempDir();
    const target = path.join(out, 'bijlage-1-dossiers-met-prioriteit.docx');
    const started = r.call('export.start', { what: ['bijlage1'], formats: ['docx'], outDir: out });
    fs.writeFileSync(target, 'saved by Word in the meantime');
    let job = started;
    while (job.state === 'running') {
      await pause(5);
      job = r.call('export.status', { id: job.id });
    }
    expect(job).toMatchObject({ state: 'failed', error: { code: 'conflict', field: 'outDir' } });
    expect(fs.readFileSync(target, 'utf8')).toBe('saved by Word in the meantime');
    expect(fs.readdirSync(out)).toEqual(['bijlage-1-dossiers-met-prioriteit.docx']);

    const { job: again } = await followExport(r, { what: ['bijlage1'], formats: ['docx'], outDir: out, overwrite: true });
    expect(again.state).toBe('done');
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('write into the folder as the file system names it, following a symlink', async () => {
    r = seededRegister();
    const real = tempDir();
    const link = path.join(tempDir(), 'snelkoppeling');
    fs.symlinkSync(real, link);
    const { job } = await followExport(r, { what: ['bijlage2'], formats: ['xlsx'], outDir: link });
    expect(job.outDir).toBe(fs.realpathSync(real));
    expect(fs.readdirSync(real)).toEqual(['bijlage-2-actiepunten.xlsx']);
  });
});

describe('bad export requests get a clear error and start nothing', () => {
  const cases: Array<[string, Record<string, unknown>, { code: string; field?: string; message: RegExp }]> = [
    ['a relative folder', { outDir: 'exports' }, { code: 'invalid_input', field: 'outDir', message: /must be an absolute path/ }],
    ['a climb out of the folder', { outDir: '/tmp/../etc' }, { code: 'invalid_input', field: 'outDir', message: /must not contain '\.\.'/ }],
    ['a NUL byte', { outDir: '/tmp/a\u0000b' }, { code: 'invalid_input', field: 'outDir', message: /control characters/ }],
    ['a folder that does not exist', { outDir: '/tmp/tb-register-does-not-exist' }, { code: 'not_found', field: 'outDir', message: /does not exist/ }],
    ['an unknown document', { what: ['bijlage3'] }, { code: 'invalid_input', field: 'what.0', message: /must be one of: bijlage1, bijlage2, rapportage/ }],
    ['a format twice', { formats: ['docx', 'docx'] }, { code: 'invalid_input', field: 'formats', message: /twice/ }],
    ['no documents', { what: [] }, { code: 'invalid_input', field: 'what', message: /at least one/ }],
    ['an impossible date', { date: '2024-02-30' }, { code: 'invalid_input', field: 'date', message: /real date/ }],
  ];
  for (const [name, change, expected] of cases) {
    it(name, () => {
      r = seededRegister();
      const out = tempDir();
      const result = r.api.invoke('export.start', { ...ALL, outDir: out, ...change });
      expect(result.ok).toBe(false);
      const error = (result as { error: { code: string; field?: string; message: string } }).error;
      expect(error.code).toBe(expected.code);
      expect(error.field).toBe(expected.field);
      expect(error.message).toMatch(expected.message);
      expect(fs.readdirSync(out)).toEqual([]);
    });
  }

  it('a file given as the folder', () => {
    r = seededRegister();
    const file = path.join(tempDir(), 'bestand.txt');
    fs.writeFileSync(file, '');
    expect(r.api.invoke('export.start', { ...ALL, outDir: file })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'outDir' } });
  });

  it('an unknown export id', () => {
    r = seededRegister();
    expect(r.api.invoke('export.status', { id: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(r.api.invoke('export.status', { id: '../etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
  });
});
