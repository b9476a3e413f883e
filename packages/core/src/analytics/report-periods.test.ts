// Report fixtures worked out by hand: adjacent periods, per-account followers, views, coverage,
// breakdowns, weeks, mentions, competitors and the renderers' escaping.
import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { accountSnapshot, postSnapshot } from './__tests__/fixtures.js';
import { buildReport, renderHtml, renderMarkdown, type ReportInput } from './index.js';

const summaryOf = (report: ReturnType<typeof buildReport>) => Object.fromEntries(report.summary.map((metric) => [metric.key, metric]));

describe('report periods are taken in the report zone', () => {
  // Europe/Bucharest is UTC+2 in February and March (until 29 March).
  const base: ReportInput = {
    accounts: [{ platform: 'x', id: 'acme', handle: 'acme' }],
    timeZone: 'Europe/Bucharest',
    interactions: ['likes'],
    snapshots: [
      postSnapshot('p', { likes: 20 }, '2026-02-20T10:00:00.000Z'),
      postSnapshot('p', { likes: 60 }, '2026-02-28T21:00:00.000Z'), // 28 Feb 23:00 local
      postSnapshot('p', { likes: 100 }, '2026-02-28T23:00:00.000Z'), // 1 Mar 01:00 local
      postSnapshot('p', { likes: 140 }, '2026-03-10T10:00:00.000Z'),
    ],
    range: { start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' },
  };

  it('February and March reports with UTC month starts split local 1 March once: 60 + 80 = 140', () => {
    const february = buildReport(base);
    const march = buildReport({ ...base, range: { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' } });
    expect(february.range).toMatchObject({
      start: '2026-01-31T22:00:00.000Z',
      end: '2026-02-28T22:00:00.000Z',
      firstDay: '2026-02-01',
      lastDay: '2026-02-28',
      days: 28,
    });
    expect(march.range).toMatchObject({
      start: '2026-02-28T22:00:00.000Z',
      end: '2026-03-31T21:00:00.000Z',
      firstDay: '2026-03-01',
      lastDay: '2026-03-31',
      days: 31,
    });
    expect(summaryOf(february).engagements!.current).toBe(60); // 0 → 20 → 60
    expect(summaryOf(march).engagements!.current).toBe(80); // 60 → 100 → 140
    expect(february.engagementRate.at(-1)!.date).toBe('2026-02-28');
    expect(march.engagementRate[0]!.date).toBe('2026-03-01');
  });

  it('accepts local dates and compares with the previous period (the previous month for whole months)', () => {
    const march = buildReport({ ...base, range: { start: '2026-03-01', end: '2026-04-01' }, compareTo: 'previous' });
    expect(march.compareTo).toMatchObject({ firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(summaryOf(march).engagements).toMatchObject({ current: 80, previous: 60, absolute: 20 });
    expect(summaryOf(march).engagements!.relative).toBeCloseTo(20 / 60, 12);
  });

  it('refuses a range that covers no local day', () => {
    expect(() => buildReport({ ...base, range: { start: '2026-03-01T00:00:00.000Z', end: '2026-03-01T05:00:00.000Z' } })).toThrow(
      /range\.end/,
    );
  });
});

describe('report figures', () => {
  const day = (n: number, hour = 20) => `2026-03-0${n}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  it('carries each account’s followers forward: a missing snapshot is not a drop', () => {
    const report = buildReport({
      accounts: [
        { platform: 'x', id: 'a', handle: 'a' },
        { platform: 'bluesky', id: 'b', handle: 'b.bsky.social' },
      ],
      timeZone: 'UTC',
      range: { start: '2026-03-01', end: '2026-03-05' },
      snapshots: [
        accountSnapshot({ followers: 1000 }, day(1), 'a'),
        accountSnapshot({ followers: 1010 }, day(2), 'a'),
        // a: nothing on 3 March
        accountSnapshot({ followers: 1020 }, day(4), 'a'),
        accountSnapshot({ followers: 540 }, day(1), 'b', 'bluesky'),
        accountSnapshot({ followers: 545 }, day(2), 'b', 'bluesky'),
        accountSnapshot({ followers: 553 }, day(3), 'b', 'bluesky'),
        accountSnapshot({ followers: 560 }, day(4), 'b', 'bluesky'),
      ],
    });
    expect(report.followers.map((point) => point.value)).toEqual([1540, 1555, 1563, 1580]); // 3 March: 1010 + 553
  });

  it('divides a top post’s rate by followers by its own account’s followers', () => {
    const report = buildReport({
      accounts: [
        { platform: 'x', id: 'a', handle: 'a' },
        { platform: 'bluesky', id: 'b', handle: 'b.bsky.social' },
      ],
      timeZone: 'UTC',
      range: { start: '2026-03-01', end: '2026-03-05' },
      engagementRateBy: 'followers',
      snapshots: [
        accountSnapshot({ followers: 560 }, day(1, 8), 'a'),
        accountSnapshot({ followers: 1150 }, day(1, 8), 'b', 'bluesky'),
        postSnapshot('p', { likes: 30, comments: 5 }, day(2), 'a'),
      ],
      posts: [{ platform: 'x', accountId: 'a', postId: 'p', publishedAt: day(1, 12) }],
    });
    expect(report.topPosts[0]!.engagementRate).toBeCloseTo(35 / 560, 12); // not 35 / 1710
    expect(summaryOf(report).engagementRate!.current).toBeCloseTo(35 / 1710, 12); // the period rate uses all accounts
  });

  it('counts views or videoViews per post, never both', () => {
    const report = buildReport({
      accounts: [{ platform: 'x', id: 'acme', handle: 'acme' }],
      timeZone: 'UTC',
      range: { start: '2026-03-01', end: '2026-03-03' },
      engagementRateBy: 'views',
      snapshots: [
        postSnapshot('both', { likes: 50, views: 1000, videoViews: 800 }, day(1)),
        postSnapshot('video', { likes: 10, videoViews: 500 }, day(1)),
      ],
      posts: [
        { platform: 'x', accountId: 'acme', postId: 'both', publishedAt: day(1, 9) },
        { platform: 'x', accountId: 'acme', postId: 'video', publishedAt: day(1, 9) },
      ],
    });
    expect(summaryOf(report).engagementRate!.current).toBeCloseTo(60 / 1500, 12); // (50 + 10) / (1000 + 500)
    expect(report.engagementRate[0]!.value).toBeCloseTo(60 / 1500, 12);
    expect(report.topPosts.map((post) => [post.postId, post.engagementRate])).toEqual([
      ['both', 0.05],
      ['video', 0.02],
    ]);
  });

  const mention = (id: string, createdAt: string, text: string): Mention => ({
    id,
    platform: 'x',
    accountId: 'acme',
    kind: 'mention',
    author: { id: 'u', handle: 'u' },
    text,
    createdAt,
  });
  const mixed: ReportInput = {
    accounts: [
      { platform: 'x', id: 'acme', handle: 'acme' },
      { platform: 'bluesky', id: 'acme-b', handle: 'acme.bsky.social' },
    ],
    competitors: [{ platform: 'x', id: 'globex', handle: 'globex' }],
    timeZone: 'UTC',
    range: { start: '2026-03-01', end: '2026-03-15' }, // Sunday 1 March … Saturday 14 March
    compareTo: 'previous',
    weekStartsOn: 7,
    classifySentiment: (m) => (m.text === 'bad' ? 'negative' : m.text === 'good' ? 'positive' : null),
    snapshots: [
      postSnapshot('x1', { likes: 10, impressions: 200, reach: 150, linkClicks: 4 }, day(2), 'acme'),
      postSnapshot('x2', { likes: 20, comments: 4, impressions: 300, reach: 250 }, day(3), 'acme'),
      postSnapshot('b1', { likes: 6 }, day(3), 'acme-b', 'bluesky'),
      accountSnapshot({ followers: 1000 }, '2026-02-28T12:00:00.000Z', 'acme'),
      accountSnapshot({ followers: 1100 }, '2026-03-14T12:00:00.000Z', 'acme'),
      accountSnapshot({ followers: 2000, posts: 300 }, '2026-02-28T12:00:00.000Z', 'globex'),
      accountSnapshot({ followers: 2100, posts: 314 }, '2026-03-14T12:00:00.000Z', 'globex'),
      postSnapshot('g1', { likes: 999, impressions: 1 }, day(3), 'globex'), // a competitor's post: never in our totals
    ],
    posts: [
      {
        platform: 'x',
        accountId: 'acme',
        postId: 'x1',
        publishedAt: day(1, 9),
        tags: ['launch'],
        campaign: 'spring',
        thumbnailUrl: 'data:image/png;base64,iVBORw0KGgo=',
      },
      { platform: 'x', accountId: 'acme', postId: 'x2', publishedAt: day(2, 9), tags: ['launch', 'howto'], url: 'https://example.com/a|b' },
      {
        platform: 'bluesky',
        accountId: 'acme-b',
        postId: 'b1',
        publishedAt: day(2, 9),
        text: 'مرحبا بالعالم',
        thumbnailUrl: 'https://cdn.example.com/t.png',
      },
    ],
    mentions: [mention('m1', day(2, 10), 'bad'), mention('m2', day(2, 11), 'good'), mention('m3', day(9, 11), 'meh')],
  };

  it('says which networks and posts a pooled rate covers', () => {
    const report = buildReport(mixed);
    const rate = summaryOf(report).engagementRate!;
    expect(rate.current).toBeCloseTo(34 / 500, 12); // X only: (10 + 24) / (200 + 300); Bluesky has no impressions
    expect(rate.coverage).toEqual({ networks: ['x'], posts: 2, of: 3, text: 'X only, 2 of 3 posts' });
    expect(rate.label).toBe('Engagement rate (by impressions — X only, 2 of 3 posts)');
    expect(summaryOf(report).engagements!.current).toBe(40); // 10 + 24 + 6, globex left out
    expect(summaryOf(report).reach!.current).toBe(400);
    expect(summaryOf(report).linkClicks!.current).toBe(4);
  });

  it('breaks figures down by network, account, tag and campaign', () => {
    const report = buildReport(mixed);
    expect(report.byNetwork.map((row) => [row.key, row.engagements.current, row.engagementRate.current, row.coverage.text])).toEqual([
      ['bluesky', 6, null, '0 of 1 posts'],
      ['x', 34, 34 / 500, 'X, 2 of 2 posts'],
    ]);
    expect(report.byAccount.map((row) => [row.key, row.followers.current, row.posts.current])).toEqual([
      ['x:acme', 1100, 2],
      ['bluesky:acme-b', null, 1],
    ]);
    expect(report.byTag.map((row) => [row.key, row.posts.current, row.engagements.current])).toEqual([
      ['howto', 1, 24],
      ['launch', 2, 34],
    ]);
    expect(report.byCampaign.map((row) => [row.key, row.posts.current, row.engagements.current, row.impressions.current])).toEqual([
      ['spring', 1, 10, 200],
    ]);
  });

  it('has weeks starting on Sunday, mentions with sentiment per day, and competitors side by side', () => {
    const report = buildReport(mixed);
    expect(report.weeks).toEqual([
      { week: '2026-03-01', posts: 3, engagements: 40, impressions: 500, mentions: 2 },
      { week: '2026-03-08', posts: 0, engagements: null, impressions: null, mentions: 1 },
    ]);
    expect(report.mentions![1]).toEqual({ date: '2026-03-02', mentions: 2, positive: 1, neutral: 0, negative: 1 });
    expect(report.mentions![8]).toEqual({ date: '2026-03-09', mentions: 1, positive: 0, neutral: 0, negative: 0 });
    const globex = report.competitors!.find((row) => row.competitor)!;
    expect(globex).toMatchObject({ handle: 'globex', followers: 2100, posts: 14, postsFrom: 'posts-gauge', postsPerWeek: 7 });
    expect(globex.growth).toBeCloseTo(0.05, 12);
    const acme = report.competitors!.find((row) => row.handle === 'acme')!;
    expect(acme).toMatchObject({
      competitor: false,
      followers: 1100,
      posts: 2,
      postsFrom: 'posts',
      postsPerWeek: 1,
      engagementPerPost: 17,
    }); // (10 + 24) / 2
  });

  it('renders deltas, coverage, RTL text and only safe thumbnails', () => {
    const report = buildReport(mixed);
    const html = renderHtml(report);
    expect(html).toContain('<span dir="auto">مرحبا بالعالم</span>');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('cdn.example.com'); // remote thumbnails need remoteImages
    expect(html).toContain('img-src data:">');
    expect(renderHtml(report, { remoteImages: true })).toContain('src="https://cdn.example.com/t.png"');
    expect(html).toContain('X only, 2 of 3 posts');
    for (const id of [
      'by-network',
      'by-account',
      'by-tag',
      'by-campaign',
      'weeks',
      'competitors',
      'chart-mentions',
      'chart-negative-share',
    ])
      expect(html).toContain(`id="${id}"`);
    const markdown = renderMarkdown(report);
    // The link target's | is encoded, so the row has exactly the table's 9 cell separators.
    const row = markdown.split('\n').find((line) => line.includes('example.com/a'))!;
    expect(row).toContain('https://example.com/a%7Cb');
    expect(row.replace(/\\\|/g, '').split('|').length - 1).toBe(9);
    expect(markdown).toMatch(/\| Engagements \| 40 \| — \| — \|/); // nothing before: no change shown
  });

  it('keeps hostile tags, campaigns and thumbnails inert', () => {
    const hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const report = buildReport({
      ...mixed,
      posts: mixed.posts!.map((post, index) => ({
        ...post,
        tags: [hostile],
        campaign: `${hostile}|${index}`,
        thumbnailUrl: [
          'javascript:alert(3)',
          'data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDQpPC9zY3JpcHQ+PC9zdmc+',
          'data:image/png;base64,AAAA" onerror="alert(5)',
        ][index]!,
      })),
    });
    for (const html of [renderHtml(report), renderHtml(report, { remoteImages: true })]) {
      expect(html).not.toMatch(/<script|<img src=x|javascript:|onerror="alert|data:image\/svg/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    const markdown = renderMarkdown(report);
    expect(markdown).not.toMatch(/<script|<img|javascript:|data:image\/svg/i);
    // Tag and campaign rows: 11 cells (label, 8 figures, coverage, 2 deltas) → 12 separators, none from user text.
    const rows = markdown.split('\n').filter((one) => one.startsWith('| &lt;script'));
    expect(rows).toHaveLength(4); // one tag, three campaigns
    for (const line of rows) expect(line.replace(/\\\|/g, '').split('|').length - 1).toBe(12);
  });
});
