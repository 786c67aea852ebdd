// The benchmark's one table, as Markdown (so the README can show it as printed), with each
// figure checked against its target from issue 6.
import type { Timing } from './stats';

export interface Target {
  /** The median must be under this. */
  ms?: number;
  /** The p95 must be under this. */
  p95Ms?: number;
  rssMb?: number;
  /** ours / bare (medians) at most this. */
  vsBare?: number;
  /** A count at most this. */
  count?: number;
}

export interface Row {
  what: string;
  size: number;
  timing?: Timing;
  rssMb?: number;
  vsBare?: number | null;
  scaling?: number | null;
  count?: number;
  note?: string;
  target?: Target;
}

function targetText(t: Target): string {
  return [
    t.ms !== undefined ? `< ${t.ms >= 1000 ? `${t.ms / 1000} s` : `${t.ms} ms`}` : '',
    t.p95Ms !== undefined ? `p95 < ${t.p95Ms} ms` : '',
    t.rssMb !== undefined ? `< ${t.rssMb} MB` : '',
    t.vsBare !== undefined ? `≤ ${t.vsBare}× bare` : '',
    t.count !== undefined ? `≤ ${t.count}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function meets(row: Row): boolean | null {
  const t = row.target;
  if (!t) return null;
  const checks = [
    t.ms === undefined || (row.timing !== undefined && row.timing.medianMs < t.ms),
    t.p95Ms === undefined || (row.timing !== undefined && row.timing.p95Ms < t.p95Ms),
    t.rssMb === undefined || (row.rssMb !== undefined && row.rssMb < t.rssMb),
    t.vsBare === undefined || (row.vsBare !== undefined && row.vsBare !== null && row.vsBare <= t.vsBare),
    t.count === undefined || (row.count !== undefined && row.count <= t.count),
  ];
  return checks.every(Boolean);
}

const ms = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : v >= 10 ? `${v.toFixed(0)} ms` : `${v.toFixed(2)} ms`);

export function formatTable(rows: readonly Row[]): string {
  const head = ['Measure', 'Dossiers', 'Median', 'p95', 'Peak RSS', 'vs bare', 't(5,000)/t(500)', 'Target', 'Met', 'Notes'];
  const lines = rows.map((r) => {
    const met = meets(r);
    return [
      r.what,
      r.size.toLocaleString('en-US'),
      r.timing ? ms(r.timing.medianMs) : r.count !== undefined ? String(r.count) : '',
      r.timing ? ms(r.timing.p95Ms) : '',
      r.rssMb !== undefined ? `${r.rssMb} MB` : '',
      r.vsBare != null ? `${r.vsBare.toFixed(2)}×` : '',
      r.scaling != null ? `${r.scaling.toFixed(1)}×` : '',
      r.target ? targetText(r.target) : '',
      met === null ? '' : met ? 'yes' : '**no**',
      r.note ?? '',
    ];
  });
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(head), row(head.map(() => '---')), ...lines.map(row)].join('\n');
}
