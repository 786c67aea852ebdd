// Hybrid logical clocks (Kulkarni et al., 2014): a timestamp that follows the wall clock where it
// can and never runs backwards, so every change of every laptop has a place in one order, even
// when a laptop's clock is wrong. Written as "<ms, 13 digits>.<counter, 5 digits>.<device>", so
// comparing two as strings compares them as clocks (until the year 2286).

export type Hlc = string;

export interface HlcParts {
  ms: number;
  counter: number;
  device: string;
}

const PATTERN = /^(\d{13})\.(\d{5})\.([0-9a-z-]{1,64})$/;

export const formatHlc = ({ ms, counter, device }: HlcParts): Hlc =>
  `${String(ms).padStart(13, '0')}.${String(counter).padStart(5, '0')}.${device}`;

export function parseHlc(hlc: string): HlcParts | null {
  const match = PATTERN.exec(hlc);
  return match ? { ms: Number(match[1]), counter: Number(match[2]), device: match[3]! } : null;
}

export const isHlc = (value: unknown): value is Hlc => typeof value === 'string' && parseHlc(value) !== null;

/** The clock of a new local change: after the last one given or seen, and not before the wall clock. */
export function nextHlc(last: Hlc | '', wallMs: number, device: string): Hlc {
  const previous = last ? parseHlc(last) : null;
  if (!previous || wallMs > previous.ms) return formatHlc({ ms: wallMs, counter: 0, device });
  // A full counter moves the clock on a millisecond instead (only a frozen clock gets there).
  if (previous.counter >= 99_999) return formatHlc({ ms: previous.ms + 1, counter: 0, device });
  return formatHlc({ ms: previous.ms, counter: previous.counter + 1, device });
}

/** The clock after seeing a remote one: the later of the two (a later local change then sorts after it). */
export const seenHlc = (last: Hlc | '', remote: Hlc): Hlc => (remote > last ? remote : last);

export const hlcMs = (hlc: Hlc): number => parseHlc(hlc)?.ms ?? 0;

/**
 * No clock this version accepts from a file reaches this (the year 2255): thirteen digits must stay
 * enough for every clock after it, or every file made afterwards would be refused.
 */
export const MAX_HLC_MS = 9_000_000_000_000;
