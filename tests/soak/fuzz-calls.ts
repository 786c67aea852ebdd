// The soak's generators: a contract call for every name in CALL_NAMES, its input built by walking
// the call's zod schema (schema._zod.def) into a near-valid value, with hostile values mixed in at
// every level (lone surrogates, U+FFFE, controls, formula starts, huge strings, NaN, wrong types,
// extra keys, objects whose toString is not a function) and, now and then, a hostile call name.
// Values the register only knows at run time (an export job's id, a backup's name, the number the
// last create got, the run's own export folder) are generated as Ref markers that the property
// resolves just before the call (resolveRefs).
import fc from 'fast-check';
import * as s from '../../shared/schemas';
import { CALL_NAMES, contract, type CallName } from '../../shared/contract';
import { MEETING_NUMBER } from '../../shared/meeting';

export type RefKind = 'job' | 'backup' | 'outDir' | 'outFile' | 'lastDossier' | 'lastActiepunt' | 'lastAmbition' | 'lastMeeting' | 'lastItem' | 'lastOutcome';

/** A value known only while the sequence runs; printed as <kind>. */
export class Ref {
  constructor(readonly kind: RefKind) {}
  toJSON(): string {
    return `<${this.kind}>`;
  }
}

/** What the seeded register holds, read from it once: numbers and codes that calls can hit. */
export interface Known {
  dossiers: number[];
  actiepunten: number[];
  ambitions: string[];
  hoofddossiers: number[];
  /** A meeting in concept (today) and the last item on its agenda, for the meeting calls to start from. */
  meeting: string;
  item: number;
  /** The fixed clock's date and the jaarplan's reference date. */
  today: string;
  referenceDate: string;
}

export interface Call {
  name: unknown;
  input: unknown;
}

/** Calls that change the register, weighted up so that sequences build on their own edits. */
export const EDIT_CALLS: ReadonlySet<CallName> = new Set<CallName>([
  'register.undo',
  'register.redo',
  'jaarplan.updateTexts',
  'jaarplan.update',
  'ambition.create',
  'ambition.update',
  'dossier.create',
  'dossier.update',
  'dossier.archive',
  'dossier.setPhase',
  'dossier.setPriority',
  'dossier.reorderPriorities',
  'actiepunt.create',
  'actiepunt.update',
  'actiepunt.archive',
  'actiepunt.setStatus',
  'actiepunt.linkDossier',
  'meeting.create',
  'meeting.update',
  'meeting.setState',
  'agenda.add',
  'agenda.update',
  'agenda.move',
  'agenda.remove',
  'outcome.add',
  'outcome.update',
  'outcome.remove',
  'attendance.set',
  'meeting.decidePriorities',
  'agendaTemplate.update',
  'meeting.pack',
  'backup.restore',
  // The exchange writes its log and bookkeeping (the clock, what was sent) even where no row changes.
  'exchange.send',
  'exchange.receive',
  'exchange.decide',
  'exchange.undo',
  'exchange.replace',
]);

/** Calls that wait for the disk (api.invokeAsync) or write files: rarer, they cost the most time. */
const SLOW_CALLS: ReadonlySet<CallName> = new Set<CallName>(['export.start', 'meeting.pack', 'backup.create', 'backup.restore', 'exchange.send', 'exchange.receive', 'exchange.undo', 'exchange.replace']);

/** Calls the api answers only through invokeAsync (they wait for a backup or a restore). */
export const ASYNC_CALLS: ReadonlySet<string> = new Set(['backup.create', 'backup.restore', 'backup.list', 'exchange.receive', 'exchange.undo', 'exchange.replace']);

// ---- Hostile values ----

const LONG = 'x'.repeat(20_001);
/** Pieces that break XML, spreadsheets, SQLite's UTF-8 or a naive trim; mixed into valid text. */
export const HOSTILE_PIECES = [
  '\uD800',
  '\uDC00',
  'a\uD83Db',
  '\uFFFE',
  '\uFFFF',
  '\uFDD0',
  '\u0000',
  '\u0001',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009F',
  '\r',
  '\t',
  '\n',
  '\r\n',
  '\u2028',
  '=cmd|\' /C calc\'!A0',
  '=HYPERLINK("https://evil.example")',
  '+1',
  '-1',
  '@x',
  '👩‍👩‍👧‍👦',
  '\u202Eغير\u202C',
  'שלום',
  ']]>',
  '<w:t>&amp;</w:t>',
  '"\'<>&',
  '\u00A0',
  'e\u0301',
] as const;

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom<string>(...HOSTILE_PIECES, '', ' ', '  \t ', 'x'.repeat(101), 'x'.repeat(301), LONG),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const hostileNumber: fc.Arbitrary<number> = fc.constantFrom(0, -1, 1.5, 99_999, 100_000, 2 ** 53, -(2 ** 53), Number.NaN, Infinity, -Infinity, -0, 1e308);

