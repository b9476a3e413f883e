import type { CanonicalMetric, MetricValue } from '../model/index.js';

/**
 * Canonical metrics from a response body's numeric fields: `names` maps each canonical metric
 * to the network's field, which becomes its `platformName`. A field the body lacks (or holds
 * as a non-number) leaves its metric absent, never 0.
 *
 * @example
 * ```ts
 * pickMetrics({ favourites_count: 3, reblogs_count: 1 }, { likes: 'favourites_count', shares: 'reblogs_count', quotes: 'quotes_count' });
 * // { likes: { value: 3, platformName: 'favourites_count' }, shares: { value: 1, platformName: 'reblogs_count' } }
 * ```
 */
export function pickMetrics(
  source: Readonly<Record<string, unknown>>,
  names: Readonly<Partial<Record<CanonicalMetric, string>>>,
): Partial<Record<CanonicalMetric, MetricValue>> {
  const metrics: Partial<Record<CanonicalMetric, MetricValue>> = {};
  for (const [metric, platformName] of Object.entries(names) as Array<[CanonicalMetric, string]>) {
    const value = source[platformName];
    if (typeof value === 'number') metrics[metric] = { value, platformName };
  }
  return metrics;
}
