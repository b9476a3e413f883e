// v1.1: reading accounts you do not own (competitor benchmarking). Like the rest of this
// folder, it depends on nothing else in core.
import type { AdapterV1MetricValue } from './adapter-v1-metric-snapshot.js';
import type { AdapterV1Metric } from './adapter-v1-vocabulary.js';

/** Canonical metric name → value; a metric the network does not report is absent, never 0. */
/** Public metrics by canonical name (only those the network reports). */
export type AdapterV1PublicMetrics = Partial<Record<AdapterV1Metric, AdapterV1MetricValue>>;

/** Which account to read: its handle (without `@`) or its id on the network. */
export type AdapterV1PublicAccountInput = { handle: string; id?: undefined } | { id: string; handle?: undefined };

/** One public post of the account, with its public metrics (likes, comments, shares, quotes…). */
export interface AdapterV1PublicPost {
  id: string;
  /** ISO-8601 UTC. */
  publishedAt: string;
  url?: string | undefined;
  metrics: AdapterV1PublicMetrics;
}

/**
 * The public profile and public metrics of any account, as `doGetPublicAccount` returns it:
 * the account, its account metrics (`followers`, `following`, `posts`), and optionally its
 * recent public posts (newest first) with their public metrics, from which posting frequency
 * and engagement per post are computed.
 */
export interface AdapterV1PublicAccount {
  account: { platform: string; id: string; handle: string; displayName?: string | undefined };
  metrics: AdapterV1PublicMetrics;
  /** Metrics without a canonical name, under the network's own names. */
  extra?: Record<string, AdapterV1MetricValue> | undefined;
  recentPosts?: AdapterV1PublicPost[] | undefined;
}
