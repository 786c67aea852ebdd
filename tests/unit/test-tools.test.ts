// npm test's first step (issue 14): on a machine without LibreOffice, poppler or Chromium it says
// what is missing and how to install it, instead of failing deep inside vitest or Playwright.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/register';

const check = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'check-test-tools.mjs')], { encoding: 'utf8', env });

describe('the test tools check', () => {
  it('passes here, where the tests run', () => {
    expect(check(process.env).status).toBe(0);
  });

  it('names every missing program and the Debian packages that bring it, and stops', () => {
    // A PATH that holds only Node, and a Chromium that is not there.
    const bin = tempDir();
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const bare = check({ PATH: bin, CHROMIUM_PATH: '/nowhere/chromium' });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain('LibreOffice (soffice)');
    expect(bare.stderr).toContain('poppler (pdftotext)');
    expect(bare.stderr).toContain('Chromium at /nowhere/chromium');
    expect(bare.stderr).toContain('sudo apt-get install libreoffice-writer libreoffice-calc poppler-utils chromium');
  });
});
