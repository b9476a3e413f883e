/**
 * A time as Graph writes it in answers: ISO 8601, seconds precision, `+0000` offset
 * (`2019-04-05T07:56:32+0000`, the form of `created_time` / `timestamp` in Meta's reference samples,
 * e.g. https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-media).
 *
 * @example
 * ```ts
 * graphTime(Date.UTC(2026, 11, 1, 10, 0, 0, 250)); // '2026-12-01T10:00:00+0000'
 * ```
 */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}
