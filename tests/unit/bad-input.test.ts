// Every refused call gets a clear error naming the field, and leaves the register exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpRegister, seededRegister, type TestRegister } from '../support/register';

const LONG = 'x'.repeat(100_000);
const newDossier = { title: 'Nieuw dossier', phase: { phase: 'nieuw' } };

// [what, call, input, error code, field, message pattern]
const CASES: Array<[string, string, unknown, string, string | undefined, RegExp]> = [
  ['an unknown dossier', 'dossier.get', { number: 99 }, 'not_found', 'number', /no dossier 99/],
  ['a phase change on an unknown dossier', 'dossier.setPhase', { number: 99, state: { phase: 'analyse' } }, 'not_found', 'number', /no dossier 99/],
  ['a duplicate dossier number', 'dossier.create', { ...newDossier, number: 4 }, 'conflict', 'number', /dossier 4 already exists/],
  ['a duplicate actiepunt number', 'actiepunt.create', { text: 'Dubbel', number: 10 }, 'conflict', 'number', /actiepunt 10 already exists/],
  ['an invalid phase', 'dossier.setPhase', { number: 4, state: { phase: 'klaar' } }, 'invalid_input', 'state.phase', /must be one of: nieuw, analyse/],
  ['no phase while not parked', 'dossier.create', { title: 'X', phase: { phase: null } }, 'invalid_input', 'phase.phase', /required unless .* parked/],
  ['a finished dossier that is parked', 'dossier.setPhase', { number: 4, state: { phase: 'afgerond', parked: true } }, 'invalid_input', 'state.parked', /cannot be parked/],
  ['an empty title', 'dossier.create', { ...newDossier, title: '' }, 'invalid_input', 'title', /must not be empty/],
  ['a title of only spaces', 'dossier.update', { number: 4, patch: { title: '   \t ' } }, 'invalid_input', 'patch.title', /must not be empty|control/],
  ['an empty actiepunt text', 'actiepunt.update', { number: 1, patch: { text: ' \n ' } }, 'invalid_input', 'patch.text', /must not be empty/],
  ['a 100,000-character title', 'dossier.create', { ...newDossier, title: LONG }, 'invalid_input', 'title', /at most 300 characters/],
  ['a 100,000-character description', 'dossier.update', { number: 4, patch: { description: LONG } }, 'invalid_input', 'patch.description', /at most 20000 characters/],
  ['a 100,000-character sub-point', 'actiepunt.update', { number: 3, patch: { subPoints: ['ok', LONG] } }, 'invalid_input', 'patch.subPoints.1', /at most 2000/],
  ['a bell character in a title', 'dossier.update', { number: 4, patch: { title: 'Change\u0007Release' } }, 'invalid_input', 'patch.title', /control characters/],
  ['a line break in a title', 'dossier.create', { ...newDossier, title: 'Twee\nregels' }, 'invalid_input', 'title', /line breaks/],
  ['a NUL in a note', 'dossier.update', { number: 5, patch: { note: 'voor\u0000na' } }, 'invalid_input', 'patch.note', /control characters/],
  ['an escape in an owner', 'actiepunt.update', { number: 1, patch: { owners: ['Logius', '\u001b[31mBZK'] } }, 'invalid_input', 'patch.owners.1', /control characters/],
  ['a month 13', 'dossier.setPhase', { number: 4, state: { phase: 'refinement' }, date: '2024-13-01' }, 'invalid_input', 'date', /real date/],
  ['30 February', 'actiepunt.setStatus', { number: 2, status: 'afgerond', date: '2024-02-30' }, 'invalid_input', 'date', /real date/],
  ['a Dutch-written date', 'dossier.phaseOn', { number: 4, date: '01-01-2024' }, 'invalid_input', 'date', /YYYY-MM-DD/],
  ['a word for a date', 'meeting.create', { date: 'gisteren', title: 'TB' }, 'invalid_input', 'date', /YYYY-MM-DD/],
  ['a malformed deadline date', 'actiepunt.update', { number: 6, patch: { deadline: { kind: 'date', date: '2024-6-1' } } }, 'invalid_input', 'patch.deadline.date', /real date/],
  ['a phase change in the future', 'dossier.setPhase', { number: 4, state: { phase: 'refinement' }, date: '2027-01-01' }, 'invalid_input', 'date', /in the future/],
  ['a number that is not whole', 'dossier.get', { number: 4.5 }, 'invalid_input', 'number', /whole number/],
  ['a number given as text', 'dossier.get', { number: '4' }, 'invalid_input', 'number', /must be a number/],
  ['an unknown field', 'dossier.update', { number: 4, patch: { titel: 'Nieuw' } }, 'invalid_input', 'patch.titel', /not a known field/],
  ['an empty patch', 'dossier.update', { number: 4, patch: {} }, 'invalid_input', 'patch', /at least one field/],
  ['an unknown ambition', 'dossier.create', { ...newDossier, ambitions: ['groei', 'wereldvrede'] }, 'invalid_input', 'ambitions.1', /no ambition 'wereldvrede'/],
  ['an unknown hoofddossier', 'dossier.update', { number: 4, patch: { hoofddossierId: 42 } }, 'not_found', 'patch.hoofddossierId', /no hoofddossier 42/],
  ['a javascript: link', 'dossier.update', { number: 4, patch: { link: 'javascript:alert(1)' } }, 'invalid_input', 'patch.link', /https:\/\//],
  ['an empty annex-text change', 'jaarplan.updateTexts', { texts: {} }, 'invalid_input', 'texts', /at least one text/],
  ['an unknown annex text', 'jaarplan.updateTexts', { texts: { bijlage3Intro: 'x' } }, 'invalid_input', 'texts.bijlage3Intro', /not a known field/],
  ['a 100,000-character annex text', 'jaarplan.updateTexts', { texts: { bijlage1Intro: LONG } }, 'invalid_input', 'texts.bijlage1Intro', /at most 20000/],
  ['a NUL in a planning', 'dossier.update', { number: 4, patch: { planning: 'Q3\u0000' } }, 'invalid_input', 'patch.planning', /control characters/],
  ['a plain http link', 'dossier.create', { ...newDossier, link: 'http://wiki.eherkenning.nl/x/1' }, 'invalid_input', 'link', /https:\/\//],
  ['a link to an unknown dossier', 'actiepunt.linkDossier', { number: 2, dossier: 77 }, 'not_found', 'dossier', /no dossier 77/],
  ['an actiepunt linked to an unknown dossier on creation', 'actiepunt.create', { text: 'Punt', dossier: 77 }, 'not_found', 'dossier', /no dossier 77/],
  ['an unknown status', 'actiepunt.setStatus', { number: 2, status: 'klaar' }, 'invalid_input', 'status', /must be one of: open/],
  ['a rank without the priority mark', 'dossier.setPriority', { number: 4, priority: false, rank: 2 }, 'invalid_input', 'rank', /only a priority dossier/],
  ['a ranking with a dossier twice', 'dossier.reorderPriorities', { numbers: [4, 5, 4] }, 'invalid_input', 'numbers.2', /listed twice/],
  ['a ranking with an unknown dossier', 'dossier.reorderPriorities', { numbers: [4, 99] }, 'not_found', 'numbers.1', /no dossier 99/],
  ['a deadline of an unknown kind', 'actiepunt.update', { number: 6, patch: { deadline: { kind: 'soon' } } }, 'invalid_input', 'patch.deadline.kind', /kind/],
  ['no input object at all', 'dossier.get', 'vier', 'invalid_input', undefined, /^input: /],
  ['an unknown call', 'dossier.delete', { number: 4 }, 'unknown_call', undefined, /no call named 'dossier.delete'/],
];

describe('bad input', () => {
  let r: TestRegister;
  let pristine: ReturnType<typeof dumpRegister>;
  beforeAll(() => {
    r = seededRegister();
    pristine = dumpRegister(r.reg);
  });
  afterAll(() => r.close());

  it.each(CASES)('refuses %s with a clear error and changes nothing', (_what, name, input, code, field, message) => {
    const result = r.api.invoke(name, input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(message);
    expect(dumpRegister(r.reg)).toEqual(pristine);
  });

  it('rolls back a call that fails half-way (a ranking where a later dossier is not a priority)', () => {
    r.call('dossier.create', { number: 40, title: 'Zonder prioriteit', phase: { phase: 'nieuw' } });
    const before = dumpRegister(r.reg);
    // Dossier 4 would be ranked first before dossier 40 is found not to be a priority.
    expect(r.api.invoke('dossier.reorderPriorities', { numbers: [4, 40] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'numbers.1' },
    });
    expect(dumpRegister(r.reg)).toEqual(before);
  });

  it('rolls back a creation whose later step fails (the dossier row is inserted before the ambitions are checked)', () => {
    const before = dumpRegister(r.reg);
    expect(r.api.invoke('dossier.create', { title: 'Half', phase: { phase: 'nieuw' }, ambitions: ['nope'] })).toMatchObject({ ok: false });
    expect(dumpRegister(r.reg)).toEqual(before);
  });

  it('keeps tab, newline, emoji, accents and right-to-left text that a user may type', () => {
    const text = 'Eerste regel\n\tingesprongen: café ✓ 🇳🇱 — שלום עולם';
    r.call('dossier.update', { number: 4, patch: { description: text } });
    expect(r.call('dossier.get', { number: 4 }).description).toBe(text);
    r.call('dossier.update', { number: 4, patch: { description: 'windows\r\nregeleinde' } });
    expect(r.call('dossier.get', { number: 4 }).description).toBe('windows\nregeleinde');
  });
});
