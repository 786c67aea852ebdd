// The headless commands as the README documents them: npm run cli -- ...
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegister } from '../../electron/register/db';
import { ROOT, tempDir } from '../support/register';

function npmCli(...args: string[]) {
  const result = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TB_REGISTER_NOW: '2026-11-30T10:00:00' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run cli', () => {
  it('seeds a register at FILE, refuses to overwrite it, and replaces it with --force', () => {
    const file = path.join(tempDir(), 'nested', 'tb.sqlite');
    const first = npmCli('seed', '--db', file);
    expect(first).toMatchObject({ code: 0 });
    expect(first.out).toContain(`Created ${file}`);
    const reg = openRegister(file, { readOnly: true });
    expect(reg.db.prepare('SELECT count(*) FROM dossier').pluck().get()).toBe(15);
    expect(reg.db.prepare('SELECT count(*) FROM actiepunt').pluck().get()).toBe(10);
    reg.close();

    const modified = fs.statSync(file).mtimeMs;
    const again = npmCli('seed', '--db', file);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; use --force to replace it.');
    expect(fs.statSync(file).mtimeMs).toBe(modified);

    expect(npmCli('seed', '--db', file, '--force').code).toBe(0);
  });

  it('runs a contract call and prints the envelope, with exit code 1 on a refused call', () => {
    const file = path.join(tempDir(), 'tb.sqlite');
    npmCli('seed', '--db', file);
    const ok = npmCli('call', 'dossier.setPhase', '{"number":3,"state":{"phase":"implementatie"},"date":"2024-06-01"}', '--db', file);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, value: { number: 3, phase: { phase: 'implementatie' } } });
    const bad = npmCli('call', 'dossier.setPhase', '{"number":3,"state":{"phase":"klaar"}}', '--db', file);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'state.phase' } });
  });

  it('explains its usage and refuses unknown options', () => {
    expect(npmCli('--help')).toMatchObject({ code: 0 });
    expect(npmCli('--help').out).toContain('npm run cli -- seed --db FILE');
    const unknown = npmCli('seed', '--dbb', 'x');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/Unknown option '--dbb'/);
  });

  it('exports the annexes and the rapportage as documented, keeps existing files unless --overwrite', () => {
    const dir = tempDir();
    const db = path.join(dir, 'tb.sqlite');
    const out = path.join(dir, 'uit');
    fs.mkdirSync(out);
    npmCli('seed', '--db', db);
    const first = npmCli('export', '--db', db, '--out', out, '--date', '2024-03-01');
    expect(first).toMatchObject({ code: 0 });
    const names = [
      'bijlage-1-dossiers-met-prioriteit.docx', 'bijlage-1-dossiers-met-prioriteit.xlsx',
      'bijlage-2-actiepunten.docx', 'bijlage-2-actiepunten.xlsx',
      'cr-rapportage-2024-03-01.docx', 'cr-rapportage-2024-03-01.xlsx',
    ];
    expect(first.out.trim().split('\n')).toEqual(names.map((n) => `Wrote ${path.join(out, n)}`));
    expect(fs.readdirSync(out).sort()).toEqual(names);

    const before = fs.statSync(path.join(out, names[0]!)).mtimeMs;
    const again = npmCli('export', '--db', db, '--out', out, '--what', 'bijlage1', '--format', 'docx');
    expect(again.code).toBe(1);
    expect(again.err).toContain(`${path.join(out, names[0]!)} already exists`);
    expect(fs.statSync(path.join(out, names[0]!)).mtimeMs).toBe(before);

    const only = npmCli('export', '--db', db, '--out', out, '--what', 'rapportage', '--format', 'xlsx', '--overwrite');
    expect(only).toMatchObject({ code: 0, out: `Wrote ${path.join(out, 'cr-rapportage-2026-11-30.xlsx')}\n` });
    expect(npmCli('export', '--db', db, '--out', out, '--format', 'pdf')).toMatchObject({ code: 1, err: expect.stringContaining('formats.0: must be one of: docx, xlsx') });
  });

  it('writes a meeting pack into the meeting\'s folder, and says so when the version stands unchanged', () => {
    const file = path.join(tempDir(), 'tb.sqlite');
    const out = tempDir();
    npmCli('seed', '--db', file);
    expect(npmCli('call', 'meeting.create', '{"date":"2026-12-10","location":"Den Haag"}', '--db', file).code).toBe(0);
    const refused = npmCli('pack', '--db', file, '--meeting', 'TB-2026-01', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not vastgesteld yet');
    expect(npmCli('call', 'meeting.setState', '{"number":"TB-2026-01","state":"agenda_vastgesteld"}', '--db', file).code).toBe(0);
    const made = npmCli('pack', '--db', file, '--meeting', 'TB-2026-01', '--out', out);
    expect(made.code, made.err).toBe(0);
    const folder = path.join(out, 'TB-2026-01 2026-12-10', 'v1');
    expect(made.out).toContain(`Wrote version 1 of TB-2026-01 (vergaderstukken) in ${folder}:`);
    expect(fs.readdirSync(folder).sort()).toEqual(['00 Agenda TB-2026-01.docx', '02 Actiepuntenlijst.docx', '02 Actiepuntenlijst.xlsx', '05 Wijzigingen sinds de start van het register.docx', 'manifest.json']);
    const again = npmCli('pack', '--db', file, '--meeting', 'TB-2026-01', '--out', out);
    expect(again.out).toContain(`Version 1 of TB-2026-01 stands in ${folder}, unchanged: nothing was written.`);
    expect(npmCli('pack', '--db', file, '--out', out).err).toContain('pack needs --meeting NUMBER');
  }, 60_000);
});
