// Input schemas: every value that enters the register passes one of these first.
import { z } from 'zod';
import { isIsoDate } from './dates';
import { PHASES } from './phase';
import { ACTIEPUNT_STATUSES, PROFILE_ROLES } from './domain';
import { EXPORT_DOCUMENTS, EXPORT_FORMATS } from './exports';
import { AGENDA_PURPOSES, AGENDA_STATES, APPROVALS, DECISION_NUMBER, FREEZE_STAGES, MEETING_KINDS, MEETING_NUMBER, MEETING_STATES, PRESENCES, REPLACE_KINDS, STANDING_ITEMS } from './meeting';

/**
 * Every schema error in the register's own words (issue 14: "Too small: expected number to be >=1"
 * and "Invalid input: expected int, received number" reached the user). Checks that name their own
 * message keep it; these cover the rest, and renderer/error-text.ts says each of them in Dutch.
 */
z.config({
  customError: (issue) => {
    const count = (n: unknown, one: string, more: string) => `${n} ${Number(n) === 1 ? one : more}`;
    switch (issue.code) {
      case 'invalid_type': {
        const expected: Record<string, string> = {
          int: 'must be a whole number',
          number: 'must be a number',
          string: 'must be text',
          boolean: 'must be true or false',
          array: 'must be a list',
          object: 'must be a set of fields',
        };
        return issue.input === undefined ? 'is required' : (expected[issue.expected] ?? `must be ${issue.expected}`);
      }
      case 'too_small':
        if (issue.origin === 'number') return issue.inclusive ? `must be ${issue.minimum} or more` : `must be more than ${issue.minimum}`;
        if (issue.origin === 'string') return Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
        return `must hold at least ${count(issue.minimum, 'item', 'items')}`;
      case 'too_big':
        if (issue.origin === 'number') return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
        if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
        return `must hold at most ${count(issue.maximum, 'item', 'items')}`;
      case 'invalid_value':
        return `must be one of: ${issue.values.map(String).join(', ')}`;
      case 'unrecognized_keys':
        return 'is not a known field';
      default:
        return undefined;
    }
  },
});

export const LIMITS = {
  title: 300,
  line: 200,
  text: 20_000,
  url: 2_000,
  subPoints: 50,
  number: 99_999,
} as const;

/**
 * The one rule for text at the door, for every text field of every call: a text may hold any
 * character a person can type or paste, tab and newline included, and none of these, which XML
 * 1.0 (and so Word and Excel) refuses or which carry no meaning as text:
 * - C0 control characters other than tab and newline (a carriage return is folded into a newline
 *   first in multi-line texts), DEL, and the C1 controls U+0080-U+009F;
 * - lone surrogates (half of a UTF-16 pair: SQLite would store them as invalid UTF-8);
 * - the Unicode non-characters U+FDD0-U+FDEF and U+xFFFE/U+xFFFF of every plane.
 * They are refused, never removed: what is stored is what was typed.
 */
