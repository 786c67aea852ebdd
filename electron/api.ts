// The handler table: one entry per contract name, every input validated by its schema,
// every call one transaction, every outcome an envelope. IPC, HTTP and the CLI all call invoke().
import type { z } from 'zod';
import { contract, isCallName, CALL_NAMES, type CallName, type CallResult, type ParsedInput } from '../shared/contract';
import { RegisterError, type CallError, type Envelope, type Touched } from '../shared/errors';
import type { Register } from './register/db';
import {
  createAmbition,
  currentJaarplan,
  listAmbitions,
  listHoofddossiers,
  requireJaarplan,
  updateAmbition,
  updateAnnexTexts,
  updateJaarplan,
} from './register/jaarplan';
import { archiveDossier, createDossier, getDossier, listDossiers, updateDossier } from './register/dossiers';
import { phaseOn, phasesOn, setPhase } from './register/dossier-phases';
import { reorderPriorities, setPriority } from './register/dossier-priorities';
import {
  archiveActiepunt,
  createActiepunt,
  getActiepunt,
  linkDossier,
  listActiepunten,
  setStatus,
  updateActiepunt,
} from './register/actiepunten';
import { actiepuntHistory, dossierHistory } from './register/history';
import { createMeeting, getMeeting, listMeetings, setAttendance, setMeetingState, updateMeeting } from './register/meetings';
import { meetingRow } from './register/meeting-rows';
import { addAgendaItem, getAgendaTemplate, moveAgendaItem, removeAgendaItem, updateAgendaItem, updateAgendaTemplate } from './register/agenda';
import { addOutcome, decidePriorities, listDecisions, listDiscussions, removeOutcome, updateOutcome } from './register/outcomes';
import { frozenMeeting } from './register/freeze';
import { changesSince } from './register/changes-since';
import { ExportJobs } from './export/export-jobs';
import { packVersions } from './export/pack';
import { systemFileOpener, type FileOpener } from './export/open-file';
import { defaultExportDir } from './paths';
import { finishStep, redo, undo, undoState } from './register/undo';
import { today } from './register/clock';
import { RegisterHost } from './register-host';
import { actiepuntAudit, dossierAudit, stampChange, touchedByNewestChange } from './register/audit';
import { memoryProfileStore, type ProfileStore } from './profile-store';
import { captureChange } from './exchange/capture';
import { exchangeHandlers } from './exchange/handlers';

/** What a handler may reach besides the register: the host that holds it (backups, restore), the user's profile. */
export interface CallContext {
  host: RegisterHost;
  profile: ProfileStore;
}
export type Handler<N extends CallName> = (reg: Register, input: ParsedInput<N>, context: CallContext) => CallResult<N> | Promise<CallResult<N>>;
export type HandlerGroup = { [N in CallName]?: Handler<N> };
export type HandlerTable = { [N in CallName]: Handler<N> };

const registerHandlers: HandlerGroup = {
  'register.info': (reg, _input, { host }) => ({
    path: reg.path,
    today: today(reg.clock),
    damaged: host.damaged,
    schemaVersion: reg.schemaVersion,
    readOnly: reg.readOnly,
    jaarplan: currentJaarplan(reg),
    counts: {
      dossiers: reg.db.prepare('SELECT count(*) FROM dossier').pluck().get() as number,
      actiepunten: reg.db.prepare('SELECT count(*) FROM actiepunt').pluck().get() as number,
      meetings: reg.db.prepare('SELECT count(*) FROM meeting').pluck().get() as number,
    },
  }),
  'register.undoState': (reg) => undoState(reg),
  'register.undo': (reg) => undo(reg),
  'register.redo': (reg) => redo(reg),
  'jaarplan.get': (reg) => requireJaarplan(reg),
  'jaarplan.updateTexts': updateAnnexTexts,
  'jaarplan.update': updateJaarplan,
  'ambition.list': (reg) => listAmbitions(reg),
  'ambition.create': createAmbition,
  'ambition.update': updateAmbition,
  'hoofddossier.list': (reg) => listHoofddossiers(reg),
};

