// Test helpers only (imported by *.test.ts; not exported from the folder's door).
import type { CanonicalMetric, MetricSnapshot } from '../../model/index.js';

type Values = Partial<Record<CanonicalMetric, number>>;

function toMetrics(values: Values): MetricSnapshot['metrics'] {
  const metrics: MetricSnapshot['metrics'] = {};
  for (const [name, value] of Object.entries(values) as Array<[CanonicalMetric, number]>) {
    metrics[name] = { value, platformName: `test_${name}` };
  }
  return metrics;
}

/** A post snapshot of account `accountId` on `platform` (default x). */
export function postSnapshot(
  postId: string,
  values: Values,
  observedAt = '2026-03-10T12:00:00.000Z',
  accountId = 'acme',
  platform = 'x',
): MetricSnapshot {
  return { subject: { type: 'post', platform, accountId, postId }, observedAt, metrics: toMetrics(values) };
}

/** An account snapshot. */
export function accountSnapshot(values: Values, observedAt: string, accountId = 'acme', platform = 'x'): MetricSnapshot {
  return { subject: { type: 'account', platform, accountId }, observedAt, metrics: toMetrics(values) };
}