const NULL_PROTO: unknown = Object.freeze(Object.create(null));
const hostileObject: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { toString: 1 },
  { valueOf: 1, toString: 1 },
  {},
  [],
  [1, 'a'],
  NULL_PROTO,
  { length: 2, 0: 'a' },
);

/** Any hostile value, of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  hostileObject,
  fc.constantFrom<unknown>(null, undefined, true, false),
);

/** Call names that are not call names: unknown strings, numbers, objects (toString not callable). */
const hostileName: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('dossier.nope', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'DOSSIER.GET', ' dossier.get'),
  fc.constantFrom<unknown>(42, null, undefined, ['dossier.get'], { toString: 1 }, NULL_PROTO, { toString: () => 'dossier.get' }),
  hostileString,
);

// ---- Near-valid values ----

const WORDS = ['Dossier', 'eHerkenning', 'TB', 'analyse', 'Machtigingen', 'ketenmachtiging', 'Logius', 'één', 'café', 'Ä', 'straße', '2024', 'x', 'EU-Wallet', '(Keten)', 'nr. 7'];

function words(max: number, multiline: boolean): fc.Arbitrary<string> {
  const piece = multiline ? fc.constantFrom(...WORDS, '\n', '\r\n', '\n\n', '\t') : fc.constantFrom(...WORDS);
  return fc
    .tuple(fc.constantFrom('', ' ', '  '), fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom('', ' ', '\n'))
    .map(([lead, p, tail]) => (lead + p.join(' ') + (multiline ? tail : tail.trim())).slice(0, max));
}

/** The pieces no XML part may hold (lone surrogates, non-characters, C0 controls): picked more often. */
const XML_BREAKERS = ['\uD800', '\uDC00', 'a\uD83Db', '\uFFFE', '\uFFFF', '\u0001', '\u001F'];
const hostilePiece: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.constantFrom(...XML_BREAKERS));

/** Valid text with one hostile piece slipped in somewhere. */
function dirty(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, hostilePiece, fc.nat())
    .map(([text, piece, at]) => {
      const i = text.length ? at % (text.length + 1) : 0;
      return text.slice(0, i) + piece + text.slice(i);
    });
}

const isoOf = (d: Date) => d.toISOString().slice(0, 10);

function dates(known: Known): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(known.today, known.referenceDate) },
    { weight: 4, arbitrary: fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: new Date(`${known.today}T00:00:00Z`), noInvalidDate: true }).map(isoOf) },
    { weight: 1, arbitrary: fc.constantFrom('2024-02-30', '2024-02-29', '2999-01-01', '2999-12-31', '1899-12-31', '2026-12-01', '2024-13-01', '24-1-1', '2024-1-1', '2024-01-01T00:00:00', '') },
  );
}

function urls(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('https://example.org/', 'https://wiki.eherkenning.nl/display/IntakeTeam/Dossier?x=1&y=2', 'https://a.nl/%E2%82%AC') },
    { weight: 2, arbitrary: words(40, false).map((w) => `https://wiki.eherkenning.nl/${encodeURIComponent(w)}`) },
    { weight: 2, arbitrary: hostilePiece.map((p) => `https://x.nl/a${p}b`) },
    { weight: 1, arbitrary: fc.constantFrom('http://example.org/', 'javascript:alert(1)', 'https://a b.nl/', 'https://', 'ftp://x.nl/', ` https://trim.nl/ `) },
  );
}

/** Export folders: the run's own folder, or paths that must be refused. Never a real folder elsewhere. */
const outDirs: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(new Ref('outDir')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(new Ref('outFile'), 'relative/folder', 'C:relative', '/soak-no-such-folder/x', '/soak/../etc', '/soak\u0000x', '', 42, null),
  },
);

interface Hint {
  call: CallName;
  key: string;
}