const dossierHandlers: HandlerGroup = {
  'dossier.list': listDossiers,
  'dossier.get': (reg, input) => getDossier(reg, input.number),
  'dossier.create': createDossier,
  'dossier.update': updateDossier,
  'dossier.archive': archiveDossier,
  'dossier.setPhase': setPhase,
  'dossier.phaseOn': (reg, input) => phaseOn(reg, input.number, input.date),
  'dossier.phasesOn': (reg, input) => phasesOn(reg, input.date),
  'dossier.setPriority': setPriority,
  'dossier.reorderPriorities': reorderPriorities,
  'dossier.history': (reg, input) => dossierHistory(reg, input.number),
  'dossier.audit': (reg, input) => dossierAudit(reg, input.number),
};

const actiepuntHandlers: HandlerGroup = {
  'actiepunt.list': listActiepunten,
  'actiepunt.get': (reg, input) => getActiepunt(reg, input.number),
  'actiepunt.create': createActiepunt,
  'actiepunt.update': updateActiepunt,
  'actiepunt.archive': archiveActiepunt,
  'actiepunt.setStatus': setStatus,
  'actiepunt.linkDossier': linkDossier,
  'actiepunt.history': (reg, input) => actiepuntHistory(reg, input.number),
  'actiepunt.audit': (reg, input) => actiepuntAudit(reg, input.number),
};

const author = (context: CallContext) => context.profile.state().profile;

const meetingHandlers: HandlerGroup = {
  'meeting.list': listMeetings,
  'meeting.get': (reg, input) => getMeeting(reg, input.number, { withList: input.actiepuntenlijst }),
  'meeting.create': createMeeting,
  'meeting.update': updateMeeting,
  'meeting.setState': (reg, input, context) => setMeetingState(reg, input, author(context)),
  'meeting.asOf': (reg, input) => frozenMeeting(reg, meetingRow(reg, input.number).id, input.number, input.stage),
  'meeting.changesSince': (reg, input) => changesSince(reg, input.number),
  'meeting.packs': (reg, input) => packVersions(reg, input.number),
  'meeting.discussions': listDiscussions,
  'agenda.add': addAgendaItem,
  'agenda.update': updateAgendaItem,
  'agenda.move': moveAgendaItem,
  'agenda.remove': removeAgendaItem,
  'outcome.add': (reg, input, context) => addOutcome(reg, input, author(context)),
  'outcome.update': updateOutcome,
  'outcome.remove': removeOutcome,
  'meeting.decidePriorities': (reg, input, context) => decidePriorities(reg, input, author(context)),
  'decision.list': listDecisions,
  'attendance.set': setAttendance,
  'agendaTemplate.get': (reg) => getAgendaTemplate(reg),
  'agendaTemplate.update': updateAgendaTemplate,
};

const exportHandlers = (jobs: ExportJobs, open: FileOpener): HandlerGroup => ({
  'export.start': (reg, input) => jobs.start(reg, input),
  'meeting.pack': (reg, input, context) => jobs.startPack(reg, input, author(context)),
  'export.status': (_reg, input) => jobs.status(input.id),
  'export.defaults': () => ({ outDir: defaultExportDir() }),
  'export.open': (_reg, input) => {
    const file = jobs.writtenFile(input.id, input.file);
    open(file);
    return { opened: file };
  },
});

const profileHandlers: HandlerGroup = {
  'profile.get': (_reg, _input, { profile }) => profile.state(),
  'profile.set': (_reg, input, { profile }) => profile.set(input),
  'place.get': (_reg, _input, { profile }) => profile.place(),
  'place.set': (_reg, input, { profile }) => profile.setPlace(input.place),
};

const backupHandlers: HandlerGroup = {
  'backup.list': (_reg, _input, { host }) => host.listBackups(),
  'backup.create': (_reg, _input, { host }) => host.backup(),
  'backup.restore': async (_reg, input, { host }) => {
    await host.restore(input.name);
    return host.listBackups();
  },
};

