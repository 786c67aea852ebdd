// The meeting cycle on the big register (issue 11): the data a meeting page needs, "wat is er
// veranderd sinds de vorige TB", and freezing the register when an agenda is vastgesteld and when a
// meeting is afgerond, with what each freeze adds to the file beside what changed since the last.
// The generated register holds 30 meetings and a chain of 60 freezes; this walks the cycle on from
// there through the real handler table, 1% of the dossiers changed before every freeze.
import fs from 'node:fs';
import { createApi } from '../../electron/api';
import { fixedClock } from '../../electron/register/clock';
import { openRegister } from '../../electron/register/db';
import { frozenSnapshot, partHashes, snapshotParts } from '../../electron/register/freeze';
import { readSnapshot } from '../../electron/register/snapshot';
import type { ChangesSince, Meeting, MeetingSummary } from '../../shared/meeting';
import { BENCH_NOW, CHANGED_SHARE, DECISIONS_PER_MEETING, changeDossiers, random } from './generate';
import { ratio, summarize, time, type Timing } from './stats';

export interface FreezeSample {
  stage: 'agenda' | 'afgerond';
  ms: number;
  /** The file's size (after a TRUNCATE checkpoint) before and after the call, in bytes. */
  fileBefore: number;
  fileAfter: number;
  /** Pages in use (page_count - freelist_count) before and after, in bytes: the file less the free pages it reused. */
  usedBefore: number;
  usedAfter: number;
  /** The parts that differ from the previous freeze (read from the register, not from the freeze), and their JSON's bytes. */
  changedParts: number;
  changedBytes: number;
  /** What the freeze itself wrote: its entries, and the meeting record kept with it (bytes). */
  entries: number;
  recordBytes: number;
}

export interface MeetingFigures {
  dossiers: number;
  meetings: number;
  /** Freezes in the chain before the freezes measured here. */
  chain: number;
  latest: string;
  /** meeting.get and meeting.asOf of the latest meeting. */
  pageData: Timing;
  pageDataKb: number;
  changesSince: Timing;
  changesSinceKb: number;
  changeLines: number;
  /** The meeting.setState calls that froze the register (after one unmeasured cycle). */
  freeze: Timing;
  freezeAgenda: Timing;
  freezeAfgerond: Timing;
  /** Per freeze, over the measured freezes. */
  growth: {
    freezes: number;
    dossiersChanged: number;
    fileBytes: number;
    usedBytes: number;
    changedBytes: number;
    recordBytes: number;
    entries: number;
    /** File growth / bytes of the changed parts. */
    ratio: number;
  };
  samples: FreezeSample[];
}

const kb = (value: unknown): number => Math.round(JSON.stringify(value).length / 1024);

