// The meeting mode's pure parts: the deadline as the chair types it.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../renderer/meeting-mode/deadline';

describe('a deadline typed in the meeting mode', () => {
  it('takes a date, a period from the meeting, or the next meeting', () => {
    expect(parseDeadline('15-01-2027', '2026-11-30')).toEqual({ kind: 'date', date: '2027-01-15' });
    expect(parseDeadline('1-2-2027', '2026-11-30')).toEqual({ kind: 'date', date: '2027-02-01' });
    expect(parseDeadline('+6w', '2026-11-30')).toEqual({ kind: 'date', date: '2027-01-11' });
    expect(parseDeadline('+ 10d', '2026-11-30')).toEqual({ kind: 'date', date: '2026-12-10' });
    expect(parseDeadline('+1m', '2027-01-31')).toEqual({ kind: 'date', date: '2027-02-28' });
    expect(parseDeadline('volgende TB', '2026-11-30')).toEqual({ kind: 'text', text: 'Volgende TB' });
    expect(parseDeadline('  ', '2026-11-30')).toBeNull();
  });

  it('says so when it is none of those, instead of guessing', () => {
    // Written as a date that does not exist: told so, not asked to type a date (review).
    expect(parseDeadline('31-02-2027', '2026-11-30')).toBe('no-such-date');
    expect(parseDeadline('morgen', '2026-11-30')).toBe('invalid');
    expect(parseDeadline('+6j', '2026-11-30')).toBe('invalid');
  });
});
