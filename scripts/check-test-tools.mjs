// npm test's first step: the programs the tests drive besides Node. Without them a newcomer's
// first run failed deep inside vitest ("spawnSync soffice ENOENT") or Playwright; this says at
// once what is missing and how to install it, and stops before anything runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const found = (command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).error === undefined;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const missing = [
  !found('soffice') && { what: 'LibreOffice (soffice): the export tests open every docx and xlsx in it', debian: 'libreoffice-writer libreoffice-calc' },
  !found('pdftotext') && { what: 'poppler (pdftotext): the tests read the PDFs LibreOffice makes', debian: 'poppler-utils' },
  !fs.existsSync(chromium) && { what: `Chromium at ${chromium} (or set CHROMIUM_PATH): the end-to-end tests drive it`, debian: 'chromium' },
].filter(Boolean);

if (missing.length) {
  console.error('npm test needs programs this computer does not have:');
  for (const m of missing) console.error(`  - ${m.what}`);
  console.error(`On Debian or Ubuntu: sudo apt-get install ${missing.map((m) => m.debian).join(' ')} fonts-dejavu-core fonts-crosextra-carlito`);
  console.error('(or run sudo .ci/run, which installs them and then runs the tests).');
  process.exit(1);
}