/** `cycles` meetings walked on (each two freezes) after one unmeasured cycle. */
export async function measureMeetings(file: string, dossiers: number, runs: number, cycles: number): Promise<MeetingFigures> {
  const reg = openRegister(file, { clock: fixedClock(BENCH_NOW) });
  const api = createApi(reg);
  const call = (name: string, input?: unknown) => {
    const result = api.invoke(name, input);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const db = reg.db;
  const meetings = call('meeting.list', {}) as MeetingSummary[];
  const latest = meetings.at(-1)!.number;
  const chain = db.prepare('SELECT count(*) FROM meeting_freeze').pluck().get() as number;

  const page = () => [call('meeting.get', { number: latest }), call('meeting.asOf', { number: latest })];
  const pageData = await time(page, runs, 1);
  const changesSince = await time(() => call('meeting.changesSince', { number: latest }), runs, 1);
  const changes = call('meeting.changesSince', { number: latest }) as ChangesSince;
  const pageDataKb = kb(page());

  // The hashes of the register's parts as the newest freeze kept them: what the next freeze is
  // measured against. Hashes, not bodies, so the measured calls do not run beside a second copy.
  const newestFreeze = () => db.prepare('SELECT max(id) FROM meeting_freeze').pluck().get() as number;
  let previous = partHashes(snapshotParts(db.transaction(() => frozenSnapshot(reg, newestFreeze()).snapshot)()));
  /** The parts that differ from the previous freeze, and the bytes of their JSON. */
  const changedSincePrevious = () => {
    const parts = snapshotParts(db.transaction(() => readSnapshot(reg))());
    const hashes = partHashes(parts);
    let count = 0;
    let bytes = 0;
    for (const [key, hash] of hashes) {
      if (previous.get(key) === hash) continue;
      count++;
      bytes += Buffer.byteLength(parts.get(key)!);
    }
    for (const key of previous.keys()) if (!hashes.has(key)) count++;
    previous = hashes;
    return { count, bytes };
  };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const sizes = () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const used = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number);
    return { file: fs.statSync(reg.path).size, used: used * pageSize };
  };
  const rnd = random(11);
  const perFreeze = Math.round(dossiers * CHANGED_SHARE);
  const today = BENCH_NOW.slice(0, 10);

  /** 1% of the dossiers changed, then the call that freezes, timed and weighed. */
  const freeze = (number: string, state: 'agenda_vastgesteld' | 'afgerond'): FreezeSample => {
    changeDossiers(call, rnd, dossiers, perFreeze, number);
    const changed = changedSincePrevious();
    const before = sizes();
    const start = performance.now();
    call('meeting.setState', { number, state });
    const ms = performance.now() - start;
    const after = sizes();
    const id = newestFreeze();
    return {
      stage: state === 'afgerond' ? 'afgerond' : 'agenda',
      ms,
      fileBefore: before.file,
      fileAfter: after.file,
      usedBefore: before.used,
      usedAfter: after.used,
      changedParts: changed.count,
      changedBytes: changed.bytes,
      entries: db.prepare('SELECT count(*) FROM freeze_entry WHERE freeze_id = ?').pluck().get(id) as number,
      recordBytes: db.prepare('SELECT length(CAST(record AS BLOB)) FROM meeting_freeze WHERE id = ?').pluck().get(id) as number,
    };
  };

  // One cycle: the meeting waiting with its agenda vastgesteld is held (approving the besluitenlijst
  // of the one before) and afgerond; the next is planned for today and its agenda vastgesteld.
  let current = latest;
  let approve = meetings.at(-2)?.state === 'afgerond' ? meetings.at(-2)!.number : null;
  const cycle = (): FreezeSample[] => {
    const held = call('meeting.get', { number: current }) as Meeting;
    call('meeting.setState', { number: current, state: 'in_vergadering' });
    if (approve) call('meeting.setState', { number: approve, state: 'vastgesteld', approval: { by: current, kind: 'ongewijzigd' } });
    const item = held.items.find((i) => i.standing === null) ?? held.items[0]!;
    for (let k = 0; k < DECISIONS_PER_MEETING; k++) call('outcome.add', { item: item.id, kind: 'besluit', text: `Besluit ${k + 1} van ${current}.` });
    const afgerond = freeze(current, 'afgerond');
    approve = current;
    const { number } = call('meeting.create', { date: today, title: 'TB-overleg (benchmark)' }) as Meeting;
    call('agenda.add', { meeting: number, title: 'Voortgang van de dossiers', purpose: 'besluitvorming' });
    current = number;
    return [afgerond, freeze(number, 'agenda_vastgesteld')];
  };
  cycle();
  const samples = Array.from({ length: cycles }, cycle).flat();
  reg.close();

  const sum = (pick: (s: FreezeSample) => number) => samples.reduce((n, s) => n + pick(s), 0);
  const per = (pick: (s: FreezeSample) => number) => Math.round(sum(pick) / samples.length);
  return {
    dossiers,
    meetings: meetings.length,
    chain,
    latest,
    pageData,
    pageDataKb,
    changesSince,
    changesSinceKb: kb(changes),
    changeLines: changes.lines.length,
    freeze: summarize(samples.map((s) => s.ms)),
    freezeAgenda: summarize(samples.filter((s) => s.stage === 'agenda').map((s) => s.ms)),
    freezeAfgerond: summarize(samples.filter((s) => s.stage === 'afgerond').map((s) => s.ms)),
    growth: {
      freezes: samples.length,
      dossiersChanged: perFreeze,
      fileBytes: per((s) => s.fileAfter - s.fileBefore),
      usedBytes: per((s) => s.usedAfter - s.usedBefore),
      changedBytes: per((s) => s.changedBytes),
      recordBytes: per((s) => s.recordBytes),
      entries: Math.round((sum((s) => s.entries) / samples.length) * 10) / 10,
      ratio: ratio(sum((s) => s.fileAfter - s.fileBefore), sum((s) => s.changedBytes)),
    },
    samples,
  };
}
