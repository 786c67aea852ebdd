// Short forms of the register's texts for places with room for one line (a select's options).

/**
 * The first line of `text`, cut to at most `max` characters at a word where one is near, with "…"
 * when anything was left out (an option read "Change & Release Proces (eveneens een dossier. Dit
 * zijn de" without saying it went on, issue 14).
 */
export function shortLine(text: string, max: number): string {
  const lines = text.trim().split('\n');
  const first = lines[0]!.trim();
  if (first.length <= max) return lines.length > 1 ? `${first} …` : first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A dossier's priority as the table and the board mark it: "★ 1" ranked, "★" without a rank, "" without priority. */
export const priorityMark = (d: { priority: boolean; priorityRank: number | null }): string =>
  d.priority ? (d.priorityRank !== null ? `★ ${d.priorityRank}` : '★') : '';
