// The change history in words (review of issue 14): it showed "meeting.decidePriorities",
// "agenda_item_id: – → 13" and "author_role: – → secretaris". Every edit call has a name in both
// languages, and every column an audit row of a real meeting's outcome holds is named or left out.
import { describe, expect, it } from 'vitest';
import { auditName, auditShown, describeCall } from '../../shared/i18n';
import { EDIT_CALLS } from '../soak/fuzz-calls';
import { seededRegister } from '../support/register';

describe('the change history in words', () => {
  it('names every call that changes the register, in Dutch and English', () => {
    for (const call of EDIT_CALLS) {
      expect(describeCall('nl', call, null), call).not.toBe(call);
      expect(describeCall('en', call, null), call).not.toBe(call);
    }
  });

  it('shows a dossier decided on in a meeting without a column name or an internal id', () => {
    const r = seededRegister();
    const m = r.call('meeting.create', { date: '2026-11-30', kind: 'regulier' });
    r.call('meeting.setState', { number: m.number, state: 'agenda_vastgesteld' });
    r.call('meeting.setState', { number: m.number, state: 'in_vergadering' });
    const item = m.items.at(-1)!;
    r.call('meeting.decidePriorities', { item: item.id, ranked: [4, 2] });
    const shown = r
      .call('dossier.audit', { number: 4 })
      .flatMap((e) => [describeCall('nl', e.call, e.item), auditName('nl', e.table), ...e.changes.filter((c) => auditShown(c.field)).map((c) => auditName('nl', c.field))]);
    expect(shown).toContain('Prioriteiten vastgesteld');
    for (const words of shown) expect(words, words).not.toMatch(/[a-z]+[._][a-zA-Z_]+/);
    r.close();
  });
});
