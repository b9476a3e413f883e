import { describe, expect, it } from 'vitest';
import { createClient } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit/clock';
import { createYouTubeSimulator } from '@smm/testkit/youtube';
import { YouTubeQuotaError } from './internal/index.js';
import { createYouTubeAdapter } from './index.js';
import { SMALL_VIDEO, settle, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };
const MINUTE_MS = 60_000;

describe('YouTube Analytics figures (analytics: true)', () => {
  it("adds a video's watch time, shares and (under extra) average view duration and subscribers gained and lost", async () => {
    const env = testEnv({ settings: { analytics: true } });
    const { published } = await env.client.publish(env.account, { text: 'Analytics', media: [video] });
    await env.clock.advance(6 * 3_600_000);
    const id = published.parts[0]!.id;
    const snapshot = await env.client.getPostMetrics(env.account, published.parts[0]!);
    const statistics = env.sim.reportedPostMetrics(id);
    const figures = env.sim.analyticsFigures(id)!;
    // The simulator's Analytics views never exceed the Data API's viewCount.
    expect(figures.views).toBeLessThanOrEqual(statistics.viewCount!);
    expect(figures.views).toBeGreaterThan(0);
    // estimatedMinutesWatched is in minutes (https://developers.google.com/youtube/analytics/metrics); watchTimeMs in ms.
    expect(snapshot.metrics.watchTimeMs).toEqual({
      value: figures.estimatedMinutesWatched * MINUTE_MS,
      platformName: 'analytics.estimatedMinutesWatched',
    });
    expect(snapshot.metrics.shares).toEqual({ value: figures.shares, platformName: 'analytics.shares' });
    expect(snapshot.extra).toEqual({
      averageViewDuration: { value: figures.averageViewDuration, platformName: 'analytics.averageViewDuration' },
      subscribersGained: { value: figures.subscribersGained, platformName: 'analytics.subscribersGained' },
      subscribersLost: { value: figures.subscribersLost, platformName: 'analytics.subscribersLost' },
    });
    // The Data API statistics are still the source of views, likes and comments.
    expect(snapshot.metrics.videoViews).toEqual({ value: statistics.viewCount, platformName: 'statistics.viewCount' });
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['comments', 'likes', 'shares', 'videoViews', 'watchTimeMs']);
    // One report for the one video, over its whole life up to today (Pacific).
    const reports = env.sim.requests.filter((request) => request.path === '/v2/reports');
    expect(reports).toHaveLength(1);
    const query = reports[0]!.query as Record<string, string>;
    expect(query.ids).toBe('channel==MINE');
    expect(query.filters).toBe(`video==${id}`);
    expect(query.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(query.startDate! <= query.endDate!).toBe(true);
  });

  it("adds the channel's figures to account metrics, and spends none of the Data API's daily units", async () => {
    // Two units a day: each account-metrics call spends 1 (channels.list); the reports must spend none of them.
    const env = testEnv({ settings: { analytics: true, dailyUnits: 2 } });
    const first = await env.client.getAccountMetrics(env.account);
    const figures = env.sim.analyticsFigures()!;
    expect(first.metrics.watchTimeMs).toEqual({
      value: figures.estimatedMinutesWatched * MINUTE_MS,
      platformName: 'analytics.estimatedMinutesWatched',
    });
    expect(first.metrics.shares).toEqual({ value: figures.shares, platformName: 'analytics.shares' });
    expect((await settle(env.client.getAccountMetrics(env.account))).ok).toBe(true);
    const third = await settle(env.client.getAccountMetrics(env.account));
    expect(third.ok).toBe(false);
    expect(YouTubeQuotaError.isQuotaError(third.ok ? undefined : third.error)).toBe(true);
    expect(env.sim.requests.filter((request) => request.path === '/v2/reports')).toHaveLength(2);
  });

  it('asks for the yt-analytics.readonly scope when connecting a channel, and declares watchTimeMs and shares', () => {
    const on = createYouTubeAdapter({ analytics: true });
    const off = createYouTubeAdapter();
    const scopesOf = (adapter: typeof on) => (adapter.connect as { defaultScopes: readonly string[] }).defaultScopes;
    expect(scopesOf(on)).toContain('https://www.googleapis.com/auth/yt-analytics.readonly');
    expect(scopesOf(off)).not.toContain('https://www.googleapis.com/auth/yt-analytics.readonly');
    expect(on.capabilities.postMetrics).toEqual(['videoViews', 'likes', 'comments', 'watchTimeMs', 'shares']);
    expect(off.capabilities.accountMetrics).toEqual(['followers', 'posts', 'videoViews']);
  });

  it('is off by default: no report is asked for and the metrics are the Data API statistics', async () => {
    const env = testEnv();
    const snapshot = await env.client.getAccountMetrics(env.account);
    expect(Object.keys(snapshot.metrics).sort()).toEqual(['followers', 'posts', 'videoViews']);
    expect(env.sim.requests.some((request) => request.path === '/v2/reports')).toBe(false);
  });

  it('a 403 (scope not granted) falls back to the Data API statistics, warns once, and leaves the Analytics metrics absent', async () => {
    const clock = createFakeClock({ now: '2026-01-05T09:00:00.000Z', autoAdvance: true });
    const sim = createYouTubeSimulator({ clock, seed: 7, analyticsScope: false });
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (message: string) => void warnings.push(message) };
    const adapter = createYouTubeAdapter({
      baseUrl: sim.baseUrl,
      tokenUrl: `${sim.baseUrl}/token`,
      clientId: sim.credentials.clientId,
      analytics: true,
      analyticsBaseUrl: sim.baseUrl,
    });
    const account = `youtube:${sim.channelId}`;
    const client = createClient({
      adapters: [adapter],
      accounts: [{ platform: 'youtube', id: sim.channelId, handle: 'smmbrand' }],
      credentials: { [account]: sim.credentials },
      clock,
      fetch: sim.fetch,
      logger,
    });
    const { published } = await client.publish(account, { text: 'No analytics', media: [video] });
    const post = await client.getPostMetrics(account, published.parts[0]!);
    const channel = await client.getAccountMetrics(account);
    const statistics = sim.reportedPostMetrics(published.parts[0]!.id);
    expect(post.metrics).toEqual({
      videoViews: { value: statistics.viewCount, platformName: 'statistics.viewCount' },
      likes: { value: statistics.likeCount, platformName: 'statistics.likeCount' },
      comments: { value: statistics.commentCount, platformName: 'statistics.commentCount' },
    });
    expect(post.extra).toBeUndefined();
    expect(Object.keys(channel.metrics).sort()).toEqual(['followers', 'posts', 'videoViews']);
    // Both calls were refused; the warning came once, naming the scope to grant.
    expect(sim.requests.filter((request) => request.path === '/v2/reports')).toHaveLength(2);
    const analyticsWarnings = warnings.filter((message) => message.includes('YouTube Analytics'));
    expect(analyticsWarnings).toHaveLength(1);
    expect(analyticsWarnings[0]).toContain('yt-analytics.readonly');
    expect(analyticsWarnings[0]).not.toContain(sim.credentials.accessToken);
  });
});
