import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { DurationMsSchema, InstantSchema, TimeZoneSchema, parseWithSchema } from '../model/index.js';
import { mean, median } from './statistics.js';

/** Input of {@link postingConsistency}. */
export interface PostingConsistencyInput {
  /** When posts were published (ISO-8601 UTC). Posts outside `range` are ignored. */
  publishedAt: readonly string[];
  /** The planned gap between posts in ms (e.g. `86_400_000` for one a day). */
  plannedGapMs: number;
  /** The period judged; `end` exclusive. */
  range: { start: string; end: string };
  /** A gap longer than `plannedGapMs × (1 + tolerance)` counts as a missed slot (default 0.5). */
  tolerance?: number;
  /** IANA zone of the plan (default `'UTC'`): a gap of whole days counts local days, so a DST week is still 7 days. */
  timeZone?: string;
}

/** How regularly an account posted against its plan. */
export interface PostingConsistency {
  posts: number;
  /** `⌊local days in range ÷ gap in days⌋` for a gap of whole days, else `⌊range length ÷ plannedGapMs⌋`. */
  expectedPosts: number;
  /** `min(posts, expected) ÷ expected`, 0..1; `null` when nothing was expected. */
  adherence: number | null;
  /** Gaps between consecutive posts, in ms, oldest first. */
  gaps: number[];
  meanGapMs: number | null;
  medianGapMs: number | null;
  longestGapMs: number | null;
  /** Gaps longer than `plannedGapMs × (1 + tolerance)`. */
  longGaps: Array<{ from: string; to: string; gapMs: number }>;
  /** Coefficient of variation of the gaps (population std ÷ mean); 0 = perfectly even. `null` with fewer than 2 gaps. */
  gapVariation: number | null;
}

const InputSchema = z.object({
  publishedAt: z.array(InstantSchema),
  plannedGapMs: DurationMsSchema.refine((value) => value > 0, { error: 'must be more than 0 ms' }),
  range: z
    .object({ start: InstantSchema, end: InstantSchema })
    .refine((range) => range.start < range.end, { path: ['end'], error: 'must be after range.start' }),
  tolerance: z.number().nonnegative({ error: 'must be 0 or more' }).optional(),
  timeZone: TimeZoneSchema.optional(),
});

/**
 * Posting consistency against a planned cadence: posts vs. expected (for a gap of whole days,
 * the range's **local days in the plan's zone** ÷ the gap in days: a week across a DST change
 * lasts 167 or 169 hours and still expects 7 daily posts), **adherence =
 * min(posts, expected) ÷ expected**, the gaps between consecutive posts, the gaps longer than
 * the plan allows, and the **coefficient of variation of the gaps** (std ÷ mean).
 *
 * @example
 * ```ts
 * postingConsistency({ publishedAt, plannedGapMs: 86_400_000, range: { start, end } });
 * // { posts: 5, expectedPosts: 7, adherence: 0.714…, longGaps: [{ from, to, gapMs: 259_200_000 }], … }
 * ```
 */
export function postingConsistency(input: PostingConsistencyInput): PostingConsistency {
  const {
    publishedAt,
    plannedGapMs,
    range,
    tolerance = 0.5,
    timeZone = 'UTC',
  } = parseWithSchema(InputSchema, input, 'postingConsistency input');
  const startMs = Date.parse(range.start);
  const endMs = Date.parse(range.end);
  const times = publishedAt
    .map((at) => Date.parse(at))
    .filter((at) => at >= startMs && at < endMs)
    .sort((a, b) => a - b);
  const expectedPosts =
    plannedGapMs % DAY_MS === 0
      ? Math.floor(localDays(startMs, endMs, timeZone) / (plannedGapMs / DAY_MS) + 1e-9)
      : Math.floor((endMs - startMs) / plannedGapMs);
  const gaps: number[] = [];
  const longGaps: PostingConsistency['longGaps'] = [];
  for (let index = 1; index < times.length; index += 1) {
    const gap = times[index]! - times[index - 1]!;
    gaps.push(gap);
    if (gap > plannedGapMs * (1 + tolerance)) {
      longGaps.push({ from: new Date(times[index - 1]!).toISOString(), to: new Date(times[index]!).toISOString(), gapMs: gap });
    }
  }
  const meanGap = mean(gaps);
  let gapVariation: number | null = null;
  if (gaps.length >= 2 && meanGap !== null && meanGap > 0) {
    const variance = gaps.reduce((sum, gap) => sum + (gap - meanGap) ** 2, 0) / gaps.length;
    gapVariation = Math.sqrt(variance) / meanGap;
  }
  return {
    posts: times.length,
    expectedPosts,
    adherence: expectedPosts > 0 ? Math.min(times.length, expectedPosts) / expectedPosts : null,
    gaps,
    meanGapMs: meanGap,
    medianGapMs: median(gaps),
    longestGapMs: gaps.length === 0 ? null : Math.max(...gaps),
    longGaps,
    gapVariation,
  };
}

const DAY_MS = 86_400_000;

// Length of [start, end) in local calendar days of the zone (fractional; a 23-hour DST day counts as 1).
function localDays(startMs: number, endMs: number, timeZone: string): number {
  const start = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(timeZone);
  const end = Temporal.Instant.fromEpochMilliseconds(endMs).toZonedDateTimeISO(timeZone);
  return start.until(end, { largestUnit: 'days' }).total({ unit: 'days', relativeTo: start });
}