const NONCHARACTERS = Array.from({ length: 17 }, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('');
const NOT_TEXT = new RegExp(
  `[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\uFDD0-\\uFDEF${NONCHARACTERS}]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'u',
);
/** In one-line texts tab, newline and the Unicode line and paragraph separators are refused too. */
const NOT_IN_LINE = /[\t\n\u2028\u2029]/;
/** Something a reader can see: not only spaces, zero-width and other format characters. */
const VISIBLE = /[^\s\p{Cf}\p{Zs}\u2800\u3164\u115F\u1160]/u;

/** The first character the text rule refuses, described for the user (U+FFFE at position 12), or null. */
export function forbiddenCharacter(s: string, oneLine = false): string | null {
  const found = NOT_TEXT.exec(s) ?? (oneLine ? NOT_IN_LINE.exec(s) : null);
  if (!found) return null;
  const code = found[0].codePointAt(0)!;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${[...s.slice(0, found.index)].length + 1}`;
}

const textRule = (oneLine: boolean) => (s: string, ctx: z.core.$RefinementCtx<string>) => {
  const found = forbiddenCharacter(s, oneLine);
  if (found) ctx.addIssue({ code: 'custom', message: `must not contain control characters${oneLine ? ', line breaks' : ''} or characters that are not text (${found})`, input: s });
};

/**
 * Text is stored composed (NFC): an "é" pasted as e + accent (as macOS writes it) is one character,
 * as typed on Windows, so lengths, searches and comparisons agree.
 */
const composed = (s: string) => s.normalize('NFC');

/** A one-line text: composed, trimmed, something visible, no control characters or line breaks. */
export const line = (max: number = LIMITS.line) =>
  z
    .string({ error: 'must be text' })
    .superRefine(textRule(true))
    .overwrite(composed)
    .trim()
    .refine((s) => VISIBLE.test(s), { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

/** A multi-line text: composed, line endings (and the Unicode line separators) as \n, may be empty. */
export const text = (max: number = LIMITS.text) =>
  z
    .string({ error: 'must be text' })
    .overwrite((s) => composed(s.replace(/\r\n?|\u2028|\u2029/g, '\n')))
    .superRefine(textRule(false))
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

/** A multi-line text that must say something. */
export const requiredText = (max: number = LIMITS.text) => text(max).refine((s) => VISIBLE.test(s), { error: 'must not be empty' });

/** Optional text fields: null clears, an empty string clears too. */
export const optionalText = (max: number = LIMITS.text) =>
  text(max)
    .nullable()
    .transform((s) => (s ? s : null));

export const isoDate = z
  .string({ error: 'must be a date (YYYY-MM-DD)' })
  .refine(isIsoDate, { error: 'must be a real date written as YYYY-MM-DD' });

export const itemNumber = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(1, { error: 'must be 1 or more' })
  .max(LIMITS.number, { error: `must be at most ${LIMITS.number}` });

export const httpsUrl = z
  .string({ error: 'must be a link' })
  .superRefine(textRule(true))
  .trim()
  .max(LIMITS.url, { error: `must be at most ${LIMITS.url} characters` })
  // A space is named as such: "https://wiki eherkenning" was told it must begin with https:// (issue 14).
  .refine((s) => !/\s/.test(s), { error: 'must not contain spaces' })
  .refine(
    (s) => {
      try {
        const url = new URL(s);
        return url.protocol === 'https:' && url.hostname !== '';
      } catch {
        return false;
      }
    },
    { error: 'must be an https:// link' },
  );

export const phase = z.enum(PHASES, { error: `must be one of: ${PHASES.join(', ')}` });
export const status = z.enum(ACTIEPUNT_STATUSES, { error: `must be one of: ${ACTIEPUNT_STATUSES.join(', ')}` });

export const phaseState = z
  .strictObject({
    phase: phase.nullable(),
    qualifier: line(60).nullable().default(null),
    parked: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .refine((s) => s.phase !== null || s.parked, { error: 'a phase is required unless the dossier is parked', path: ['phase'] })
  .refine((s) => !(s.phase === 'afgerond' && s.parked), { error: 'a finished dossier cannot be parked', path: ['parked'] });

export const ambitionCodes = z.array(line(60), { error: 'must be a list of ambition codes' }).max(20);

export const deadline = z
  .discriminatedUnion(
    'kind',
    [z.strictObject({ kind: z.literal('date'), date: isoDate }), z.strictObject({ kind: z.literal('text'), text: line(100) })],
    { error: "must be {kind:'date', date} or {kind:'text', text}" },
  )
  .nullable();

export const owners = z.array(line(100), { error: 'must be a list of owners' }).max(10, { error: 'at most 10 owners' });
export const subPoints = z
  .array(requiredText(2_000), { error: 'must be a list of texts' })
  .max(LIMITS.subPoints, { error: `at most ${LIMITS.subPoints} sub-points` });

// ---- Call inputs ----

/** A patch must set at least one field; a key given as undefined sets nothing. */
const changesSomething = (patch: Record<string, unknown>): boolean => Object.values(patch).some((value) => value !== undefined);

export const none = z.strictObject({}).optional().default({});

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const annexTexts = z.strictObject({
  bijlage1Intro: text(),
  bijlage1OrderNote: text(),
  bijlage1Footnote: text(),
  bijlage2Intro: text(),
});

export const jaarplanUpdateTextsInput = z.strictObject({
  texts: annexTexts.partial().refine(changesSomething, { error: 'must change at least one text' }),
});

export const jaarplanUpdateInput = z.strictObject({
  patch: z
    .strictObject({
      year: z.number({ error: 'must be a year' }).int({ error: 'must be a year' }).min(1900).max(2999).optional(),
      title: line(LIMITS.title).optional(),
      board: line(LIMITS.title).optional(),
      referenceDate: isoDate.optional(),
      dossierSpaceUrl: httpsUrl.nullable().optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

const ambitionCode = line(60).refine((c) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c), {
  error: 'must be lower-case letters and digits joined by hyphens',
});

export const ambitionCreateInput = z.strictObject({
  code: ambitionCode.optional(),
  name: line(100),
  description: text(2_000).default(''),
  focus: z.boolean().default(false),
});

export const ambitionUpdateInput = z.strictObject({
  code: ambitionCode,
  patch: z
    .strictObject({ name: line(100).optional(), description: text(2_000).optional(), focus: z.boolean().optional() })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

export const byNumber = z.strictObject({ number: itemNumber });

export const dossierListInput = z
  .strictObject({
    includeArchived: z.boolean().default(false),
    search: z.string({ error: 'must be text' }).superRefine(textRule(true)).max(LIMITS.line).default(''),
    phase: phase.optional(),
    parked: z.boolean().optional(),
    priority: z.boolean().optional(),
    ambition: line(60).optional(),
    hoofddossierId: z.number().int().optional(),
    /** Only these dossiers: what a change touched, read again. */
    numbers: z.array(itemNumber).max(5_000).optional(),
  })
  .optional()
  .default({ includeArchived: false, search: '' });

const dossierFields = {
  title: line(LIMITS.title),
  description: text(),
  hoofddossierId: z.number().int().positive().nullable(),
  note: optionalText(),
  planning: optionalText(),
  link: httpsUrl.nullable(),
  ambitions: ambitionCodes,
  owner: line(100).nullable(),
};

export const dossierCreateInput = z.strictObject({
  number: itemNumber.optional(),
  title: dossierFields.title,
  description: dossierFields.description.default(''),
  phase: phaseState,
  phaseDate: isoDate.optional(),
  hoofddossierId: dossierFields.hoofddossierId.default(null),
  note: dossierFields.note.default(null),
  planning: dossierFields.planning.default(null),
  link: dossierFields.link.default(null),
  ambitions: dossierFields.ambitions.default([]),
  owner: dossierFields.owner.default(null),
  priority: z.boolean().default(false),
});

export const dossierUpdateInput = z.strictObject({
  number: itemNumber,
  patch: z
    .strictObject({
      title: dossierFields.title.optional(),
      description: dossierFields.description.optional(),
      hoofddossierId: dossierFields.hoofddossierId.optional(),
      note: dossierFields.note.optional(),
      planning: dossierFields.planning.optional(),
      link: dossierFields.link.optional(),
      ambitions: dossierFields.ambitions.optional(),
      owner: dossierFields.owner.optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

export const archiveInput = z.strictObject({ number: itemNumber, archived: z.boolean().default(true) });

export const setPhaseInput = z.strictObject({
  number: itemNumber,
  state: phaseState,
  date: isoDate.optional(),
  note: optionalText(2_000).default(null),
});

export const phaseOnInput = z.strictObject({ number: itemNumber, date: isoDate });
export const phasesOnInput = z.strictObject({ date: isoDate });

export const setPriorityInput = z.strictObject({
  number: itemNumber,
  priority: z.boolean({ error: 'must be true or false' }),
  rank: z.number().int().min(1).max(LIMITS.number).nullable().optional(),
  date: isoDate.optional(),
  note: optionalText(2_000).default(null),
});

export const reorderPrioritiesInput = z.strictObject({
  numbers: z.array(itemNumber, { error: 'must be a list of dossier numbers' }).max(LIMITS.number),
  date: isoDate.optional(),
});

const actiepuntFields = {
  text: requiredText(LIMITS.text),
  subPoints,
  owners,
  deadline,
  remarks: optionalText(2_000),
  dossier: itemNumber.nullable(),
};

export const actiepuntListInput = z
  .strictObject({
    includeArchived: z.boolean().default(false),
    status: status.optional(),
    owner: line(100).optional(),
    /** Only these actiepunten: what a change touched, read again. */
    numbers: z.array(itemNumber).max(5_000).optional(),
  })
  .optional()
  .default({ includeArchived: false });

export const actiepuntCreateInput = z.strictObject({
  number: itemNumber.optional(),
  text: actiepuntFields.text,
  subPoints: actiepuntFields.subPoints.default([]),
  owners: actiepuntFields.owners.default([]),
  deadline: actiepuntFields.deadline.default(null),
  remarks: actiepuntFields.remarks.default(null),
  status: status.default('open'),
  statusDate: isoDate.optional(),
  dossier: actiepuntFields.dossier.default(null),
});

export const actiepuntUpdateInput = z.strictObject({
  number: itemNumber,
  patch: z
    .strictObject({
      text: actiepuntFields.text.optional(),
      subPoints: actiepuntFields.subPoints.optional(),
      owners: actiepuntFields.owners.optional(),
      deadline: actiepuntFields.deadline.optional(),
      remarks: actiepuntFields.remarks.optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

export const setStatusInput = z.strictObject({
  number: itemNumber,
  status,
  date: isoDate.optional(),
  note: optionalText(2_000).default(null),
});

export const linkDossierInput = z.strictObject({ number: itemNumber, dossier: itemNumber.nullable() });

export const profileSetInput = z.strictObject({
  name: line(100),
  role: z.enum(PROFILE_ROLES, { error: `must be one of: ${PROFILE_ROLES.join(', ')}` }),
});

// ---- The meeting cycle ----

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });

export const meetingRef = z.string({ error: 'must be a meeting number (TB-2024-01)' }).regex(MEETING_NUMBER, { error: 'must be a meeting number (TB-2024-01)' });
export const decisionRef = z.string({ error: 'must be a besluit number (B-2024-01)' }).regex(DECISION_NUMBER, { error: 'must be a besluit number (B-2024-01)' });
/** Agenda items, outcomes: by the id the register gave them (their numbers may still change). */
export const rowId = z.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }).max(2 ** 31, { error: 'is not a known id' });
const minutes = z.number({ error: 'must be a number of minutes' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }).max(600, { error: 'must be at most 600' });

const meetingFields = {
  date: isoDate,
  kind: oneOf(MEETING_KINDS),
  title: line(LIMITS.title).nullable(),
  location: line(LIMITS.line).nullable(),
};

export const meetingCreateInput = z.strictObject({
  date: meetingFields.date,
  kind: meetingFields.kind.default('regulier'),
  title: meetingFields.title.default(null),
  location: meetingFields.location.default(null),
});

export const meetingUpdateInput = z.strictObject({
  number: meetingRef,
  patch: z
    .strictObject({
      date: meetingFields.date.optional(),
      kind: meetingFields.kind.optional(),
      title: meetingFields.title.optional(),
      location: meetingFields.location.optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

export const meetingSetStateInput = z
  .strictObject({
    number: meetingRef,
    state: oneOf(MEETING_STATES),
    /** For vastgesteld: the meeting that approves the besluitenlijst, and how. */
    approval: z
      .strictObject({
        by: meetingRef,
        kind: oneOf(APPROVALS),
        note: optionalText(4_000).default(null),
      })
      .refine((a) => a.kind === 'ongewijzigd' || a.note !== null, { error: 'must say what was changed', path: ['note'] })
      .optional(),
  })
  .refine((s) => s.state === 'vastgesteld' || s.approval === undefined, { error: 'is only given when the besluitenlijst is vastgesteld', path: ['approval'] })
  .refine((s) => s.state !== 'vastgesteld' || s.approval !== undefined, { error: 'must name the meeting that approves the besluitenlijst', path: ['approval'] });

export const meetingRefInput = z.strictObject({ number: meetingRef });
/** A meeting; `actiepuntenlijst: false` leaves its actiepuntenlijst out (the meeting mode and the projector do not show it). */
export const meetingGetInput = z.strictObject({ number: meetingRef, actiepuntenlijst: z.boolean({ error: 'must be true or false' }).default(true) });
/** Where someone is in a meeting's Vergadermodus: the meeting, and the agenda item (by id). */
export const meetingPlace = z.strictObject({ meeting: meetingRef, item: rowId.nullable() });
export const placeSetInput = z.strictObject({ place: meetingPlace.nullable() });
export const meetingAsOfInput = z.strictObject({ number: meetingRef, stage: oneOf(FREEZE_STAGES).optional() });
/** A year of meetings and besluiten. */
const year = z.number({ error: 'must be a year' }).int({ error: 'must be a year' }).min(1900, { error: 'must be a year from 1900 to 2999' }).max(2999, { error: 'must be a year from 1900 to 2999' });
/** A place on an agenda, 1 = first. */
const agendaPosition = z.number({ error: 'must be a position on the agenda' }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }).max(1000, { error: 'must be at most 1000' });

export const meetingListInput = z.strictObject({ year: year.optional() }).optional().default({});
export const discussionsInput = z
  .strictObject({ dossier: itemNumber.optional(), actiepunt: itemNumber.optional() })
  .refine((s) => (s.dossier === undefined) !== (s.actiepunt === undefined), { error: 'must name a dossier or an actiepunt' });

export const agendaLinks = z.strictObject({
  dossiers: z.array(itemNumber).max(200, { error: 'at most 200 dossiers' }).refine(unique, { error: 'must not name a dossier twice' }).default([]),
  actiepunten: z.array(itemNumber).max(200, { error: 'at most 200 actiepunten' }).refine(unique, { error: 'must not name an actiepunt twice' }).default([]),
  ambitions: z.array(line(60)).max(20, { error: 'at most 20 ambitions' }).refine(unique, { error: 'must not name an ambition twice' }).default([]),
});

const agendaFields = {
  title: line(LIMITS.title),
  purpose: oneOf(AGENDA_PURPOSES),
  presenter: line(100).nullable(),
  minutes: minutes.nullable(),
  proposal: optionalText(4_000),
  links: agendaLinks,
};

export const agendaAddInput = z.strictObject({
  meeting: meetingRef,
  title: agendaFields.title,
  purpose: agendaFields.purpose.default('bespreking'),
  presenter: agendaFields.presenter.default(null),
  minutes: agendaFields.minutes.default(null),
  proposal: agendaFields.proposal.default(null),
  links: agendaFields.links.default({ dossiers: [], actiepunten: [], ambitions: [] }),
  /** Where on the agenda (1 = first); at the end when left out. */
  position: agendaPosition.optional(),
});

export const agendaUpdateInput = z.strictObject({
  id: rowId,
  patch: z
    .strictObject({
      title: agendaFields.title.optional(),
      purpose: agendaFields.purpose.optional(),
      presenter: agendaFields.presenter.optional(),
      minutes: agendaFields.minutes.optional(),
      proposal: agendaFields.proposal.optional(),
      links: agendaFields.links.optional(),
      state: oneOf(AGENDA_STATES).optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

export const agendaMoveInput = z.strictObject({ id: rowId, to: agendaPosition });
export const byId = z.strictObject({ id: rowId });

export const outcomeAddInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      item: rowId,
      kind: z.literal('besluit'),
      text: requiredText(4_000),
      dossier: itemNumber.nullable().default(null),
      replaces: z.strictObject({ decision: decisionRef, kind: oneOf(REPLACE_KINDS) }).nullable().default(null),
    }),
    z.strictObject({
      item: rowId,
      kind: z.literal('actiepunt'),
      text: actiepuntFields.text,
      owners: actiepuntFields.owners.default([]),
      deadline: actiepuntFields.deadline.default(null),
      dossier: itemNumber.nullable().default(null),
    }),
    z.strictObject({ item: rowId, kind: z.literal('notitie'), text: requiredText(4_000), dossier: itemNumber.nullable().default(null) }),
    z.strictObject({
      item: rowId,
      kind: z.literal('prioriteit'),
      dossier: itemNumber,
      priority: z.boolean({ error: 'must be true or false' }),
      rank: itemNumber.nullable().default(null),
      text: optionalText(2_000).default(null),
    }),
  ],
  { error: 'kind must be one of: besluit, actiepunt, notitie, prioriteit' },
);

export const outcomeUpdateInput = z.strictObject({
  id: rowId,
  patch: z
    .strictObject({
      text: requiredText(4_000).optional(),
      dossier: itemNumber.nullable().optional(),
      replaces: z.strictObject({ decision: decisionRef, kind: oneOf(REPLACE_KINDS) }).nullable().optional(),
    })
    .refine(changesSomething, { error: 'must change at least one field' }),
});

const distinctNumbers = (what: string) =>
  z.array(itemNumber, { error: `must be a list of ${what} numbers` }).max(5_000, { error: `at most 5000 ${what}s` }).refine(unique, { error: `must not name a ${what} twice` });

/** The TB's priorities decided as a whole at a meeting: ranked in order, then marked without a rank; all others lose the mark. */
export const decidePrioritiesInput = z
  .strictObject({
    item: rowId,
    ranked: distinctNumbers('dossier'),
    unranked: distinctNumbers('dossier').default([]),
    text: optionalText(4_000).default(null),
  })
  .refine((s) => s.ranked.every((n) => !s.unranked.includes(n)), { error: 'a dossier is ranked or unranked, not both', path: ['unranked'] });

export const decisionListInput = z
  .strictObject({
    year: year.optional(),
    dossier: itemNumber.optional(),
    search: z.string().max(200).superRefine(textRule(true)).default(''),
  })
  .optional()
  .default({ search: '' });

export const attendanceSetInput = z.strictObject({
  meeting: meetingRef,
  people: z
    .array(
      z
        .strictObject({
          name: line(100),
          organisation: line(100),
          presence: oneOf(PRESENCES).default('aanwezig'),
          substitute: line(100).nullable().default(null),
        })
        .refine((p) => (p.presence === 'vervangen') === (p.substitute !== null), { error: 'a substitute is named exactly when someone is vervangen', path: ['substitute'] }),
    )
    .max(100, { error: 'at most 100 people' }),
});

export const agendaTemplateUpdateInput = z.strictObject({
  items: z
    .array(
      z.strictObject({
        title: agendaFields.title,
        purpose: agendaFields.purpose,
        presenter: agendaFields.presenter.default(null),
        minutes: agendaFields.minutes.default(null),
        standing: oneOf(STANDING_ITEMS).nullable().default(null),
        evaluationOnly: z.boolean().default(false),
        links: agendaLinks.default({ dossiers: [], actiepunten: [], ambitions: [] }),
      }),
    )
    .max(50, { error: 'at most 50 standing items' })
    .refine((items) => unique(items.map((i) => i.standing).filter((s) => s !== null)), { error: 'must not hold a standing item twice' }),
});

/**
 * A folder on this computer, as an absolute path. Relative paths, '..' segments and control
 * characters (NUL among them) are refused: what the user picked is what gets written to.
 */
export const folderPath = z
  .string({ error: 'must be a folder path' })
  .min(1, { error: 'must not be empty' })
  .max(4_096, { error: 'must be at most 4096 characters' })
  .superRefine(textRule(true))
  .refine((p) => /^([A-Za-z]:[\\/]|\\\\|\/)/.test(p), { error: 'must be an absolute path' })
  .refine((p) => !p.split(/[\\/]/).includes('..'), { error: "must not contain '..'" });

export const exportStartInput = z.strictObject({
  what: z
    .array(z.enum(EXPORT_DOCUMENTS, { error: `must be one of: ${EXPORT_DOCUMENTS.join(', ')}` }))
    .min(1, { error: 'must name at least one document' })
    .refine(unique, { error: 'must not name a document twice' }),
  formats: z
    .array(z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(', ')}` }))
    .min(1, { error: 'must name at least one format' })
    .refine(unique, { error: 'must not name a format twice' }),
  /** The rapportage's date; today when left out. */
  date: isoDate.optional(),
  outDir: folderPath,
  /** Replace files that exist. Without it an existing file stops the export before anything is written. */
  overwrite: z.boolean().default(false),
});

export const exportOpenInput = z.strictObject({
  id: z.string().regex(/^[a-f0-9]{32}$/, { error: 'must be an export id' }),
  /** The file's place in the job's list (a meeting pack writes up to ten and its manifest). */
  file: z.number().int().min(0).max(99),
});

/** A meeting's pack, written into a folder of its own under outDir. */
export const meetingPackInput = z.strictObject({ meeting: meetingRef, outDir: folderPath });

export const exportStatusInput = z.strictObject({ id: z.string().regex(/^[a-f0-9]{32}$/, { error: 'must be an export id' }) });

export const backupRestoreInput = z.strictObject({
  name: z
    .string({ error: 'must be a backup name' })
    .regex(/^(newest-good|register-[\dT-]+\.sqlite)$/, { error: 'must be the name of a backup' }),
});

/** A passphrase for a .tbsync file that travels by mail: as typed (spaces count), 8 to 200 characters. */
const passphrase = z
  .string({ error: 'must be text' })
  .min(8, { error: 'must be at least 8 characters' })
  .max(200, { error: 'must be at most 200 characters' })
  .superRefine(textRule(true));
const deviceId = z.string().regex(/^[0-9a-f]{12}$/, { error: 'must be a device id' });

/** Sends this register's changes to a file in outDir (exchange between laptops, issue 17). */
export const exchangeSendInput = z.strictObject({
  outDir: folderPath,
  /** The device the file is for; left out: what no known device has yet. */
  to: deviceId.optional(),
  /** Everything in the log, after a lost file or for a new laptop. */
  all: z.boolean({ error: 'must be true or false' }).default(false),
  passphrase: passphrase.optional(),
  /** The whole register too: for a new laptop, or for Mijn register vervangen door dat van … */
  whole: z.boolean({ error: 'must be true or false' }).default(false),
});

/** A .tbsync file to preview or receive. */
export const exchangeFileInput = z.strictObject({
  file: folderPath,
  passphrase: z.string().max(200, { error: 'must be at most 200 characters' }).optional(),
  /** The code read from the sender's screen: pairs this laptop with a sender seen for the first time. */
  pairCode: z
    .string({ error: 'must be text' })
    .max(40, { error: 'must be at most 40 characters' })
    .regex(/^[0-9A-Za-z\s-]*$/, { error: 'must be the code of four groups of four letters and digits' })
    .optional(),
  /** Applies a file dated more than a day after this computer's clock. */
  acceptFuture: z.boolean({ error: 'must be true or false' }).default(false),
});

export const exchangeDecideInput = z.discriminatedUnion(
  'choice',
  [
    z.strictObject({ id: z.string().regex(/^[a-f0-9]{32}$/, { error: 'must be a conflict id' }), choice: z.literal('version'), hlc: z.string().max(100) }),
    z.strictObject({ id: z.string().regex(/^[a-f0-9]{32}$/, { error: 'must be a conflict id' }), choice: z.enum(['edited', 'later']) }),
  ],
  { error: 'choice must be one of: version, edited, later' },
);
