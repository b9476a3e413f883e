import type { AdapterV1Metric } from './adapter-v1-vocabulary.js';

/** One metric value with the network's own name for it (provenance). */
export interface AdapterV1MetricValue {
  value: number;
  platformName: string;
}

/** What a metric snapshot is about. */
export type AdapterV1MetricSubject =
  { type: 'post'; platform: string; accountId: string; postId: string } | { type: 'account'; platform: string; accountId: string };

/**
 * A metric snapshot as an adapter v1 returns it; core fills `subject` and `observedAt` when
 * left out. A metric the network does not report is absent, never 0.
 */
export interface AdapterV1MetricSnapshot {
  subject?: AdapterV1MetricSubject | undefined;
  /** ISO-8601 UTC. */
  observedAt?: string | undefined;
  window?: { start: string; end: string } | undefined;
  metrics: Partial<Record<AdapterV1Metric, AdapterV1MetricValue>>;
  /** Metrics without a canonical name, under the network's own names. */
  extra?: Record<string, AdapterV1MetricValue> | undefined;
}
