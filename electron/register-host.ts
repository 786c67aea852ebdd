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
import { moveDatabase, removeDatabaseFiles, sweepLeftovers, tempNameFor } from './leftovers';
import { numberMarks } from './register/lookup';
import { createSeededRegister, type SeedData } from './register/seed';
import { backupDirFor, createBackup, listBackups, prepareRestore, registerFileProblem, sequenceMarks, takenInTheFuture, type NumberMarks } from './register/backup';
import { systemClock } from './register/clock';
import { openRegister, openRegisterSnapshot, type OpenOptions, type Register } from './register/db';

const DAY = 24 * 60 * 60 * 1000;

export class RegisterHost {
  private current: Register;
  private why: string | null = null;
  /** Why the register cannot be used at all (it could not be opened again after a failed check). */
  private broken: RegisterError | null = null;
  /** Whether quick_check has looked at the register that is open now. */
  private checked: boolean;
  private timer: NodeJS.Timeout | undefined;
  /** The backup or restore running now; the next waits for it. */
  private turns: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private readonly options: OpenOptions,
    adopted?: Register,
  ) {
    // A register someone else opened (the CLI, tests) is theirs to check.
    this.checked = adopted !== undefined;
    this.current = adopted ?? this.openUnchecked();
  }

  /**
   * Opens the register at `file` for this program alone (a second program is refused while it is
   * held, db.ts holdExclusively). First the leftovers of a killed process are cleared (a register
   * stepped aside by an unfinished restore comes back), then, where `seed` is given and there is
   * no register, one is created from it. The check follows on first use.
   */
  static open(file: string, options: OpenOptions & { seed?: () => SeedData } = {}): RegisterHost {
    const absolute = path.resolve(file);
    const { seed, ...openOptions } = options;
    for (const left of sweepLeftovers(absolute)) console.error(`TB-register: cleared ${left}, left by a process that ended mid-write.`);
    if (seed && !fs.existsSync(absolute)) createSeededRegister(absolute, seed(), openOptions);
    return new RegisterHost(absolute, openOptions);
  }

  /** Holds a register someone else opened (the CLI, tests); a restore reopens it the same way. */
  static adopt(reg: Register): RegisterHost {
    return new RegisterHost(reg.path, { readOnly: reg.readOnly, clock: reg.clock }, reg);
  }

  /** The register, checked first; a register that cannot be opened at all throws, with why. */
  get reg(): Register {
    this.check();
    if (this.broken) throw this.broken;
    return this.current;
  }

  /** The register as held now, unchecked: only for calls that work beside it (the backups). */
  get held(): Register {
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
    this.why = `The register is damaged (${findings}); it is open read-only. Restore the newest good backup.`;
    try {
      this.current = openRegister(this.file, { ...this.options, readOnly: true });
    } catch (error) {
      // Not even readable: every call says so, and a backup can still be restored.
      this.why = `The register at ${this.file} cannot be opened (${(error as Error).message}); restore a backup.`;
      this.broken = new RegisterError('internal', this.why);
    }
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

  backup(): Promise<BackupInfo> {
    return this.inTurn(() => createBackup(this.reg, this.backupDir, this.options.nativeBinding));
  }

  /** A backup now, then one a day while the app runs. */
  startDailyBackups(onError: (error: Error) => void = () => undefined): Promise<BackupInfo | null> {
    this.timer = setInterval(() => void this.backup().catch(onError), DAY);
    this.timer.unref();
    return this.backup().catch((error: Error) => (onError(error), null));
  }

  /** Backups and restores one at a time: a restore never closes the register under a backup. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.turns.then(work, work);
    this.turns = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Puts backup `name` (or the newest good one) in the register's place. The backup must be a
   * whole TB-register this version can open (registerFileProblem); it is copied, migrated and
   * checked beside the register first (prepareRestore), carrying over the numbers given since, so
   * anything wrong with it is refused before the register is touched. Then the current state is
   * backed up (a register too damaged for the backup API is kept aside as it is, for whoever
   * investigates), the register steps aside, the copy takes its place and is opened; should that
   * fail, the register comes back.
   */
  restore(name: string | 'newest-good'): Promise<void> {
    return this.inTurn(() => this.restoreNow(name));
  }

  private async restoreNow(name: string | 'newest-good'): Promise<void> {
    if (name === 'newest-good') {
      const newest = this.newestGoodBackup();
      if (!newest) throw new RegisterError('not_found', 'There is no backup that is a whole TB-register this version can open.', 'name');
      name = newest.name;
    }
    const chosen = this.listBackups().find((b) => b.name === name);
    if (!chosen) throw new RegisterError('not_found', `There is no backup '${name}'.`, 'name');
    const prepared = await prepareRestore(this.file, path.join(this.backupDir, chosen.name), this.options, this.numberMarks(), this.sequenceMarks());
    try {
      await this.keepCurrentState();
    } catch (error) {
      removeDatabaseFiles(prepared);
      throw error;
    }
    if (this.current.db.open) this.current.close();
    // Named so that, should this process die before the copy has opened, the next start puts it
    // back; its write-ahead log (left only by a register that could not be closed cleanly) goes with it.
    const before = tempNameFor(this.file, 'before-restore');
    moveDatabase(this.file, before);
    fs.rmSync(this.file + '-shm', { force: true });
    fs.renameSync(prepared, this.file);
    try {
      this.current = this.openUnchecked();
      this.broken = null;
    } catch (error) {
      fs.rmSync(this.file, { force: true });
      moveDatabase(before, this.file);
      this.current = this.openUnchecked();
      throw error;
    }
    removeDatabaseFiles(before, ['', '-wal']);
    this.check();
  }

  /**
   * A backup of the register as it is, before a restore replaces it. One that the backup API
   * cannot read (damaged, or not openable at all) is copied aside as it is, write-ahead log with
   * it; a healthy register whose backup fails (a full disk) stops the restore instead.
   */
  private async keepCurrentState(): Promise<void> {
    if (!this.broken && !this.why) {
      try {
        await createBackup(this.reg, this.backupDir, this.options.nativeBinding);
        return;
      } catch (error) {
        throw new RegisterError('internal', `The register could not be backed up before the restore (${(error as Error).message}); nothing was restored.`);
      }
    }
    try {
      await createBackup(this.held, this.backupDir, this.options.nativeBinding);
    } catch {
      const aside = path.join(this.backupDir, `damaged-${Date.now()}-${path.basename(this.file)}`);
      fs.mkdirSync(this.backupDir, { recursive: true });
      for (const suffix of ['', '-wal']) if (fs.existsSync(this.file + suffix)) fs.copyFileSync(this.file + suffix, aside + suffix);
    }
  }

  /** The highest numbers the register has given, where it can still be read. */
  /** The exchange's sequence numbers the register has held, where it can still be read. */
  private sequenceMarks(): Record<string, number> {
    try {
      return sequenceMarks(this.held);
    } catch {
      return {};
    }
  }

  private numberMarks(): NumberMarks {
    try {
      return numberMarks(this.held);
    } catch {
      return {};
    }
  }

  /**
   * The newest backup that is a whole register this version can open, for "restore the newest
   * good backup"; a backup named after a moment still to come (the clock ran ahead) is passed over.
   */
  newestGoodBackup(): BackupInfo | null {
    const clock = this.options.clock ?? systemClock;
    return (
      this.listBackups().find(
        (b) => !takenInTheFuture(b, clock) && registerFileProblem(path.join(this.backupDir, b.name), this.options.migrations, this.options.nativeBinding) === null,
      ) ?? null
    );
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.current.db.open) this.current.close();
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
