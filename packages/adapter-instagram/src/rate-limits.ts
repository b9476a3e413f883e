import { GRAPH_BUCKETS, parseGraphRateLimit } from '@smm/meta-graph';

/**
 * The rate-limit buckets the Instagram adapter spends: `read` (GETs), `write` (containers,
 * publishing, comments). Instagram's limit is a Business Use Case limit per account, reported in
 * `X-Business-Use-Case-Usage` with `estimated_time_to_regain_access`
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting/#buc-rate-limits):
 * `parseInstagramRateLimit` (the shared Graph parser) slows calls as usage nears 100 % and waits
 * for the regain time instead of hitting the wall.
 *
 * @example
 * ```ts
 * INSTAGRAM_BUCKETS.write; // 'write'
 * ```
 */
export const INSTAGRAM_BUCKETS = { read: GRAPH_BUCKETS[0], write: GRAPH_BUCKETS[1] } as const;

/** Reads Graph usage headers into core's rate-limit state (see `@smm/meta-graph`). */
export const parseInstagramRateLimit = parseGraphRateLimit;