const zdef = (schema: unknown) => (schema as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
const checksOf = (def: Record<string, unknown>) =>
  ((def.checks as Array<{ _zod: { def: Record<string, unknown> } }> | undefined) ?? []).map((c) => c._zod.def);

function numberArb(def: Record<string, unknown>, hint: Hint, known: Known): fc.Arbitrary<unknown> {
  const checks = checksOf(def);
  const int = checks.some((c) => c.check === 'number_format');
  const min = (checks.find((c) => c.check === 'greater_than')?.value as number | undefined) ?? -1000;
  const max = (checks.find((c) => c.check === 'less_than')?.value as number | undefined) ?? 100_000;
  const range = int ? fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 100_000) }) : fc.double({ min: -1000, max: 100_000, noNaN: true });
  const actiepuntCall = hint.call.startsWith('actiepunt.');
  if (hint.key === 'number' && hint.call.endsWith('.create')) {
    // A create that names its number: taken ones are refused; the highest one makes the next
    // automatic number one past the limit.
    const mine = actiepuntCall ? known.actiepunten : known.dossiers;
    return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(99_999, 99_998) }, { weight: 2, arbitrary: fc.constantFrom(...mine) }, { weight: 1, arbitrary: range });
  }
  if (hint.key === 'number' || hint.key === 'dossier' || hint.key === 'numbers' || hint.key === 'ranked' || hint.key === 'unranked') {
    const mine = hint.key === 'number' && actiepuntCall ? known.actiepunten : known.dossiers;
    const last = new Ref(hint.key === 'number' && actiepuntCall ? 'lastActiepunt' : 'lastDossier');
    return fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...mine) },
      { weight: 1, arbitrary: fc.constant(last) },
      // The edges: the highest number a call may name, and numbers just past the seed's.
      { weight: 2, arbitrary: fc.constantFrom(99_999, 99_998, 1, 16, 11, 1000) },
      { weight: 1, arbitrary: range },
    );
  }
  // Agenda items and outcomes by the id the register gave them: mostly the last one made.
  if (hint.key === 'item' || (hint.key === 'id' && (hint.call.startsWith('agenda.') || hint.call.startsWith('outcome.')))) {
    const last = new Ref(hint.call.startsWith('outcome.') && hint.key === 'id' ? 'lastOutcome' : 'lastItem');
    return fc.oneof({ weight: 8, arbitrary: fc.constant(last) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 1, arbitrary: range });
  }
  if (hint.key === 'hoofddossierId') return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known.hoofddossiers) }, { weight: 1, arbitrary: range });
  if (hint.key === 'year') return fc.oneof(fc.constantFrom(2024, 2025, 2026), range);
  if (hint.key === 'rank') return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: range });
  return range;
}

function stringArb(schema: unknown, def: Record<string, unknown>, hint: Hint, known: Known): fc.Arbitrary<unknown> {
  if (schema === s.isoDate) return dates(known);
  if (schema === s.httpsUrl) return urls();
  if (schema === s.folderPath) return outDirs;
  const checks = checksOf(def);
  const pattern = checks.find((c) => c.pattern instanceof RegExp)?.pattern as RegExp | undefined;
  if (hint.call === 'backup.restore') {
    return fc.oneof(fc.constant(new Ref('backup')), fc.constant('newest-good'), fc.constant('register-2026-11-30T10-00-00.sqlite'), pattern ? fc.stringMatching(pattern) : hostileString);
  }
  if (pattern?.source === MEETING_NUMBER.source) {
    return fc.oneof({ weight: 8, arbitrary: fc.constant(new Ref('lastMeeting')) }, { weight: 2, arbitrary: fc.constantFrom('TB-2024-01', 'TB-2026-01', 'TB-2026-02') }, { weight: 1, arbitrary: fc.stringMatching(pattern) });
  }
  if (hint.key === 'id' && pattern) return fc.oneof({ weight: 3, arbitrary: fc.constant(new Ref('job')) }, { weight: 1, arbitrary: fc.stringMatching(pattern) });
  if (hint.key === 'code' || hint.key === 'ambitions' || hint.key === 'ambition') {
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...known.ambitions) },
      { weight: 1, arbitrary: fc.constant(new Ref('lastAmbition')) },
      { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/) },
      { weight: 1, arbitrary: fc.constantFrom('Groei', 'groei ', 'a--b', 'x'.repeat(61)) },
    );
  }
  const max = (checks.find((c) => c.check === 'max_length')?.maximum as number | undefined) ?? 200;
  // text() trims and normalises line endings (two overwrites); line() only trims.
  const multiline = checks.filter((c) => c.check === 'overwrite').length > 1;
  const valid = fc.oneof(
    { weight: 12, arbitrary: words(max, multiline) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(max)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 30) }) },
  );
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: dirty(valid) });
}

/** Near-valid values for a schema, hostile ones mixed in at this level (and below). */
export function valueFor(schema: unknown, hint: Hint, known: Known): fc.Arbitrary<unknown> {
  const near = nearValid(schema, hint, known);
  return fc.oneof({ weight: 40, arbitrary: near }, { weight: 1, arbitrary: hostileValue });
}

