/**
 * The analytics date range: Pinterest's `start_date` "cannot be more than 90 days back from
 * today" (OpenAPI `query_start_date`), so the last 90 days including today (UTC).
 * @internal
 */
export function analyticsWindow(nowMs: number): { start_date: string; end_date: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { start_date: day(nowMs - 89 * 86_400_000), end_date: day(nowMs) };
}
