import type { MetricSnapshotOutput } from '@smm/core/adapter-kit';
import type { z } from 'zod';
import type { InsightsSchema } from './api-schemas.js';

type Canonical = keyof MetricSnapshotOutput['metrics'];

/**
 * Maps Threads insights (`{ data: [{ name, values | total_value }] }`) onto canonical metrics with
 * provenance: a metric Threads did not return stays absent; a series (the user `views`) is summed
 * over its days; names in `extraNames` go under `extra`. @internal
 */
export function insightsToSnapshot(
  insights: z.infer<typeof InsightsSchema>,
  canonical: Readonly<Record<string, Canonical>>,
  extraNames: readonly string[] = [],
): MetricSnapshotOutput {
  const metrics: MetricSnapshotOutput['metrics'] = {};
  const extra: NonNullable<MetricSnapshotOutput['extra']> = {};
  for (const item of insights.data) {
    const value = item.total_value?.value ?? item.values?.reduce((sum, entry) => sum + entry.value, 0);
    if (value === undefined) continue;
    const name = canonical[item.name];
    if (name) metrics[name] = { value, platformName: item.name };
    else if (extraNames.includes(item.name)) extra[item.name] = { value, platformName: item.name };
  }
  return { metrics, ...(Object.keys(extra).length > 0 ? { extra } : {}) };
}
