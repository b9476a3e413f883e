import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

const BOARD = '549755885175';
const image = { kind: 'image' as const, source: { type: 'url' as const, url: 'https://cdn.example.com/a.jpg' }, mimeType: 'image/jpeg' };

describe('pin metrics', () => {
  it('asks the 90-day window ending today, and maps IMPRESSION, SAVE, PIN_CLICK, OUTBOUND_CLICK to canonical names', async () => {
    const { sim, client, account } = testEnv({ now: '2026-03-31T12:00:00.000Z' });
    const { published } = await client.publish(account, {
      text: 'with a link',
      link: 'https://example.com',
      media: [image],
      networkOptions: { pinterest: { boardId: BOARD } },
    });
    const id = published.parts[0]!.id;
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    const request = sim.requests.find((entry) => entry.path === `/v5/pins/${id}/analytics`)!;
    // 2026-03-31 minus 89 days is 2026-01-01: 90 days including today.
    expect(request.query).toMatchObject({ start_date: '2026-01-01', end_date: '2026-03-31' });
    const reported = sim.reportedPostMetrics(id);
    expect(snapshot.metrics.impressions).toEqual({ value: reported.IMPRESSION, platformName: 'IMPRESSION' });
    expect(snapshot.metrics.saves).toEqual({ value: reported.SAVE, platformName: 'SAVE' });
    expect(snapshot.metrics.clicks).toEqual({ value: reported.PIN_CLICK, platformName: 'PIN_CLICK' });
    expect(snapshot.metrics.linkClicks).toEqual({ value: reported.OUTBOUND_CLICK, platformName: 'OUTBOUND_CLICK' });
  });

  it('leaves outbound clicks and video views absent for an image pin without a link', async () => {
    const { client, account } = testEnv();
    const { published } = await client.publish(account, {
      text: 'no link',
      media: [image],
      networkOptions: { pinterest: { boardId: BOARD } },
    });
    const snapshot = await client.getPostMetrics(account, published.parts[0]!);
    expect(snapshot.metrics.linkClicks).toBeUndefined();
    expect(snapshot.metrics.videoViews).toBeUndefined();
  });
});
