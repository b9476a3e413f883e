import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { InsightsSchema } from './api-schemas.js';

/**
 * Reads insights metrics of a Page or post (`GET /{object-id}/insights?metric=…&period=…`,
 * https://developers.facebook.com/docs/graph-api/reference/insights) into `{ name: value }`,
 * taking each metric's latest value. A metric Graph leaves out, or reports as a breakdown
 * object instead of a number, is absent (never 0). @internal
 */
export async function readInsights(
  objectId: string,
  metrics: readonly string[],
  period: string,
  context: AdapterContext,
  apiVersion: string,
): Promise<{ values: Record<string, number>; endTime?: string | undefined }> {
  const response = await context.http.request({
    path: graphPath(apiVersion, `${objectId}/insights`),
    searchParams: { metric: metrics.join(','), period },
    signal: context.signal,
  });
  const { data } = parseApiResponse(InsightsSchema, response, 'facebook', 'GET /{object-id}/insights');
  const values: Record<string, number> = {};
  let endTime: string | undefined;
  for (const metric of data) {
    const latest = metric.values.at(-1);
    if (typeof latest?.value === 'number') values[metric.name] = latest.value;
    endTime ??= latest?.end_time;
  }
  return { values, endTime };
}
