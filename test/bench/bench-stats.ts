// Figures for benchmarks: medians and percentiles, printed as one line each.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(name: string, samples: readonly number[], unit = 'ms'): string {
  const f = (n: number) => n.toFixed(1);
  return `${name}: median ${f(percentile(samples, 50))} ${unit}, p95 ${f(percentile(samples, 95))} ${unit}, min ${f(Math.min(...samples))} ${unit}, max ${f(Math.max(...samples))} ${unit} (n=${samples.length})`;
}
