import { defineConfig, type Project } from '@playwright/test';

// Two projects: the browser shell in Chromium (Playwright cannot download its browsers here:
// Debian's chromium, installed by .ci/run, drives those tests), and the Electron shell in a real
// Electron, which launches no browser of Playwright's and is skipped where no Electron binary is.
const browserShell: Project = {
  name: 'browser-shell',
  testDir: 'tests/e2e',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    // Dutch locale: the native date fields show dd-mm-jjjj, as the secretariat's own computers do.
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
};

export default defineConfig({
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  projects: [browserShell, { name: 'electron', testDir: 'tests/electron' }],
});
