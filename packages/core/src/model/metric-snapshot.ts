import { z } from 'zod';
import { ADAPTER_V1_METRICS } from '../adapter-spec/index.js';
import { InstantSchema, NetworkIdSchema } from './primitives.js';

/**
 * Canonical metric names. Each network's own names map onto these (X `retweet_count` →
 * `shares`, Bluesky `replyCount` → `comments`); the original name is kept as provenance.
 */
export const CANONICAL_METRICS = ADAPTER_V1_METRICS;
/** A canonical metric name. */
export type CanonicalMetric = (typeof CANONICAL_METRICS)[number];

/** One observed value and the platform's own name for it. */
export const MetricValueSchema = z.object({
  value: z.number().finite({ error: 'must be a finite number' }).nonnegative({ error: 'must be 0 or more' }),
  /** The name the network uses (`like_count`, `post_impressions_unique`, …). */
  platformName: z.string().min(1, { error: 'must name the metric as the network reports it (provenance)' }),
});

/** One observed value and its provenance. */
export interface MetricValue extends z.infer<typeof MetricValueSchema> {}

/** What a snapshot measures: one post, or one account. */
export const MetricSubjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('post'), platform: NetworkIdSchema, accountId: z.string().min(1), postId: z.string().min(1) }),
  z.object({ type: z.literal('account'), platform: NetworkIdSchema, accountId: z.string().min(1) }),
]);

/** What a snapshot measures. */
export type MetricSubject = z.infer<typeof MetricSubjectSchema>;

/**
 * Metrics of one post or account as observed at one moment. Counters are cumulative unless
 * `window` says the values cover only that period. **A metric the network does not report
 * is absent, never 0.**
 */
export const MetricSnapshotSchema = z.object({
  subject: MetricSubjectSchema,
  observedAt: InstantSchema,
  /** When set, the values cover only this period (e.g. one day of an insights API). */
  window: z
    .object({ start: InstantSchema, end: InstantSchema })
    .refine((window) => window.start <= window.end, { path: ['end'], error: 'must not be before window.start' })
    .optional(),
  metrics: z.partialRecord(z.enum(CANONICAL_METRICS), MetricValueSchema, {
    error: (issue) => {
      // zod reports unknown enum keys as `unrecognized_keys`, which its types do not list here.
      const code: string = issue.code;
      if (code !== 'invalid_key' && code !== 'unrecognized_keys') return undefined;
      const keys = 'keys' in issue && Array.isArray(issue.keys) ? `${issue.keys.map((key) => `"${String(key)}"`).join(', ')} ` : '';
      return `metric ${keys}is not a canonical name: use one of ${CANONICAL_METRICS.join(', ')}, or put it under "extra" with the network's own name`;
    },
  }),
  /** Metrics with no canonical name, under the network's own name. */
  extra: z.record(z.string(), MetricValueSchema).optional(),
  /**
   * Evidence that the subject's cumulative counters restarted from 0 before this observation
   * (an account deleted and re-created under the same id, a network that reset its counts).
   * Analytics counts a decrease as a decrease (unlikes are routine) unless this says otherwise.
   */
  countersReset: z.boolean().optional(),
});

/** Metrics of one post or account at one moment. */
export interface MetricSnapshot extends z.infer<typeof MetricSnapshotSchema> {}
