/**
 * Median of the values (mean of the two middle values for an even count); `null` when empty.
 *
 * @example
 * ```ts
 * median([3, 1, 4, 2]); // 2.5
 * ```
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Nearest-rank percentile: the value at rank `⌈p × n⌉` of the sorted values (p in 0..1);
 * always one of the inputs. `null` when empty.
 *
 * @example
 * ```ts
 * percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9); // 90
 * ```
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * Median absolute deviation from the median; `null` when empty.
 *
 * @example
 * ```ts
 * medianAbsoluteDeviation([1, 2, 3, 4, 100]); // median 3, deviations 2,1,0,1,97 → 1
 * ```
 */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const center = median(values);
  if (center === null) return null;
  return median(values.map((value) => Math.abs(value - center)));
}

/**
 * Arithmetic mean; `null` when empty.
 *
 * @example
 * ```ts
 * mean([10, 30, 120, 300]); // 115
 * ```
 */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
