// The exchange's calls (issue 17), as the shells and the CLI reach them through the api: files are
// read and written here, next to the register's transaction; the merging is exchange.ts's.
import fs from 'node:fs';
import path from 'node:path';
import { RegisterError } from '../../shared/errors';
import type { ConflictView, ProvisionalNumbers } from '../../shared/exchange';
import type { HandlerGroup } from '../api';
import { writeNewFile } from '../export/atomic-file';
import { tempNameFor } from '../leftovers';
import { timestamp } from '../register/clock';
import { keepAsBackup } from '../register/backup';
import type { Register } from '../register/db';
import { openConflicts } from './conflicts';
import { decideConflict } from './decide';
import { checkReceivable, exchangeStatus, lastReceipt, makeBundle, previewBundle, receiveBundle } from './exchange';
import { locate, isSyncedTable, tableInfo } from './rows';

/** A .tbsync file is small (a few MB for a year of changes); anything much larger is not one. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

function readExchangeFile(file: string): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new RegisterError('not_found', `There is no file at ${file}.`, 'file');
  }
  if (!stat.isFile()) throw new RegisterError('invalid_input', `${file} is not a file.`, 'file');
  if (stat.size > MAX_FILE_BYTES) throw new RegisterError('invalid_input', 'This is not a TB-register exchange file (.tbsync); nothing was changed.', 'file');
  return fs.readFileSync(file);
}

/** "TB-register 2026-11-30 14.05 secretaris.tbsync": sorts by time, says whose it is. */
function fileNameFor(reg: Register, role: string | null): string {
  const at = timestamp(reg.clock);
  return `TB-register ${at.slice(0, 10)} ${at.slice(11, 13)}.${at.slice(14, 16)}.${at.slice(17, 19)}${role ? ` ${role}` : ''}.tbsync`;
}

