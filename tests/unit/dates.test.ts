// Dates as the secretariat types and reads them: dd-mm-jjjj in, ISO in the register.
import { describe, expect, it } from 'vitest';
import { formatDutchDate, parseDutchDate } from '../../shared/dates';

describe('parseDutchDate', () => {
  it('reads dd-mm-jjjj with dashes, slashes or dots and single digits, and ISO dates', () => {
    expect(parseDutchDate('30-11-2026')).toBe('2026-11-30');
    expect(parseDutchDate(' 1-2-2026 ')).toBe('2026-02-01');
    expect(parseDutchDate('01/02/2026')).toBe('2026-02-01');
    expect(parseDutchDate('1.2.2026')).toBe('2026-02-01');
    expect(parseDutchDate('2026-02-01')).toBe('2026-02-01');
  });

  it('refuses what is no real date or is ambiguous', () => {
    for (const text of ['30-02-2026', '31-04-2026', '0-1-2026', '1-13-2026', '30-11-26', '2026/11/30', 'morgen', '', '11-30-2026']) {
      expect(parseDutchDate(text), text).toBeNull();
    }
  });

  it('round-trips with the way the annexes write dates', () => {
    expect(parseDutchDate(formatDutchDate('2024-01-01'))).toBe('2024-01-01');
    // A date typed without its leading zeros, as the jaarplan's own text writes it, reads the same.
    expect(parseDutchDate('1-1-2024')).toBe('2024-01-01');
  });
});
