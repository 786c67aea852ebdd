// The one contract between the renderer and the register: every call by name, with its
// input schema and result type. IPC, HTTP and the CLI all serve exactly this table.
import type { z } from 'zod';
import * as s from './schemas';
import type {
  Actiepunt,
  Ambition,
  Dossier,
  DossierSummary,
  HistoryEntry,
  Hoofddossier,
  Jaarplan,
  RegisterInfo,
  UndoState,
  BackupInfo,
  AuditEntry,
  ProfileState,
} from './domain';
import type { ExportJob } from './exports';
import type { ConflictView, ExchangePreview, ExchangeResult, ExchangeStatus, ProvisionalNumbers } from './exchange';
import type { PackVersion } from './pack';
import type { AgendaItem, AgendaTemplate, ChangesSince, Decision, Discussion, FrozenMeeting, Meeting, MeetingPlace, MeetingSummary, Outcome } from './meeting';
import type { PhaseState } from './phase';

interface CallSpec<I extends z.ZodType, R> {
  input: I;
  /** Phantom: carries the result type, never read at run time. */
  result?: R;
}
const call = <R>() => <I extends z.ZodType>(input: I): CallSpec<I, R> => ({ input });

export const contract = {
  'register.info': call<RegisterInfo>()(s.none),
  'register.undoState': call<UndoState>()(s.none),
  'register.undo': call<UndoState>()(s.none),
  'register.redo': call<UndoState>()(s.none),
  'jaarplan.get': call<Jaarplan>()(s.none),
  'jaarplan.updateTexts': call<Jaarplan>()(s.jaarplanUpdateTextsInput),
  'jaarplan.update': call<Jaarplan>()(s.jaarplanUpdateInput),
  'ambition.list': call<Ambition[]>()(s.none),
  'ambition.create': call<Ambition>()(s.ambitionCreateInput),
  'ambition.update': call<Ambition>()(s.ambitionUpdateInput),
  'hoofddossier.list': call<Hoofddossier[]>()(s.none),

  'dossier.list': call<DossierSummary[]>()(s.dossierListInput),
  'dossier.get': call<Dossier>()(s.byNumber),
  'dossier.create': call<Dossier>()(s.dossierCreateInput),
  'dossier.update': call<Dossier>()(s.dossierUpdateInput),
  'dossier.archive': call<Dossier>()(s.archiveInput),
  'dossier.setPhase': call<Dossier>()(s.setPhaseInput),
  'dossier.phaseOn': call<PhaseState | null>()(s.phaseOnInput),
  'dossier.phasesOn': call<Record<number, PhaseState | null>>()(s.phasesOnInput),
  'dossier.setPriority': call<Dossier>()(s.setPriorityInput),
  'dossier.reorderPriorities': call<DossierSummary[]>()(s.reorderPrioritiesInput),
  'dossier.history': call<HistoryEntry[]>()(s.byNumber),
  'dossier.audit': call<AuditEntry[]>()(s.byNumber),

  'actiepunt.list': call<Actiepunt[]>()(s.actiepuntListInput),
  'actiepunt.get': call<Actiepunt>()(s.byNumber),
  'actiepunt.create': call<Actiepunt>()(s.actiepuntCreateInput),
  'actiepunt.update': call<Actiepunt>()(s.actiepuntUpdateInput),
  'actiepunt.archive': call<Actiepunt>()(s.archiveInput),
  'actiepunt.setStatus': call<Actiepunt>()(s.setStatusInput),
  'actiepunt.linkDossier': call<Actiepunt>()(s.linkDossierInput),
  'actiepunt.history': call<HistoryEntry[]>()(s.byNumber),
  'actiepunt.audit': call<AuditEntry[]>()(s.byNumber),

  'meeting.list': call<MeetingSummary[]>()(s.meetingListInput),
  'meeting.get': call<Meeting>()(s.meetingGetInput),
  /** A new meeting, its agenda from the template, with the items earlier meetings doorgeschoven. */
  'meeting.create': call<Meeting>()(s.meetingCreateInput),
  'meeting.update': call<Meeting>()(s.meetingUpdateInput),
  /** A step in the meeting's life; agenda_vastgesteld and afgerond keep the register with it. */
  'meeting.setState': call<Meeting>()(s.meetingSetStateInput),
  /** The meeting and the register as they were kept at a stage, read-only. */
  'meeting.asOf': call<FrozenMeeting>()(s.meetingAsOfInput),
  'meeting.changesSince': call<ChangesSince>()(s.meetingRefInput),
  /** The versions of its vergaderstukken and besluitenlijst already made, oldest first. */
  'meeting.packs': call<PackVersion[]>()(s.meetingRefInput),
  /** Where a dossier or actiepunt was discussed: "Besproken in". */
  'meeting.discussions': call<Discussion[]>()(s.discussionsInput),
  'agenda.add': call<AgendaItem>()(s.agendaAddInput),
  'agenda.update': call<AgendaItem>()(s.agendaUpdateInput),
  'agenda.move': call<AgendaItem[]>()(s.agendaMoveInput),
  'agenda.remove': call<AgendaItem[]>()(s.byId),
  'outcome.add': call<Outcome>()(s.outcomeAddInput),
  'outcome.update': call<Outcome>()(s.outcomeUpdateInput),
  'outcome.remove': call<{ removed: number }>()(s.byId),
  /** Prioriteiten vaststellen: the whole ranking at once, recorded as one besluit with what changed (one undo step). */
  'meeting.decidePriorities': call<Outcome>()(s.decidePrioritiesInput),
  'decision.list': call<Decision[]>()(s.decisionListInput),
  'attendance.set': call<Meeting>()(s.attendanceSetInput),
  'agendaTemplate.get': call<AgendaTemplate>()(s.none),
  'agendaTemplate.update': call<AgendaTemplate>()(s.agendaTemplateUpdateInput),

  /** Who works on this computer (kept beside the user's data, not in the register). */
  'profile.get': call<ProfileState>()(s.none),
  'profile.set': call<ProfileState>()(s.profileSetInput),
  /** Where this person was in a meeting's Vergadermodus: the app reopens there after a crash or a restart. */
  'place.get': call<MeetingPlace | null>()(s.none),
  'place.set': call<MeetingPlace | null>()(s.placeSetInput),

  'backup.list': call<BackupInfo[]>()(s.none),
  'backup.create': call<BackupInfo>()(s.none),
  /** Restores a backup by name ('newest-good': the newest that passes integrity_check), after backing up the current state. */
  'backup.restore': call<BackupInfo[]>()(s.backupRestoreInput),

  'export.start': call<ExportJob>()(s.exportStartInput),
  'export.status': call<ExportJob>()(s.exportStatusInput),
  /** Makes the meeting's pack (vergaderstukken, or after the meeting its besluitenlijst): a job, followed by export.status. */
  'meeting.pack': call<ExportJob>()(s.meetingPackInput),
  'export.defaults': call<{ outDir: string }>()(s.none),
  /** Opens a file a finished export wrote, in the program the computer uses for it. */
  'export.open': call<{ opened: string }>()(s.exportOpenInput),

  /** The exchange between laptops (issue 17): this device, its peers, the last file received. */
  'exchange.status': call<ExchangeStatus>()(s.none),
  /** Writes the changes a device has not had to a .tbsync file in outDir, whole or not at all. */
  'exchange.send': call<{ file: string; changes: number; bytes: number }>()(s.exchangeSendInput),
  /** What receiving a file would do, said before it is done; changes nothing. */
  'exchange.preview': call<ExchangePreview>()(s.exchangeFileInput),
  /** Applies a file in one transaction, after a backup; pairs with its sender when pairCode matches. */
  'exchange.receive': call<ExchangeResult>()(s.exchangeFileInput),
  /** The Te beoordelen list: conflicts open or put off, newest first. */
  'exchange.conflicts': call<ConflictView[]>()(s.none),
  'exchange.decide': call<ConflictView>()(s.exchangeDecideInput),
  /** Mijn register vervangen door dat van …: the file's whole register takes this one's place, after a backup. */
  'exchange.replace': call<ExchangeStatus>()(s.exchangeFileInput),
  /** Uitwisseling ongedaan maken: the register as it was before the last file, while nothing was done or sent since. */
  'exchange.undo': call<ExchangeStatus>()(s.none),
  /** The dossier and actiepunt numbers that are provisional here ("nieuw, voorzitter"), with the role of who gave them. */
  'exchange.provisional': call<ProvisionalNumbers>()(s.none),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller may send (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
/** What a handler receives: validated, defaults filled in. */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallResult<N extends CallName> = Exclude<Contract[N]['result'], undefined>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