/** Calls that wait for I/O run outside a transaction: the backup API gives its own consistent copy. */
const OUTSIDE_TRANSACTION: ReadonlySet<CallName> = new Set(['backup.create', 'backup.restore', 'backup.list', 'exchange.receive', 'exchange.undo', 'exchange.replace']);
/** Calls outside a transaction that change the register (each in transactions of its own): the shells are told. */
const CHANGING_OUTSIDE: ReadonlySet<CallName> = new Set(['backup.restore', 'exchange.receive', 'exchange.undo', 'exchange.replace']);
/** Calls that work beside the register (its backups), so they still answer when it cannot be opened. */
const BESIDE_THE_REGISTER: ReadonlySet<CallName> = new Set(['backup.restore', 'backup.list']);
/** Calls about the person at the computer, not the register: no transaction, no undo step. */
const WITHOUT_THE_REGISTER: ReadonlySet<CallName> = new Set(['profile.get', 'profile.set', 'place.get', 'place.set']);

/** Every handler group; export jobs live as long as the api that started them. */
export function handlerGroups(jobs: ExportJobs = new ExportJobs(), open: FileOpener = systemFileOpener()): HandlerGroup[] {
  return [registerHandlers, dossierHandlers, actiepuntHandlers, meetingHandlers, exportHandlers(jobs, open), profileHandlers, backupHandlers, exchangeHandlers];
}

/** Merges handler groups; a name served twice, a contract name left unserved or a name outside the contract stops start-up. */
export function buildHandlerTable(groups: readonly HandlerGroup[]): HandlerTable {
  const table: Partial<Record<string, unknown>> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (!isCallName(name)) throw new Error(`Handler '${name}' is not in the contract.`);
      if (name in table) throw new Error(`Duplicate handler for '${name}'.`);
      table[name] = handler;
    }
  }
  const missing = CALL_NAMES.filter((name) => !(name in table));
  if (missing.length) throw new Error(`No handler for: ${missing.join(', ')}.`);
  return table as HandlerTable;
}

export interface Api {
  /** Every call, as the shells' bridges make them: calls that wait for I/O (backups) take time. */
  invokeAsync(name: unknown, input: unknown): Promise<Envelope<unknown>>;
  /** A call that answers at once (all but the backup calls, which are refused here). */
  invoke(name: unknown, input: unknown): Envelope<unknown>;
  /**
   * Tells `listener` after every call that changed the register (committed), with the call's name:
   * how the shells let their other windows know (the presentation view). Returns the unsubscribe.
   */
  onChange(listener: (call: string, touched: Touched | null) => void): () => void;
}

/**
 * The api over a register. `profile` is who works on this computer: the shells pass the one in
 * the user's data folder (fileProfileStore); tests and scripts may leave it in memory.
 */
