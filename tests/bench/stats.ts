// Summaries of repeated timings: the machines are shared and noisy, so every figure is a median
// and a p95 of several runs, and comparisons are ratios within one run.

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Nearest-rank percentile of samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Timing {
  return { runs: samples.length, medianMs: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), minMs: round(Math.min(...samples)) };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function time(fn: () => unknown, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** This process's peak resident set so far, in MB. */
export const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

export const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;