function nearValid(schema: unknown, hint: Hint, known: Known): fc.Arbitrary<unknown> {
  const def = zdef(schema);
  switch (def.type) {
    case 'string':
      return stringArb(schema, def, hint, known);
    case 'number':
      return numberArb(def, hint, known);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: valueFor(def.innerType, hint, known) }, { weight: 1, arbitrary: fc.constant(null) });
    case 'optional':
    case 'default':
      // As a value (not an object's key): sometimes left out.
      return fc.oneof({ weight: 4, arbitrary: valueFor(def.innerType, hint, known) }, { weight: 1, arbitrary: fc.constant(undefined) });
    case 'pipe':
      return nearValid(def.in, hint, known);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => valueFor(o, hint, known)));
    case 'array': {
      const checks = checksOf(def);
      const minLength = (checks.find((c) => c.check === 'min_length')?.minimum as number | undefined) ?? 0;
      const maxLength = Math.min((checks.find((c) => c.check === 'max_length')?.maximum as number | undefined) ?? 4, 4);
      const element = valueFor(def.element, hint, known);
      return fc.oneof(
        { weight: 12, arbitrary: fc.array(element, { minLength, maxLength: Math.max(minLength, maxLength) }) },
        // Over the limit now and then (sub-points, owners, ambitions have limits of 10 to 50).
        { weight: 1, arbitrary: fc.array(element, { minLength: 11, maxLength: 52 }) },
      );
    }
    case 'object':
      return objectArb(def, hint, known);
    default:
      throw new Error(`fuzz-calls: no generator for zod type '${def.type}' (${hint.call}.${hint.key})`);
  }
}

function objectArb(def: Record<string, unknown>, hint: Hint, known: Known): fc.Arbitrary<unknown> {
  const shape = def.shape as Record<string, unknown>;
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const fieldDef = zdef(field);
    const leavable = fieldDef.type === 'optional' || fieldDef.type === 'default';
    const inner = leavable ? fieldDef.innerType : field;
    record[key] = key === 'outDir' ? outDirs : valueFor(inner, { call: hint.call, key }, known);
    if (!leavable) requiredKeys.push(key);
  }
  const base = fc.record(record, { requiredKeys });
  const extra = fc.oneof(
    { weight: 40, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'Title', 'number '), hostileValue) },
  );
  return fc.tuple(base, extra).map(([value, more]) => {
    if (!more) return value;
    const copy = { ...value };
    Object.defineProperty(copy, more[0], { value: more[1], enumerable: true, writable: true, configurable: true });
    return copy;
  });
}

function weightOf(name: CallName): number {
  if (SLOW_CALLS.has(name)) return 1;
  if (name === 'export.open' || name === 'export.status' || name === 'backup.list') return 1;
  return EDIT_CALLS.has(name) ? 8 : 3;
}

/** One call: a contract name with a generated input, or (about 1 in 80) a hostile name. */
export function callArbitrary(known: Known): fc.Arbitrary<Call> {
  const named = CALL_NAMES.map((name) => ({
    weight: weightOf(name),
    arbitrary: fc.record({ name: fc.constant<unknown>(name), input: valueFor(contract[name].input, { call: name, key: '' }, known) }),
  }));
  return fc.oneof(...named, { weight: 3, arbitrary: fc.record({ name: hostileName, input: fc.oneof(hostileValue, fc.constant({ number: 1 })) }) });
}

/** A run: up to `max` calls in a row on one register. */
export function sequenceArbitrary(known: Known, max: number): fc.Arbitrary<Call[]> {
  // size 'medium': lengths spread up to `max` (the default size keeps arrays near 10 long, and a
  // sequence needs room to build on its own edits: 99,999 first, then a create without number).
  return fc.array(callArbitrary(known), { minLength: 1, maxLength: max, size: 'medium' });
}

/** Replaces Ref markers, at any depth, by what the run knows now (undefined when it knows nothing yet). */
export function resolveRefs(value: unknown, lookup: (kind: RefKind) => unknown): unknown {
  if (value instanceof Ref) return lookup(value.kind);
  if (Array.isArray(value)) return value.some(hasRef) ? value.map((v) => resolveRefs(v, lookup)) : value;
  if (value !== null && typeof value === 'object' && hasRef(value)) {
    const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
    for (const [key, v] of Object.entries(value)) {
      Object.defineProperty(copy, key, { value: resolveRefs(v, lookup), enumerable: true, writable: true, configurable: true });
    }
    return copy;
  }
  return value;
}

function hasRef(value: unknown): boolean {
  if (value instanceof Ref) return true;
  if (Array.isArray(value)) return value.some(hasRef);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasRef);
  return false;
}
