/** The p-quantile (0 < p ≤ 1) of ascending values, by nearest rank; NaN for no values. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
