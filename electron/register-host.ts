// The shells' hold on the register file: checked with quick_check before anything reads or writes
// it (a damaged register opens read-only, with the reason, so nothing more is lost and a backup
// can be restored), backed up at start and daily, and swapped for a backup on request, after a
// backup of the current state. The check reads the whole file (137 ms of a 205 ms open at 5,000
// dossiers, issue 6), so opening leaves it for later: the shells run it once their window or
// server is up, while the page loads, and the first use of the register runs it if they have not.
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../shared/errors';
import type { BackupInfo } from '../shared/domain';
import { backupDirFor, createBackup, integrityOf, listBackups, restoreBackup } from './register/backup';
import { openRegister, openRegisterSnapshot, type OpenOptions, type Register } from './register/db';

const DAY = 24 * 60 * 60 * 1000;

export class RegisterHost {
  private current: Register;
  private why: string | null = null;
  /** Whether quick_check has looked at the register that is open now. */
  private checked: boolean;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly file: string,
    private readonly options: OpenOptions,
    adopted?: Register,
  ) {
    // A register someone else opened (the CLI, tests) is theirs to check.
    this.checked = adopted !== undefined;
    this.current = adopted ?? this.openUnchecked();
  }

  /** Opens the register at `file`, checking it first. */
  static open(file: string, options: OpenOptions = {}): RegisterHost {
    return new RegisterHost(path.resolve(file), options);
  }

  /** Holds a register someone else opened (the CLI, tests); a restore reopens it the same way. */
  static adopt(reg: Register): RegisterHost {
    return new RegisterHost(reg.path, { readOnly: reg.readOnly, clock: reg.clock }, reg);
  }

  /** The register, checked first. */
  get reg(): Register {
    this.check();
    return this.current;
  }

  /** Why the register is open read-only against the user's wish, or null (checked first). */
  get damaged(): string | null {
    this.check();
    return this.why;
  }

  /** Runs quick_check once per opened register; a damaged one is reopened read-only. */
  check(): void {
    if (this.checked) return;
    this.checked = true;
    const findings = quickCheck(this.current);
    if (findings === 'ok') return;
    this.current.close();
    this.current = openRegister(this.file, { ...this.options, readOnly: true });
    this.why = `The register is damaged (${findings}); it is open read-only. Restore the newest good backup.`;
  }

  get backupDir(): string {
    return backupDirFor(this.file);
  }

  private openUnchecked(): Register {
    this.why = null;
    this.checked = false;
    try {
      return openRegister(this.file, this.options);
    } catch (error) {
      // A register in a folder or on a disk that cannot be written to is still shown, read-only.
      const code = (error as { code?: string }).code ?? '';
      if (!/^SQLITE_(READONLY|CANTOPEN|IOERR)/.test(code)) throw error;
      this.why = `The folder ${path.dirname(this.file)} cannot be written to (${(error as Error).message}); the register is open read-only. Move it to a folder you can write to.`;
      // Read-only already: a damaged page shows up as an error where it is read.
      this.checked = true;
      return openRegisterSnapshot(this.file, this.options);
    }
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.backupDir);
  }

  async backup(): Promise<BackupInfo> {
    return createBackup(this.reg, this.backupDir, this.options.nativeBinding);
  }

  /** A backup now, then one a day while the app runs. */
  startDailyBackups(onError: (error: Error) => void = () => undefined): Promise<BackupInfo | null> {
    this.timer = setInterval(() => void this.backup().catch(onError), DAY);
    this.timer.unref();
    return this.backup().catch((error: Error) => (onError(error), null));
  }

  /**
   * Puts backup `name` (or the newest good one) in the register's place. The current state is
   * backed up first (a damaged register that the backup API cannot read is kept aside as it
   * is, for whoever investigates).
   */
  async restore(name: string | 'newest-good'): Promise<void> {
    if (name === 'newest-good') {
      const newest = this.newestGoodBackup();
      if (!newest) throw new RegisterError('not_found', 'There is no backup that passes its integrity check.', 'name');
      name = newest.name;
    }
    const chosen = this.listBackups().find((b) => b.name === name);
    if (!chosen) throw new RegisterError('not_found', `There is no backup '${name}'.`, 'name');
    const file = path.join(this.backupDir, chosen.name);
    const integrity = integrityOf(file, this.options.nativeBinding);
    if (integrity !== 'ok') throw new RegisterError('invalid_input', `Backup ${name} is damaged (${integrity}); choose another.`, 'name');
    try {
      await this.backup();
    } catch {
      const aside = path.join(this.backupDir, `damaged-${Date.now()}-${path.basename(this.file)}`);
      fs.mkdirSync(this.backupDir, { recursive: true });
      fs.copyFileSync(this.file, aside);
    }
    this.current.close();
    try {
      await restoreBackup(this.file, file, this.options.nativeBinding);
    } finally {
      this.current = this.openUnchecked();
      this.check();
    }
  }

  /** The newest backup that passes integrity_check, for "restore the newest good backup". */
  newestGoodBackup(): BackupInfo | null {
    return this.listBackups().find((b) => integrityOf(path.join(this.backupDir, b.name), this.options.nativeBinding) === 'ok') ?? null;
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.current.close();
  }
}

/** PRAGMA quick_check: 'ok', or the first of SQLite's findings (a corrupt page can also make it throw). */
export function quickCheck(reg: Register): string {
  let findings: string;
  try {
    const rows = reg.db.pragma('quick_check') as Array<{ quick_check: string }>;
    findings = rows.map((r) => r.quick_check).join('\n');
  } catch (error) {
    findings = (error as Error).message;
  }
  if (findings === 'ok') return findings;
  const lines = findings.split('\n').filter((line) => line && !line.startsWith('***'));
  const first = lines.slice(0, 2).join('; ');
  return lines.length > 2 ? `${first}; and ${lines.length - 2} more` : first;
}