export function createApi(source: Register | RegisterHost, groups: readonly HandlerGroup[] = handlerGroups(), profile: ProfileStore = memoryProfileStore()): Api {
  const table = buildHandlerTable(groups);
  const host = source instanceof RegisterHost ? source : RegisterHost.adopt(source);
  const listeners = new Set<(call: string, touched: Touched | null) => void>();
  const changed = (call: string, touched: Touched | null = null) => {
    for (const listener of listeners) {
      try {
        listener(call, touched);
      } catch (error) {
        console.error('[api] a change listener failed', error);
      }
    }
  };
  function run(name: unknown, input: unknown, allowAsync: boolean): Envelope<unknown> | Promise<Envelope<unknown>> {
    if (!isCallName(name)) return fail({ code: 'unknown_call', message: `There is no call named ${describeName(name)}.` });
    const parsed = contract[name].input.safeParse(input);
    if (!parsed.success) return fail(describeInvalid(parsed.error));
    const handler = table[name] as (reg: Register, input: unknown, context: CallContext) => unknown;
    const context: CallContext = { host, profile };
    if (WITHOUT_THE_REGISTER.has(name)) {
      try {
        return { ok: true, value: handler(host.held, parsed.data, context) };
      } catch (error) {
        return fail(toCallError(error));
      }
    }
    if (OUTSIDE_TRANSACTION.has(name)) {
      if (!allowAsync) return fail({ code: 'internal', message: `'${name}' waits for the disk; use invokeAsync.` });
      return Promise.resolve()
        .then(() => handler(BESIDE_THE_REGISTER.has(name) ? host.held : host.reg, parsed.data, context))
        .then(
          (value): Envelope<unknown> => {
            if (CHANGING_OUTSIDE.has(name)) changed(name);
            return { ok: true, value };
          },
          (error: unknown) => fail(toCallError(error)),
        );
    }
    try {
      // Reaching the register may open or check it; what goes wrong there is an answer too.
      const reg = host.reg;
      // One call, one transaction: a call that throws leaves the register as it was. What a call
      // changed becomes one undo step, in the same transaction.
      let touched: Touched | undefined;
      const value = reg.db.transaction(() => {
        const result = handler(reg, parsed.data, context);
        if (!reg.readOnly) {
          const item = itemOf(parsed.data) ?? itemOf(result);
          finishStep(reg, name, item);
          const change = stampChange(reg, name, item, profile.state().profile);
          if (change !== null) {
            touched = touchedByNewestChange(reg);
            // The change, as it travels to the other laptops (issue 17), in the same transaction.
            captureChange(reg, change, profile.device().id());
          }
        }
        return result;
      })();
      // Told only once committed: a listener never hears of a change that was rolled back.
      if (touched) {
        changed(name, touched);
        return { ok: true, value, touched };
      }
      return { ok: true, value };
    } catch (error) {
      return fail(toCallError(error));
    }
  }
  /** Whatever happens, an envelope: an input that breaks even the checks is an internal error, not a thrown one. */
  function guarded(name: unknown, input: unknown, allowAsync: boolean): Envelope<unknown> | Promise<Envelope<unknown>> {
    try {
      return run(name, input, allowAsync);
    } catch (error) {
      return fail(toCallError(error));
    }
  }
  return {
    invokeAsync: async (name, input) => guarded(name, input, true),
    invoke: (name, input) => guarded(name, input, false) as Envelope<unknown>,
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** A call's name as a message may show it: never by calling the value's own toString(). */
function describeName(name: unknown): string {
  return typeof name === 'string' ? `'${name.slice(0, 80)}'` : `of type ${name === null ? 'null' : Array.isArray(name) ? 'array' : typeof name}`;
}

const fail = (error: CallError): Envelope<never> => ({ ok: false, error });

/** The dossier or actiepunt a call is about, for the undo step's name. */
const itemOf = (input: unknown): number | null => {
  const number = (input as { number?: unknown } | undefined)?.number;
  return typeof number === 'number' ? number : null;
};

function describeInvalid(error: z.ZodError): CallError {
  const issue = error.issues[0]!;
  let path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys.length) path = [...path, issue.keys[0]!];
  const field = path.join('.');
  const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
  return field ? { code: 'invalid_input', field, message: `${field}: ${message}` } : { code: 'invalid_input', message: `input: ${message}` };
}

function toCallError(error: unknown): CallError {
  if (error instanceof RegisterError) return error.toCallError();
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : 'an unknown error';
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return { code: 'read_only', message: 'The register is open read-only; nothing was changed.' };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (typeof code === 'string' && code.startsWith('SQLITE_IOERR') && /full|space/i.test(message))) {
    return { code: 'disk_full', message: 'The disk is full; nothing was changed. Make room and try again.' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') {
    return { code: 'conflict', message: 'The register is in use by another program; nothing was changed.' };
  }
  console.error('[api] unexpected error', error);
  return { code: 'internal', message: `Unexpected error: ${message}` };
}
