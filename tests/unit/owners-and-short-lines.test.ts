// Owners as one line and back, and a text's short line (issue 14): the actiepunt panel showed
// "Logius/Voorzitter/Secretaris" for the owners Logius and Voorzitter/Secretaris, and saving that
// field unchanged made three owners of two; the "Actiepunt koppelen" options were cut at 60
// characters without saying so.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { joinOwners, ownersForEditing, parseOwners } from '../../shared/owners';
import { shortLine } from '../../shared/text';
import { formatOwners } from '../../shared/report/bijlage2-model';

describe('owners as a line', () => {
  it('writes slashes between plain owners and "; " when an owner holds a slash', () => {
    expect(joinOwners(['Logius', 'BZK'])).toBe('Logius/BZK');
    expect(joinOwners(['Logius', 'Voorzitter/Secretaris'])).toBe('Logius; Voorzitter/Secretaris');
    expect(formatOwners([])).toBe('-');
    expect(formatOwners(['Logius', 'Voorzitter/Secretaris'])).toBe('Logius; Voorzitter/Secretaris');
  });

  it('reads back what it wrote, so a field saved unchanged keeps its owners', () => {
    expect(parseOwners('Logius; Voorzitter/Secretaris')).toEqual(['Logius', 'Voorzitter/Secretaris']);
    expect(parseOwners(' Logius / BZK /')).toEqual(['Logius', 'BZK']);
    expect(ownersForEditing(['Voorzitter/Secretaris'])).toBe('Voorzitter/Secretaris;');
    expect(parseOwners('Voorzitter/Secretaris;')).toEqual(['Voorzitter/Secretaris']);
    const owner = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[;\n]/g, '').trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(owner, { maxLength: 5 }), (owners) => {
        // A name made only of slashes or with one at an end is not one a person types; trim as the field does.
        fc.pre(owners.every((o) => !o.startsWith('/') && !o.endsWith('/') && o.replace(/\//g, '').trim() !== '' && !/\s\/|\/\s/.test(o)));
        expect(parseOwners(ownersForEditing(owners))).toEqual(owners);
      }),
      { numRuns: 500 },
    );
  });
});

describe('a short line', () => {
  it('keeps a short first line, and says with "…" that more follows', () => {
    expect(shortLine('Vragen rond identificatie', 60)).toBe('Vragen rond identificatie');
    expect(shortLine('Change & Release Proces:\n- Het TB meer invloed', 60)).toBe('Change & Release Proces: …');
  });

  it('cuts a long line at a word, within the limit, ending in "…"', () => {
    const line = shortLine('Change & Release Proces (eveneens een dossier. Dit zijn de bespreek en aandachtspunten in het TB)', 60);
    expect(line.length).toBeLessThanOrEqual(60);
    expect(line).toBe('Change & Release Proces (eveneens een dossier. Dit zijn de…');
    expect(shortLine('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('a priority mark', () => {
  it('reads the same on the board and in the table (the board wrote ★1, the table ★ 1)', async () => {
    const { priorityMark } = await import('../../shared/text');
    expect(priorityMark({ priority: true, priorityRank: 1 })).toBe('★ 1');
    expect(priorityMark({ priority: true, priorityRank: null })).toBe('★');
    expect(priorityMark({ priority: false, priorityRank: null })).toBe('');
  });
});