/** Writes `bytes` into `dir` under `name` (or "name (2)" when taken), whole or not at all. */
function writeNew(dir: string, name: string, bytes: Buffer): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new RegisterError('not_found', `The folder ${dir} does not exist.`, 'outDir');
  }
  if (!stat.isDirectory()) throw new RegisterError('invalid_input', `${dir} is not a folder.`, 'outDir');
  const ext = path.extname(name);
  let target = path.join(dir, name);
  for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${path.basename(name, ext)} (${n})${ext}`);
  try {
    writeNewFile(tempNameFor(target), target, bytes);
  } catch (error) {
    if ((error as { code?: string }).code === 'EACCES' || (error as { code?: string }).code === 'EPERM') {
      throw new RegisterError('forbidden', `There is no permission to write in ${dir}.`, 'outDir');
    }
    if (error instanceof RegisterError) throw error;
    throw new RegisterError('internal', `The file could not be written: ${(error as Error).message}`, 'outDir');
  }
  return target;
}

const ofDossier = (number: number | undefined): Pick<ConflictView, 'subject' | 'meeting' | 'target'> =>
  number === undefined ? { subject: 'Dossier ?', meeting: null, target: null } : { subject: `Dossier ${number}`, meeting: null, target: { dossier: number } };
const ofActiepunt = (number: number | undefined): Pick<ConflictView, 'subject' | 'meeting' | 'target'> =>
  number === undefined ? { subject: 'Actiepunt ?', meeting: null, target: null } : { subject: `Actiepunt ${number}`, meeting: null, target: { actiepunt: number } };
const ofMeeting = (number: string | undefined, subject = number): Pick<ConflictView, 'subject' | 'meeting' | 'target'> =>
  number === undefined ? { subject: subject ?? '?', meeting: null, target: null } : { subject: subject ?? number, meeting: number, target: { meeting: number } };

/** What a conflict is about, in the register's own words: "Dossier 12", "TB-2026-03, punt 4". */
function subjectOf(reg: Register, table: string, uid: string): Pick<ConflictView, 'subject' | 'meeting' | 'target'> {
  if (!isSyncedTable(table)) return { subject: table, meeting: null, target: null };
  const info = tableInfo(reg, table);
  const idOf = (t: typeof table, u: string) => {
    const at = locate(reg, t, u);
    return at && 'id' in at ? at.id : null;
  };
  const keyed = info.rowid ? null : (JSON.parse(uid) as unknown[]);
  const id = info.rowid ? idOf(table, uid) : null;
  const one = <T>(sql: string, arg: unknown) => (arg === null ? undefined : (reg.db.prepare(sql).get(arg) as T | undefined));
  const dossier = (dossierId: unknown) => one<{ number: number }>('SELECT number FROM dossier WHERE id = ?', dossierId);
  const actiepunt = (actiepuntId: unknown) => one<{ number: number }>('SELECT number FROM actiepunt WHERE id = ?', actiepuntId);
  const item = (itemId: unknown) => one<{ number: number; meeting: string }>('SELECT i.number, m.number AS meeting FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE i.id = ?', itemId);
  switch (table) {
    case 'dossier':
      return ofDossier(dossier(id)?.number);
    case 'dossier_phase':
    case 'dossier_priority':
      return ofDossier(dossier(one<{ d: number }>(`SELECT dossier_id AS d FROM ${table} WHERE id = ?`, id)?.d ?? null)?.number);
    case 'dossier_ambition':
      return ofDossier(dossier(idOf('dossier', String(keyed![0])))?.number);
    case 'actiepunt':
      return ofActiepunt(actiepunt(id)?.number);
    case 'actiepunt_status':
      return ofActiepunt(actiepunt(one<{ a: number }>('SELECT actiepunt_id AS a FROM actiepunt_status WHERE id = ?', id)?.a ?? null)?.number);
    case 'actiepunt_owner':
    case 'actiepunt_sub_point':
      return ofActiepunt(actiepunt(idOf('actiepunt', String(keyed![0])))?.number);
    case 'meeting':
      return ofMeeting(one<{ number: string }>('SELECT number FROM meeting WHERE id = ?', id)?.number);
    case 'agenda_item': {
      const i = item(id);
      return ofMeeting(i?.meeting, i ? `${i.meeting}, punt ${i.number}` : undefined);
    }
    case 'outcome':
    case 'agenda_link': {
      const i = item(one<{ i: number }>(`SELECT agenda_item_id AS i FROM ${table} WHERE id = ?`, id)?.i ?? null);
      return ofMeeting(i?.meeting, i ? `${i.meeting}, punt ${i.number}` : undefined);
    }
    case 'attendance':
      return ofMeeting(one<{ number: string }>('SELECT m.number FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = ?', id)?.number);
    default:
      return { subject: table, meeting: null, target: null };
  }
}

/** What a broken rule is about (invariants.ts): the priorities, or a meeting's agenda. */
function invariantSubject(reason: string): Pick<ConflictView, 'subject' | 'meeting' | 'target'> {
  const [rule, ...rest] = reason.split(':');
  if (rule === 'rank') return { subject: 'Prioriteiten', meeting: null, target: { dossier: Number((rest[1] ?? '').split(',')[0]) } };
  const meeting = rest.slice(0, -1).join(':');
  return { subject: meeting, meeting, target: { meeting } };
}

/** A conflict that came in a file may name what this register cannot read: it is listed by its table. */
function safeSubject(reg: Register, table: string, uid: string): Pick<ConflictView, 'subject' | 'meeting' | 'target'> {
  try {
    return subjectOf(reg, table, uid);
  } catch {
    return { subject: table, meeting: null, target: null };
  }
}

export function conflictViews(reg: Register, device: string): ConflictView[] {
  return openConflicts(reg)
    .reverse()
    .map((c) => ({
      ...c,
      ...(c.kind === 'invariant' ? invariantSubject(c.reason ?? '') : safeSubject(reg, c.table, c.uid)),
      mine: c.versions.find((v) => v.device === device)?.hlc ?? null,
    }));
}

/** The provisional numbers here, each with the role of the device that gave it (this one's: the profile's). */
function provisionalNumbers(reg: Register, me: string, myRole: string | null): ProvisionalNumbers {
  const of = (table: 'dossier' | 'actiepunt') =>
    (
      reg.db
        .prepare(
          `SELECT t.number, r.provisional AS device, p.role FROM sync_row r JOIN ${table} t ON t.id = r.local_id
           LEFT JOIN sync_peer p ON p.device = r.provisional WHERE r.tbl = ? AND r.provisional IS NOT NULL ORDER BY t.number`,
        )
        .all(table) as Array<{ number: number; device: string; role: string | null }>
    ).map((r) => ({ number: r.number, by: r.device === me ? myRole : r.role }));
  return { dossiers: of('dossier'), actiepunten: of('actiepunt') };
}

export const exchangeHandlers: HandlerGroup = {
  'exchange.provisional': (reg, _input, { profile }) => provisionalNumbers(reg, profile.device().id(), profile.state().profile?.role ?? null),
  'exchange.status': (reg, _input, { profile }) => exchangeStatus(reg, profile),
  'exchange.send': (reg, input, { profile }) => {
    const { body, bytes } = makeBundle(reg, profile, { to: input.to, all: input.all, passphrase: input.passphrase, whole: input.whole });
    const file = writeNew(input.outDir, fileNameFor(reg, profile.state().profile?.role ?? null), bytes);
    return { file, changes: body.changes.length, bytes: bytes.length };
  },
  'exchange.preview': (reg, input, { profile }) => previewBundle(reg, profile, readExchangeFile(input.file), input),
  'exchange.receive': async (_reg, input, { host, profile }) => {
    const bytes = readExchangeFile(input.file);
    // Every refusal before the backup: a refused file leaves no trace.
    checkReceivable(host.reg, profile, bytes, input);
    const backup = await host.backup();
    return receiveBundle(host.reg, profile, bytes, input, backup.name);
  },
  'exchange.conflicts': (reg, _input, { profile }) => conflictViews(reg, profile.device().id()),
  'exchange.decide': (reg, input, { profile }) => {
    const decided = decideConflict(reg, profile.device().id(), profile.state().profile, input);
    const about = decided.kind === 'invariant' ? invariantSubject(decided.reason ?? '') : safeSubject(reg, decided.table, decided.uid);
    return { ...decided, ...about, mine: decided.versions.find((v) => v.device === profile.device().id())?.hlc ?? null };
  },
  'exchange.replace': async (_reg, input, { host, profile }) => {
    const bytes = readExchangeFile(input.file);
    const { body } = checkReceivable(host.reg, profile, bytes, input, true);
    // Kept among the backups, then restored: checked and migrated first, this register backed up first.
    const kept = keepAsBackup(host.backupDir, Buffer.from(body.snapshot!, 'base64'), host.reg.clock);
    await host.restore(kept.name);
    if (!profile.device().paired().some((p) => p.device === body.from.device)) {
      profile.device().pair({ device: body.from.device, publicKey: body.from.publicKey, name: body.from.name, role: body.from.role, pairedAt: timestamp(host.reg.clock) });
    }
    return exchangeStatus(host.reg, profile);
  },
  'exchange.undo': async (_reg, _input, { host, profile }) => {
    const receipt = lastReceipt(host.reg);
    if (!receipt) throw new RegisterError('conflict', 'No file has been received yet; there is nothing to take back.');
    if (receipt.why || !receipt.backup) throw new RegisterError('conflict', `The last file received can no longer be taken back: ${receipt.why ?? 'no backup was made before it'}.`);
    await host.restore(receipt.backup);
    return exchangeStatus(host.reg, profile);
  },
};
