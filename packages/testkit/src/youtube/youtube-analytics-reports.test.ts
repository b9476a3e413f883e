import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createYouTubeSimulator } from './index.js';

// Requests and answers written out by hand from https://developers.google.com/youtube/analytics/reference/reports/query
// (required ids, startDate, endDate, metrics; dates YYYY-MM-DD) and https://developers.google.com/youtube/analytics/metrics.
const clock = () => createFakeClock({ now: '2026-07-01T12:00:00.000Z' });
const sim = createYouTubeSimulator({ clock: clock() });
const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
const report = (query: string, target = sim) =>
  target.fetch(`${target.baseUrl}/v2/reports?${query}`, { headers: { authorization: `Bearer ${target.credentials.accessToken}` } });
const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: number; message: string; errors: Array<{ reason: string }> } }).error;
const VALID = 'ids=channel==MINE&startDate=2026-01-01&endDate=2026-06-30';

describe('YouTube simulator: Analytics /v2/reports', () => {
  it('answers a resultTable with one row whose columns follow the metrics asked for', async () => {
    const response = await report(`${VALID}&metrics=shares,views,averageViewDuration`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { kind: string; columnHeaders: Array<{ name: string; columnType: string }>; rows: number[][] };
    expect(body.kind).toBe('youtubeAnalytics#resultTable');
    expect(body.columnHeaders.map((header) => [header.name, header.columnType])).toEqual([
      ['shares', 'METRIC'],
      ['views', 'METRIC'],
      ['averageViewDuration', 'METRIC'],
    ]);
    // A channel without videos has watched nothing yet.
    expect(body.rows).toEqual([[0, 0, 0]]);
  });

  it('a video the channel does not have: no rows', async () => {
    const response = await report(`${VALID}&metrics=views&filters=video==AAAAAAAAAAA`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { rows: unknown[] }).rows).toEqual([]);
  });

  it('each required parameter missing: 400', async () => {
    const full = { ids: 'channel==MINE', startDate: '2026-01-01', endDate: '2026-06-30', metrics: 'views' };
    for (const name of Object.keys(full)) {
      const query = new URLSearchParams(Object.entries(full).filter(([key]) => key !== name));
      const response = await report(query.toString());
      expect(response.status, name).toBe(400);
      expect((await errorOf(response)).code).toBe(400);
    }
  });

  it('dates not in YYYY-MM-DD, impossible dates, and a start after the end: 400 badRequest', async () => {
    for (const dates of [
      'startDate=2026/01/01&endDate=2026-06-30',
      'startDate=2026-01-01&endDate=30-06-2026',
      'startDate=2026-02-30&endDate=2026-06-30',
      'startDate=2026-07-01&endDate=2026-06-30',
    ]) {
      const response = await report(`ids=channel==MINE&${dates}&metrics=views`);
      expect(response.status, dates).toBe(400);
      expect((await errorOf(response)).errors[0]!.reason).toBe('badRequest');
    }
  });

  it("an unknown metric: 400 with Google's error body naming it", async () => {
    const response = await report(`${VALID}&metrics=views,popularity`);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe(400);
    expect(error.errors[0]!.reason).toBe('badRequest');
    expect(error.message).toContain('popularity');
  });

  it('no token: 401; a token without yt-analytics.readonly: 403 insufficientPermissions', async () => {
    const anonymous = await sim.fetch(`${sim.baseUrl}/v2/reports?${VALID}&metrics=views`);
    expect(anonymous.status).toBe(401);
    const unscoped = createYouTubeSimulator({ clock: clock(), analyticsScope: false });
    const response = await report(`${VALID}&metrics=views`, unscoped);
    expect(response.status).toBe(403);
    expect((await errorOf(response)).errors[0]!.reason).toBe('insufficientPermissions');
  });

  it('costs no Data API quota units', async () => {
    const before = sim.quotaUsed().units;
    await sim.fetch(`${sim.baseUrl}/v2/reports?${VALID}&metrics=views`, { headers: auth });
    expect(sim.quotaUsed().units).toBe(before);
  });
});
