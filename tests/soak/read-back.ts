// After an accepted edit: read the item back through the contract's own read calls and compare
// what the (schema-parsed) input set with what the register now says. A read that is refused is a
// mismatch too: what an edit created or named must be reachable by the calls that take it.
import { isDeepStrictEqual } from 'node:util';
import type { CallName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';

export interface Mismatch {
  field: string;
  expected: unknown;
  actual: unknown;
}

export type Reader = (name: CallName, input: unknown) => Envelope<unknown>;

type Obj = Record<string, unknown>;
type Dated = { kind: string; id: number; date: string; state?: Obj; status?: string };

/** Ambition codes as a set: the register keeps each code once, in the jaarplan's order. */
const codeSet = (codes: unknown) => [...new Set(codes as string[])].sort();

function compare(out: Mismatch[], field: string, expected: unknown, actual: unknown): void {
  if (field.endsWith('ambitions')) {
    expected = codeSet(expected);
    actual = Array.isArray(actual) ? codeSet(actual) : actual;
  }
  if (!isDeepStrictEqual(expected, actual)) out.push({ field, expected, actual });
}

/** The newest dated entry of `kind` on or before `date` (same date: the later recorded). */
function stateOn(history: Dated[], kind: string, date: string): Dated | undefined {
  return history
    .filter((h) => h.kind === kind && h.date <= date)
    .sort((a, b) => (a.date === b.date ? a.id - b.id : a.date < b.date ? -1 : 1))
    .at(-1);
}

/** The mismatches of an accepted edit (none: it reads back as set); [] for calls that are not checked. */
export function readBack(name: CallName, parsed: Obj, value: unknown, read: Reader, today: string): Mismatch[] {
  const out: Mismatch[] = [];
  const get = (call: CallName, input: unknown): Obj | null => {
    const result = read(call, input);
    if (!result.ok) {
      out.push({ field: `${call} ${JSON.stringify(input)}`, expected: 'readable', actual: result.error });
      return null;
    }
    return result.value as Obj;
  };
  const fields = (item: Obj | null, expected: Obj, prefix = '') => {
    if (!item) return;
    // A key given as undefined sets nothing (JSON, as the shells send it, cannot even carry it).
    for (const [key, want] of Object.entries(expected)) if (want !== undefined) compare(out, prefix + key, want, item[key]);
  };
  const returned = value as Obj;
  const date = (parsed.date as string | undefined) ?? today;

  switch (name) {
    case 'dossier.create': {
      if (parsed.number !== undefined) compare(out, 'number', parsed.number, returned.number);
      const { number: _n, phaseDate: _d, ...rest } = parsed;
      fields(get('dossier.get', { number: returned.number }), rest);
      break;
    }
    case 'dossier.update':
      fields(get('dossier.get', { number: parsed.number }), parsed.patch as Obj, '');
      break;
    case 'dossier.archive':
    case 'actiepunt.archive': {
      const item = get(name === 'dossier.archive' ? 'dossier.get' : 'actiepunt.get', { number: parsed.number });
      if (item) compare(out, 'archived', parsed.archived, item.archived);
      break;
    }
    case 'dossier.setPhase': {
      const result = read('dossier.phaseOn', { number: parsed.number, date });
      if (!result.ok) out.push({ field: 'dossier.phaseOn', expected: 'readable', actual: result.error });
      else compare(out, `phase on ${date}`, parsed.state, result.value);
      break;
    }
    case 'dossier.setPriority': {
      if (date === today) {
        const item = get('dossier.get', { number: parsed.number });
        if (!item) break;
        compare(out, 'priority', parsed.priority, item.priority);
        const rank = item.priorityRank as number | null;
        if (!parsed.priority || parsed.rank === null) compare(out, 'priorityRank', null, rank);
        else if (typeof parsed.rank === 'number' && (rank === null || rank > parsed.rank)) out.push({ field: 'priorityRank', expected: `1..${parsed.rank}`, actual: rank });
      } else {
        const history = read('dossier.history', { number: parsed.number });
        if (!history.ok) out.push({ field: 'dossier.history', expected: 'readable', actual: history.error });
        else compare(out, `priority on ${date}`, parsed.priority, stateOn(history.value as Dated[], 'priority', date)?.state?.priority ?? false);
      }
      break;
    }
    case 'dossier.reorderPriorities':
      if (date !== today) break;
      (parsed.numbers as number[]).forEach((number, i) => {
        const item = get('dossier.get', { number });
        if (item) compare(out, `numbers.${i} priorityRank`, i + 1, item.priorityRank);
      });
      break;
    case 'actiepunt.create': {
      if (parsed.number !== undefined) compare(out, 'number', parsed.number, returned.number);
      const { number: _n, statusDate: _d, ...rest } = parsed;
      fields(get('actiepunt.get', { number: returned.number }), rest);
      break;
    }
    case 'actiepunt.update':
      fields(get('actiepunt.get', { number: parsed.number }), parsed.patch as Obj);
      break;
    case 'actiepunt.setStatus': {
      const history = read('actiepunt.history', { number: parsed.number });
      if (!history.ok) out.push({ field: 'actiepunt.history', expected: 'readable', actual: history.error });
      else compare(out, `status on ${date}`, parsed.status, stateOn(history.value as Dated[], 'status', date)?.status);
      break;
    }
    case 'actiepunt.linkDossier': {
      const item = get('actiepunt.get', { number: parsed.number });
      if (item) compare(out, 'dossier', parsed.dossier, item.dossier);
      break;
    }
    case 'jaarplan.update':
      fields(get('jaarplan.get', {}), parsed.patch as Obj);
      break;
    case 'jaarplan.updateTexts': {
      const plan = get('jaarplan.get', {});
      if (plan) fields(plan.texts as Obj, parsed.texts as Obj, 'texts.');
      break;
    }
    case 'ambition.create':
    case 'ambition.update': {
      const code = name === 'ambition.create' ? (returned.code as string) : (parsed.code as string);
      if (name === 'ambition.create' && parsed.code !== undefined) compare(out, 'code', parsed.code, code);
      const list = get('ambition.list', {}) as unknown as Obj[] | null;
      if (!list) break;
      const found = list.find((a) => a.code === code) ?? null;
      if (!found) out.push({ field: 'code', expected: code, actual: 'not in ambition.list' });
      const { code: _c, patch, ...rest } = parsed;
      fields(found, name === 'ambition.create' ? rest : (patch as Obj));
      // The code must be usable where calls take an ambition code.
      get('dossier.list', { ambition: code });
      break;
    }
    case 'meeting.create':
    case 'meeting.update': {
      const number = name === 'meeting.create' ? returned.number : parsed.number;
      const { number: _n, patch, ...rest } = parsed;
      fields(get('meeting.get', { number }), name === 'meeting.create' ? rest : (patch as Obj));
      if (name === 'meeting.create' && !(get('meeting.list', {}) as unknown as Obj[] | null)?.some((m) => m.number === number)) {
        out.push({ field: 'number', expected: number, actual: 'not in meeting.list' });
      }
      break;
    }
    case 'meeting.setState':
      fields(get('meeting.get', { number: parsed.number }), { state: parsed.state });
      break;
    case 'agenda.add':
    case 'agenda.update': {
      const meeting = get('meeting.get', { number: (returned as { meeting?: string }).meeting ?? meetingOf(returned, read) });
      const item = ((meeting?.items as Obj[] | undefined) ?? []).find((i) => i.id === returned.id) ?? null;
      if (meeting && !item) out.push({ field: 'id', expected: returned.id, actual: 'not on the agenda' });
      const { meeting: _m, position: _p, links, patch, ...rest } = parsed;
      const set = name === 'agenda.add' ? { ...rest, links } : (patch as Obj);
      const { links: setLinks, ...plain } = set as Obj;
      fields(item, plain);
      if (item && setLinks) compare(out, 'links', sortedLinks(setLinks as Obj), sortedLinks(item.links as Obj));
      break;
    }
    case 'attendance.set':
      fields(get('meeting.get', { number: parsed.meeting }), { attendance: parsed.people });
      break;
    case 'agendaTemplate.update':
      fields(get('agendaTemplate.get', {}), { items: parsed.items });
      break;
    case 'meeting.decidePriorities':
      compare(out, 'kind', 'besluit', returned.kind);
      break;
    case 'outcome.add':
    case 'outcome.update': {
      const text = name === 'outcome.add' ? parsed.text : (parsed.patch as Obj).text;
      if (text !== undefined && (name === 'outcome.update' || parsed.kind !== 'prioriteit')) compare(out, 'text', text, returned.text);
      break;
    }
    default:
      break;
  }
  return out;
}

/** An agenda item's links as sets: the register keeps them in number order. */
function sortedLinks(links: Obj): Obj {
  const sorted = (v: unknown) => [...((v as unknown[] | undefined) ?? [])].sort();
  return { dossiers: sorted(links.dossiers), actiepunten: sorted(links.actiepunten), ambitions: sorted(links.ambitions) };
}

/** The meeting an agenda item is on, found through the meetings' agendas. */
function meetingOf(item: Obj, read: Reader): string | null {
  const list = read('meeting.list', {});
  if (!list.ok) return null;
  for (const m of list.value as Obj[]) {
    const meeting = read('meeting.get', { number: m.number });
    if (meeting.ok && ((meeting.value as Obj).items as Obj[]).some((i) => i.id === item.id)) return m.number as string;
  }
  return null;
}
