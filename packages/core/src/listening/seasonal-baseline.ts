/**
 * The expected count of a time bucket from its own history: the same time of day on earlier
 * days (a day/night cycle), adjusted by weekday once two weeks are known, and a score that
 * treats counts as counts (Poisson), so that flat noise stays quiet and a burst at night —
 * small next to the day, huge next to other nights — is seen.
 */

/** One closed bucket in a scope's history. @internal */
export interface HistoryPoint {
  start: number;
  value: number;
  /** Local calendar day, `YYYY-MM-DD` in the monitor's time zone. */
  day: string;
  /** Local time of day in minutes (the bucket's start). */
  minuteOfDay: number;
  /** Local weekday, 0 = Sunday. */
  weekday: number;
  /** Anscombe residual against its own time-of-day baseline, when it had one: pooled into the scale of later buckets. */
  residual?: number;
}

/** How a bucket's expected count was found. @internal */
export interface Expectation {
  expected: number;
  /** Divides the Anscombe difference: estimate uncertainty and extra-Poisson spread. */
  scale: number;
  method: 'time-of-day' | 'time-of-day×weekday' | 'rolling';
  samples: number;
}

/** Settings of {@link expectCount}. @internal */
export interface BaselineSettings {
  /** Same-time-of-day samples used (days back). */
  days: number;
  /** Fewest same-time samples for the seasonal baseline. */
  minDays: number;
  /** Weeks of daily totals for weekday factors (used once 14 complete days are known). */
  weeks: number;
  /** Rolling fallback: previous buckets used and fewest needed. */
  window: number;
  minBaseline: number;
  /** Whether the bucket length divides a day (else only the rolling baseline applies). */
  seasonal: boolean;
}

/** Fewest residuals (all times of day) for {@link pooledSpread}; below it, the same-time samples' own spread is used. */
const MIN_POOLED = 48;

/** Anscombe's transform: for Poisson counts, 2√(x + 3/8) has variance ≈ 1 at every mean. */
export const anscombe = (count: number): number => 2 * Math.sqrt(count + 0.375);

/** Mean of the middle values: the top and bottom fifth (rounded down) are left out, so a past burst does not become the norm. */
function trimmedMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 5);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((sum, value) => sum + value, 0) / kept.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Robust spread (1.4826 × MAD) of values that should have spread ≈ 1. */
function robustSpread(values: number[]): number {
  const center = median(values);
  return 1.4826 * median(values.map((value) => Math.abs(value - center)));
}

/** Weekday factors (median daily total on that weekday ÷ median daily total), or undefined before 14 complete days. */
function weekdayFactors(history: readonly HistoryPoint[], today: string, bucketsPerDay: number, weeks: number): number[] | undefined {
  const totals = new Map<string, { total: number; buckets: number; weekday: number }>();
  for (const point of history) {
    if (point.day === today) continue;
    const entry = totals.get(point.day) ?? { total: 0, buckets: 0, weekday: point.weekday };
    entry.total += point.value;
    entry.buckets += 1;
    totals.set(point.day, entry);
  }
  const complete = [...totals.entries()]
    .filter(([, entry]) => entry.buckets === bucketsPerDay)
    .sort((a, b) => (a[0] < b[0] ? 1 : -1))
    .slice(0, weeks * 7)
    .map(([, entry]) => entry);
  if (complete.length < 14) return undefined;
  // Medians: one burst of 600 mentions on a Friday must not make every later Friday "quiet".
  const overall = median(complete.map((entry) => entry.total));
  if (overall <= 0) return undefined;
  return Array.from({ length: 7 }, (_, weekday) => {
    const same = complete.filter((entry) => entry.weekday === weekday);
    if (same.length === 0) return 1;
    // Bounded: a weekday with almost nothing must not make every later bucket an alarm.
    return Math.min(5, Math.max(0.2, median(same.map((entry) => entry.total)) / overall));
  });
}

/** Weekday factors leave today out, so they change only when the local day does: once per history and day. */
const factorCache = new WeakMap<readonly HistoryPoint[], { day: string; factors: number[] | undefined }>();
function cachedWeekdayFactors(history: readonly HistoryPoint[], today: string, bucketsPerDay: number, weeks: number): number[] | undefined {
  const cached = factorCache.get(history);
  if (cached?.day === today) return cached.factors;
  const factors = weekdayFactors(history, today, bucketsPerDay, weeks);
  factorCache.set(history, { day: today, factors });
  return factors;
}

/**
 * The spread of the seasonal residuals of the last `days` days, every time of day pooled, or
 * `undefined` while fewer than 48 are known. Extra-Poisson spread is a property of the series,
 * not of one hour: pooled over ~336 residuals it is stable, while the spread of 14 same-hour
 * samples alone swings by ±45 % — and a chance high one hid night bursts.
 * @internal
 */
export function pooledSpread(history: readonly HistoryPoint[], bucketsPerDay: number, settings: BaselineSettings): number | undefined {
  const residuals = history
    .slice(-settings.days * bucketsPerDay)
    .flatMap((point) => (point.residual === undefined ? [] : [point.residual]));
  return residuals.length >= MIN_POOLED ? robustSpread(residuals) : undefined;
}

/**
 * The expected count of `bucket` from `history` (closed buckets of the same scope, oldest
 * first), or `undefined` while there is too little history. `pooled` is {@link pooledSpread}
 * of the history, when known.
 * @internal
 */
export function expectCount(
  history: readonly HistoryPoint[],
  bucket: Omit<HistoryPoint, 'value'>,
  bucketsPerDay: number,
  settings: BaselineSettings,
  pooled?: number,
): Expectation | undefined {
  if (settings.seasonal) {
    const sameTime = history.filter((point) => point.minuteOfDay === bucket.minuteOfDay && point.day !== bucket.day).slice(-settings.days);
    if (sameTime.length >= settings.minDays) {
      const factors = cachedWeekdayFactors(history, bucket.day, bucketsPerDay, settings.weeks);
      const factorOf = (weekday: number) => factors?.[weekday] ?? 1;
      // Each sample deseasonalised by its weekday, the estimate re-seasonalised for this one.
      const level = trimmedMean(sameTime.map((point) => point.value / factorOf(point.weekday)));
      const expected = level * factorOf(bucket.weekday);
      const estimate = Math.sqrt(1 + 1 / sameTime.length);
      const scale =
        pooled !== undefined
          ? Math.max(estimate, pooled)
          : Math.max(1, robustSpread(sameTime.map((point) => anscombe(point.value) - anscombe(level * factorOf(point.weekday))))) *
            estimate;
      return {
        expected,
        scale,
        method: factors === undefined ? 'time-of-day' : 'time-of-day×weekday',
        samples: sameTime.length,
      };
    }
  }
  const recent = history.slice(-settings.window);
  if (recent.length < settings.minBaseline) return undefined;
  const values = recent.map((point) => point.value);
  const expected = trimmedMean(values);
  const spread = Math.max(1, robustSpread(values.map(anscombe)));
  return { expected, scale: spread * Math.sqrt(1 + 1 / values.length), method: 'rolling', samples: values.length };
}

/**
 * Robust score of `value` against `expectation`: the difference of Anscombe transforms over
 * the scale (≈ a standard normal score for Poisson counts, at any mean).
 * @internal
 */
export function countScore(value: number, expectation: Expectation): number {
  return (anscombe(value) - anscombe(expectation.expected)) / expectation.scale;
}
