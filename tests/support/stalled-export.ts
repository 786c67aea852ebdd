// A child process for the leftovers test: starts an export whose second document never finishes
// rendering, and says "written" once the first document's temporary file is on disk; the test
// then kills it, as a power cut or a crash would, mid-export.
//   node stalled-export.cjs REGISTER OUTDIR (bundled by the test)
import fs from 'node:fs';
import { createApi, handlerGroups } from '../../electron/api';
import { ExportJobs } from '../../electron/export/export-jobs';
import { renderExport } from '../../electron/export/render';
import { RegisterHost } from '../../electron/register-host';

const [file, outDir] = process.argv.slice(2) as [string, string];
let rendered = 0;
const jobs = new ExportJobs((...args) => (rendered++ === 0 ? renderExport(...args) : new Promise<Buffer>(() => undefined)));
const api = createApi(RegisterHost.open(file), handlerGroups(jobs));
const started = api.invoke('export.start', { what: ['bijlage1', 'bijlage2'], formats: ['docx'], outDir });
if (!started.ok) {
  process.stderr.write(JSON.stringify(started.error));
  process.exit(1);
}
const timer = setInterval(() => {
  if (fs.readdirSync(outDir).some((name) => name.endsWith('.tmp'))) {
    clearInterval(timer);
    process.stdout.write('written\n');
  }
}, 5);
