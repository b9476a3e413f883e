import { z } from 'zod';
import { DurationMsSchema, parseWithSchema, type Mention } from '../model/index.js';
import { businessMillisBetween, parseBusinessHours, type BusinessHours } from './business-hours.js';
import { safeRatio } from './metric-values.js';
import { mean, median, percentile } from './statistics.js';

/** The brand's answer to a mention: which item it answers, and when it was sent. */
export interface ReplyEvent {
  /** The `id` of the mention answered. */
  inReplyToId: string;
  /** When the answer was published (ISO-8601 UTC). */
  createdAt: string;
}

/** Response-time statistics, in milliseconds; `null` when nothing was answered. */
export interface ResponseTimeStats {
  /** Mentions considered. */
  received: number;
  /** Of those, answered (within `within`, when given). */
  answered: number;
  mean: number | null;
  median: number | null;
  /** Nearest-rank 90th percentile. */
  p90: number | null;
  fastest: number | null;
  slowest: number | null;
}

/** Response times over all hours and over business hours. */
export interface ResponseTimeReport {
  allHours: ResponseTimeStats;
  /** Present when `businessHours` was given: only time inside opening hours counts. */
  businessHours?: ResponseTimeStats;
}

/** Input of {@link responseTimes} and {@link responseRate}. */
export interface ResponseTimeInput {
  /** What the brand received (mentions, replies, comments, messages, …). */
  mentions: readonly Mention[];
  /** The brand's answers. */
  replies: readonly ReplyEvent[];
  /** A weekly schedule in a zone; adds business-hours statistics. */
  businessHours?: BusinessHours;
  /** Only answers sent within this many ms (all hours) count as answered. */
  within?: number;
}

const InputSchema = z.object({
  mentions: z.array(z.custom<Mention>((value) => typeof value === 'object' && value !== null)),
  replies: z.array(
    z.object({
      inReplyToId: z.string().min(1, { error: 'must be the id of the mention answered' }),
      createdAt: z.iso.datetime({ offset: false, error: 'must be an ISO-8601 UTC instant' }),
    }),
  ),
  businessHours: z.unknown().optional(),
  within: DurationMsSchema.optional(),
});

interface Answered {
  receivedMs: number;
  answeredMs: number;
}

function pairAnswers(input: ResponseTimeInput): { received: number; answered: Answered[] } {
  const answerTimes = new Map<string, number[]>();
  for (const reply of input.replies) {
    const times = answerTimes.get(reply.inReplyToId) ?? [];
    times.push(Date.parse(reply.createdAt));
    answerTimes.set(reply.inReplyToId, times);
  }
  const seen = new Set<string>();
  const answered: Answered[] = [];
  let received = 0;
  for (const mention of input.mentions) {
    const key = `${mention.platform}\u0000${mention.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    received += 1;
    const receivedMs = Date.parse(mention.createdAt);
    // The earliest answer not before the mention (clock skew can date an answer earlier).
    let answeredMs = Infinity;
    for (const at of answerTimes.get(mention.id) ?? []) if (at >= receivedMs && at < answeredMs) answeredMs = at;
    if (answeredMs === Infinity) continue;
    if (input.within !== undefined && answeredMs - receivedMs > input.within) continue;
    answered.push({ receivedMs, answeredMs });
  }
  return { received, answered };
}

function stats(received: number, durations: number[]): ResponseTimeStats {
  return {
    received,
    answered: durations.length,
    mean: mean(durations),
    median: median(durations),
    p90: percentile(durations, 0.9),
    fastest: durations.length === 0 ? null : Math.min(...durations),
    slowest: durations.length === 0 ? null : Math.max(...durations),
  };
}

/**
 * Response time: for each mention, **first brand reply time − mention time** (the earliest
 * `ReplyEvent` whose `inReplyToId` is the mention's id and that is not before it). Reports
 * mean, median, nearest-rank p90, fastest and slowest in ms, over all hours and, with
 * `businessHours`, counting only time inside the weekly schedule in its zone (a question
 * received Friday 16:00 and answered Monday 10:00, open 09–17, took 2 business hours).
 * Unanswered mentions are not in the times; see {@link responseRate}.
 *
 * @example
 * ```ts
 * const { allHours, businessHours } = responseTimes({ mentions, replies, businessHours: hours });
 * allHours.median; // e.g. 5_400_000 (1.5 h)
 * ```
 */
export function responseTimes(input: ResponseTimeInput): ResponseTimeReport {
  parseWithSchema(InputSchema, input, 'responseTimes input');
  const hours = input.businessHours === undefined ? undefined : parseBusinessHours(input.businessHours);
  const { received, answered } = pairAnswers(input);
  const report: ResponseTimeReport = {
    allHours: stats(
      received,
      answered.map((pair) => pair.answeredMs - pair.receivedMs),
    ),
  };
  if (hours !== undefined) {
    report.businessHours = stats(
      received,
      answered.map((pair) => businessMillisBetween(pair.receivedMs, pair.answeredMs, hours)),
    );
  }
  return report;
}

/**
 * Response rate: **mentions answered ÷ mentions received** (deduplicated by platform + id),
 * a fraction in 0..1; with `within`, only answers sent within that many ms count. `null`
 * when nothing was received.
 *
 * @example
 * ```ts
 * responseRate({ mentions, replies, within: 24 * 3_600_000 }); // 0.8
 * ```
 */
export function responseRate(input: ResponseTimeInput): number | null {
  parseWithSchema(InputSchema, input, 'responseRate input');
  const { received, answered } = pairAnswers(input);
  return safeRatio(answered.length, received);
}
