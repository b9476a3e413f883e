import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { InstantSchema, TimeZoneSchema, parseWithSchema, type MetricSnapshot } from '../model/index.js';
import { engagementRate, type EngagementOptions } from './engagement.js';
import { mean } from './statistics.js';

/** An ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One published post of the account and its (latest) metrics. */
export interface PublishedPostMetrics {
  /** When it was published (ISO-8601 UTC). */
  publishedAt: string;
  snapshot: MetricSnapshot;
}

/** One weekday × hour cell of the heatmap. */
export interface HeatmapCell {
  weekday: IsoWeekday;
  /** Local hour 0–23. */
  hour: number;
  /** Posts published in this local hour that have a score. */
  samples: number;
  /** Mean score of those posts; `null` when there are none. */
  score: number | null;
  /** `samples ≥ minSamples`: only confident cells are suggested. */
  confident: boolean;
}

/** Weekday × hour heatmap of an account's own history. */
export interface BestTimeHeatmap {
  timeZone: string;
  /** What the score is (`'engagementRate:reach'`, or `'custom'`). */
  scoredBy: string;
  minSamples: number;
  /** 168 cells, Monday 00:00 first, Sunday 23:00 last. */
  cells: HeatmapCell[];
}

/** A weekly slot the calendar's queue can take. */
export interface SuggestedSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: IsoWeekday;
  /** Local time `'HH:MM'` in the heatmap's zone (the start of the hour). */
  time: string;
  score: number;
  samples: number;
}

/** Options of {@link bestTimeHeatmap}. */
export interface BestTimeOptions extends EngagementOptions {
  /** The account's IANA zone; posts are placed by their local weekday and hour. */
  timeZone: string;
  /** An engagement-rate denominator (default `'impressions'`) or your own score of a post. */
  score?: 'reach' | 'impressions' | 'views' | ((snapshot: MetricSnapshot) => number | null);
  /** Posts a cell needs before it is `confident` (default 3). */
  minSamples?: number;
}

const OptionsSchema = z.object({
  timeZone: TimeZoneSchema,
  score: z
    .union(
      [
        z.enum(['reach', 'impressions', 'views']),
        z.custom<(snapshot: MetricSnapshot) => number | null>((value) => typeof value === 'function'),
      ],
      {
        error: "must be 'reach', 'impressions', 'views' or a function of a snapshot",
      },
    )
    .optional(),
  minSamples: z.number().int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }).optional(),
  interactions: z.array(z.string()).optional(),
});
const PostsSchema = z.array(z.object({ publishedAt: InstantSchema, snapshot: z.object({ metrics: z.record(z.string(), z.unknown()) }) }));

/**
 * Best time to post: every post of the account is placed in its **local weekday × hour of
 * publication** (in `timeZone`), scored (default: engagement rate by impressions), and each
 * cell gets the **mean score of its posts**. Cells with fewer than `minSamples` posts are not
 * `confident` and are never suggested. Posts without a score are left out.
 *
 * @example
 * ```ts
 * const heatmap = bestTimeHeatmap(posts, { timeZone: 'Europe/Bucharest', score: 'reach', minSamples: 3 });
 * suggestSlots(heatmap, 3); // [{ weekday: 2, time: '09:00', score: 0.051, samples: 4 }, …]
 * ```
 */
export function bestTimeHeatmap(posts: readonly PublishedPostMetrics[], options: BestTimeOptions): BestTimeHeatmap {
  parseWithSchema(PostsSchema, posts, 'bestTimeHeatmap posts');
  const { timeZone, score = 'impressions', minSamples = 3 } = parseWithSchema(OptionsSchema, options, 'bestTimeHeatmap options');
  const scoreOf =
    typeof score === 'function'
      ? score
      : (snapshot: MetricSnapshot) => engagementRate(snapshot, { by: score, interactions: options.interactions });
  const values: number[][] = Array.from({ length: 168 }, () => []);
  for (const post of posts) {
    const value = scoreOf(post.snapshot);
    if (value === null || !Number.isFinite(value)) continue;
    const local = Temporal.Instant.from(post.publishedAt).toZonedDateTimeISO(timeZone);
    values[(local.dayOfWeek - 1) * 24 + local.hour]!.push(value);
  }
  const cells = values.map((cellValues, index) => ({
    weekday: (Math.floor(index / 24) + 1) as IsoWeekday,
    hour: index % 24,
    samples: cellValues.length,
    score: mean(cellValues),
    confident: cellValues.length >= minSamples,
  }));
  return { timeZone, scoredBy: typeof score === 'function' ? 'custom' : `engagementRate:${score}`, minSamples, cells };
}

/**
 * The `n` best confident cells of a heatmap as weekly slots `{ weekday, time: 'HH:MM' }`
 * (ISO weekday, Monday = 1; local time in the heatmap's zone) — the shape the calendar's
 * queue takes. Highest score first; ties go to the cell with more samples, then the earlier
 * slot in the week. Fewer than `n` when fewer cells are confident.
 *
 * @example
 * ```ts
 * suggestSlots(heatmap, 2); // [{ weekday: 2, time: '09:00', … }, { weekday: 4, time: '18:00', … }]
 * ```
 */
export function suggestSlots(heatmap: BestTimeHeatmap, n: number): SuggestedSlot[] {
  parseWithSchema(
    z.number().int({ error: 'must be a whole number of slots' }).nonnegative({ error: 'must be 0 or more' }),
    n,
    'suggestSlots n',
  );
  return heatmap.cells
    .filter((cell): cell is HeatmapCell & { score: number } => cell.confident && cell.score !== null)
    .sort((a, b) => b.score - a.score || b.samples - a.samples || a.weekday - b.weekday || a.hour - b.hour)
    .slice(0, n)
    .map((cell) => ({ weekday: cell.weekday, time: `${String(cell.hour).padStart(2, '0')}:00`, score: cell.score, samples: cell.samples }));
}
