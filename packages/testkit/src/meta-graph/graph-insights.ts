/** One metric of an insights answer, as the simulator knows it. */
export interface GraphInsightInput {
  /** The metric name (`post_impressions`, `reach`, `views`, …). */
  name: string;
  /** `lifetime`, `day`, `week`, `days_28`, … */
  period: string;
  /** Values over time (`values: [{ value, end_time? }]`), the shape most metrics answer in. */
  values?: Array<{ value: unknown; end_time?: string }>;
  /** A single total (`total_value: { value }`), the shape of Instagram `metric_type=total_value` and Threads user metrics. */
  totalValue?: unknown;
  title?: string;
  description?: string;
}

/** One entry of an insights answer's `data`. */
export interface GraphInsightEntry {
  name: string;
  period: string;
  values?: Array<{ value: unknown; end_time?: string }>;
  total_value?: { value: unknown };
  title: string;
  description: string;
  /** `<object-id>/insights/<name>/<period>`. */
  id: string;
}

/**
 * An insights answer (`GET /{object-id}/insights`, `/threads_insights`) in the shape Facebook,
 * Instagram and Threads share: `{ data: [{ name, period, values: [{ value }] | total_value: { value },
 * title, description, id: '<object>/insights/<name>/<period>' }] }`.
 * https://developers.facebook.com/docs/graph-api/reference/insights ·
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media/insights ·
 * https://developers.facebook.com/docs/threads/insights
 *
 * @example
 * ```ts
 * graphInsights('1790', [{ name: 'reach', period: 'lifetime', values: [{ value: 12 }], title: 'Reach' }]);
 * // { data: [{ name: 'reach', period: 'lifetime', values: [{ value: 12 }], title: 'Reach', description: '', id: '1790/insights/reach/lifetime' }] }
 * ```
 */
export function graphInsights(objectId: string, metrics: readonly GraphInsightInput[]): { data: GraphInsightEntry[] } {
  return {
    data: metrics.map((metric) => ({
      name: metric.name,
      period: metric.period,
      ...(metric.values !== undefined ? { values: metric.values } : {}),
      ...(metric.totalValue !== undefined ? { total_value: { value: metric.totalValue } } : {}),
      title: metric.title ?? metric.name,
      description: metric.description ?? '',
      id: `${objectId}/insights/${metric.name}/${metric.period}`,
    })),
  };
}
