// Long texts edited on two laptops: a three-way merge by lines (node-diff3, the diff3 of GNU
// diffutils' kind), taken only where it is clean. The older edit (by clock) is always the first
// side, so every copy that merges the same two edits writes the same text.
import { diff3Merge } from 'node-diff3';

/** Whether a field's values are texts a line merge can work on: strings, at least one of several lines. */
export const isLongText = (...values: unknown[]): boolean => values.every((v) => typeof v === 'string') && values.some((v) => (v as string).includes('\n'));

/** The clean merge of `older` and `newer`, both edited from `base`; null where both changed the same lines. */
export function mergeLines(base: string, older: string, newer: string): string | null {
  const regions = diff3Merge(older.split('\n'), base.split('\n'), newer.split('\n'), { excludeFalseConflicts: true });
  const lines: string[] = [];
  for (const region of regions) {
    if (region.conflict) return null;
    lines.push(...(region.ok ?? []));
  }
  return lines.join('\n');
}
