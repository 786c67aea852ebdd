// The TB's meeting cycle as data (issue 11, DOMAIN.md "The meeting cycle"): a meeting, its agenda,
// what it decided, who was there, and the rules of its life. Pure: the register and the screens
// both read it.
import type { IsoDate } from './dates';
import type { PriorityState, Profile } from './domain';
import type { PhaseState } from './phase';
import type { RegisterSnapshot } from './report/snapshot';
import type { OpenOnDate } from './actiepunt-marks';

export const MEETING_KINDS = ['regulier', 'evaluatiemoment'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATES = ['concept', 'agenda_vastgesteld', 'in_vergadering', 'afgerond', 'vastgesteld', 'geannuleerd'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const AGENDA_PURPOSES = ['besluitvorming', 'bespreking', 'informatie'] as const;
export type AgendaPurpose = (typeof AGENDA_PURPOSES)[number];

export const AGENDA_STATES = ['open', 'behandeld', 'doorgeschoven'] as const;
export type AgendaState = (typeof AGENDA_STATES)[number];

export const OUTCOME_KINDS = ['besluit', 'actiepunt', 'notitie', 'prioriteit'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export const PRESENCES = ['aanwezig', 'afwezig_met_bericht', 'vervangen'] as const;
export type Presence = (typeof PRESENCES)[number];

export const APPROVALS = ['ongewijzigd', 'met_wijzigingen'] as const;
export type Approval = (typeof APPROVALS)[number];

export const REPLACE_KINDS = ['vervangt', 'trekt_in'] as const;
export type ReplaceKind = (typeof REPLACE_KINDS)[number];

/** The moments a meeting's register is kept: when its agenda is fixed, and when it is afgerond. */
export const FREEZE_STAGES = ['agenda', 'afgerond'] as const;
export type FreezeStage = (typeof FREEZE_STAGES)[number];

/** Standing items the register treats specially: the previous besluitenlijst, the actiepuntenlijst. */
export const STANDING_ITEMS = ['opening', 'besluitenlijst', 'actiepuntenlijst', 'rapportage', 'communicatie', 'ontvlechting', 'wallet', 'rondvraag'] as const;
export type StandingItem = (typeof STANDING_ITEMS)[number];

/** TB-2024-03: the number the TB cites a meeting by. */
export const MEETING_NUMBER = /^TB-(\d{4})-(\d{2,3})$/;
/** B-2024-07: a besluit's number, continuing through the year's meetings. */
export const DECISION_NUMBER = /^B-(\d{4})-(\d{2,3})$/;

export const meetingNumber = (year: number, seq: number): string => `TB-${year}-${String(seq).padStart(2, '0')}`;
export const decisionNumber = (year: number, seq: number): string => `B-${year}-${String(seq).padStart(2, '0')}`;

/**
 * The steps of the cycle. vastgesteld is reached only through the next meeting's approval of the
 * besluitenlijst; geannuleerd only before the meeting is held. Both are final.
 */
export const TRANSITIONS: Readonly<Record<MeetingState, readonly MeetingState[]>> = {
  concept: ['agenda_vastgesteld', 'geannuleerd'],
  agenda_vastgesteld: ['in_vergadering', 'geannuleerd'],
  in_vergadering: ['afgerond'],
  afgerond: ['vastgesteld'],
  vastgesteld: [],
  geannuleerd: [],
};

export const canMove = (from: MeetingState, to: MeetingState): boolean => TRANSITIONS[from].includes(to);

/** What a meeting in a state lets one change. */
export const EDITABLE = {
  /** The meeting's date, kind, title, location. */
  details: (s: MeetingState) => s === 'concept' || s === 'agenda_vastgesteld',
  /** Agenda items: added, changed, moved, removed (after vaststelling the agenda can still be amended at the table). */
  agenda: (s: MeetingState) => s === 'concept' || s === 'agenda_vastgesteld' || s === 'in_vergadering',
  /** Outcomes are recorded during the meeting and in the concept besluitenlijst after it. */
  outcomes: (s: MeetingState) => s === 'in_vergadering' || s === 'afgerond',
  attendance: (s: MeetingState) => s !== 'vastgesteld' && s !== 'geannuleerd',
} as const;

export interface AgendaLinks {
  dossiers: number[];
  actiepunten: number[];
  /** Ambition codes. */
  ambitions: string[];
}

export interface AgendaRef {
  meeting: string;
  item: number;
}

export interface Outcome {
  id: number;
  kind: OutcomeKind;
  text: string | null;
  dossier: number | null;
  actiepunt: number | null;
  /** A prioriteitswijziging: the mark and rank given at the meeting. */
  priority: PriorityState | null;
  /** B-2024-07, from the moment the meeting is afgerond. */
  decisionNumber: string | null;
  /** This besluit replaces or withdraws an earlier one. */
  replaces: { decision: string; kind: ReplaceKind } | null;
  /** A later besluit replaced or withdrew this one. */
  replacedBy: { decision: string; kind: ReplaceKind; meeting: string } | null;
  recordedBy: Profile | null;
  recordedAt: string;
}

export interface AgendaItem {
  id: number;
  number: number;
  position: number;
  title: string;
  purpose: AgendaPurpose;
  presenter: string | null;
  minutes: number | null;
  proposal: string | null;
  state: AgendaState;
  standing: string | null;
  links: AgendaLinks;
  carriedFrom: AgendaRef | null;
  carriedTo: AgendaRef | null;
  outcomes: Outcome[];
}

export interface Attendee {
  name: string;
  organisation: string;
  presence: Presence;
  substitute: string | null;
}

/** An open actiepunt as the meeting's actiepuntenlijst shows it (actiepunt-marks.ts works it out). */
export type ActiepuntOnAgenda = OpenOnDate;

export interface MeetingSummary {
  number: string;
  date: IsoDate;
  kind: MeetingKind;
  title: string | null;
  location: string | null;
  state: MeetingState;
  decisions: number;
}

export interface FreezeInfo {
  stage: FreezeStage;
  at: string;
  hash: string;
}

export interface Meeting extends MeetingSummary {
  items: AgendaItem[];
  attendance: Attendee[];
  /** How the besluitenlijst was approved, and in which meeting. */
  approval: { in: string; kind: Approval; note: string | null } | null;
  /** Besluitenlijsten this meeting approved. */
  approves: string[];
  /** The meeting before it (not cancelled), whose besluitenlijst it approves. */
  previous: string | null;
  freezes: FreezeInfo[];
  /** The open actiepunten on the meeting's date. */
  actiepuntenlijst: ActiepuntOnAgenda[];
}

/** A besluit as the besluitenlijst across meetings shows it. */
export interface Decision {
  number: string | null;
  text: string;
  meeting: string;
  date: IsoDate;
  meetingState: MeetingState;
  item: { number: number; title: string };
  dossiers: number[];
  replaces: Outcome['replaces'];
  replacedBy: Outcome['replacedBy'];
  recordedBy: Profile | null;
  recordedAt: string;
}

/** Where a dossier or actiepunt came up: the meeting and item, and what was recorded about it there. */
export interface Discussion {
  meeting: string;
  date: IsoDate;
  state: MeetingState;
  item: { number: number; title: string };
  outcomes: Outcome[];
}

/** One line of "wat is er veranderd sinds de vorige TB". */
export type ChangeLine =
  | { kind: 'dossier_new' | 'dossier_archived'; dossier: number; title: string; at: string | null; by: Profile | null }
  | { kind: 'phase'; dossier: number; title: string; before: PhaseState | null; after: PhaseState | null; at: string | null; by: Profile | null }
  | { kind: 'priority'; dossier: number; title: string; before: PriorityState; after: PriorityState; at: string | null; by: Profile | null }
  | { kind: 'text'; dossier: number; title: string; field: 'title' | 'description' | 'note' | 'planning'; before: string | null; after: string | null; at: string | null; by: Profile | null }
  | { kind: 'actiepunt_new' | 'actiepunt_done' | 'actiepunt_overdue'; actiepunt: number; text: string; at: string | null; by: Profile | null }
  | { kind: 'actiepunt_deadline' | 'actiepunt_owner'; actiepunt: number; text: string; before: string | null; after: string | null; at: string | null; by: Profile | null }
  | { kind: 'besluit'; decision: string | null; text: string; meeting: string; at: string | null; by: Profile | null };

export interface ChangesSince {
  meeting: string;
  /** The previous meeting measured from, or null when there is none (then: the register's start). */
  since: { meeting: string | null; at: string };
  /** The moment measured to: now, or the meeting's own afgerond state. */
  until: { frozen: boolean; at: string };
  lines: ChangeLine[];
}

/** A meeting as it was kept at a stage: its own record and the register then, read-only. */
export interface FrozenMeeting {
  meeting: string;
  stage: FreezeStage;
  at: string;
  /** sha256 over the frozen parts and the record: the same hash, the same documents. */
  hash: string;
  record: Meeting;
  snapshot: RegisterSnapshot;
}

/** The register's standing items, from which every new meeting's agenda starts. */
export interface AgendaTemplateItem {
  title: string;
  purpose: AgendaPurpose;
  presenter: string | null;
  minutes: number | null;
  standing: StandingItem | null;
  /** Only on an evaluatiemoment's agenda. */
  evaluationOnly: boolean;
  links: AgendaLinks;
}

export interface AgendaTemplate {
  items: AgendaTemplateItem[];
}

/** Where someone is in a meeting's Vergadermodus (kept beside their profile, not in the register). */
export interface MeetingPlace {
  meeting: string;
  item: number | null;
}
