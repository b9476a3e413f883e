import { describe, expect, it } from 'vitest';
import type { Mention } from '../model/index.js';
import { accountSnapshot, postSnapshot } from './__tests__/fixtures.js';
import { buildReport, renderHtml, renderMarkdown, type ReportInput } from './index.js';

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';

function mention(id: string, createdAt: string): Mention {
  return { id, platform: 'x', accountId: 'acme', kind: 'reply', author: { id: 'u', handle: 'u' }, text: 'hi', createdAt };
}

// A small world whose numbers are worked out by hand below (zone UTC so days are plain).
const input: ReportInput = {
  title: 'Acme <weekly> & co',
  accounts: [{ platform: 'x', id: 'acme', handle: 'acme', displayName: 'Acme' }],
  timeZone: 'UTC',
  range: { start: '2026-03-02T00:00:00.000Z', end: '2026-03-05T00:00:00.000Z' },
  compareTo: { start: '2026-02-27T00:00:00.000Z', end: '2026-03-02T00:00:00.000Z' },
  snapshots: [
    accountSnapshot({ followers: 900 }, '2026-02-26T12:00:00.000Z'),
    accountSnapshot({ followers: 1000 }, '2026-03-01T23:00:00.000Z'),
    accountSnapshot({ followers: 1050 }, '2026-03-03T12:00:00.000Z'),
    accountSnapshot({ followers: 1100 }, '2026-03-04T20:00:00.000Z'),
    postSnapshot('p1', { likes: 10, impressions: 200 }, '2026-03-02T12:00:00.000Z'),
    postSnapshot('p1', { likes: 20, impressions: 400 }, '2026-03-03T12:00:00.000Z'),
    postSnapshot('p2', { likes: 5, comments: 5, impressions: 100 }, '2026-03-04T18:00:00.000Z'),
    postSnapshot('other', { likes: 999, impressions: 1 }, '2026-03-03T12:00:00.000Z', 'someone-else'),
  ],
  posts: [
    { platform: 'x', accountId: 'acme', postId: 'p1', publishedAt: '2026-03-02T09:00:00.000Z', text: 'Launch day' },
    { platform: 'x', accountId: 'acme', postId: 'p2', publishedAt: '2026-03-04T10:00:00.000Z', text: XSS, url: 'javascript:alert(3)' },
  ],
  mentions: [mention('m1', '2026-03-02T10:00:00.000Z'), mention('m2', '2026-03-03T10:00:00.000Z')],
  replies: [{ inReplyToId: 'm1', createdAt: '2026-03-02T11:00:00.000Z' }],
};

describe('buildReport', () => {
  const report = buildReport(input);
  const summary = Object.fromEntries(report.summary.map((metric) => [metric.key, metric]));

  it('summarises the period and the change against the comparison period', () => {
    expect(summary.followers).toMatchObject({ current: 1100, previous: 1000, absolute: 100, relative: 0.1 });
    // growth now (1100 − 1000) / 1000 = 0.1; before (1000 − 900) / 900 = 0.111…
    expect(summary.audienceGrowthRate!.current).toBeCloseTo(0.1, 12);
    expect(summary.audienceGrowthRate!.previous).toBeCloseTo(1 / 9, 12);
    expect(summary.posts).toMatchObject({ current: 2, previous: 0 });
    // daily growth, posts counted from 0: 03-02 p1 +10, 03-03 p1 +10, 03-04 p2 +10 → 30
    expect(summary.engagements).toMatchObject({ current: 30, previous: null, relative: null });
    expect(summary.impressions).toMatchObject({ current: 500 }); // 200 + 200 + 100
    expect(summary.engagementRate!.current).toBeCloseTo(0.06, 12); // 30 / 500
    expect(summary.mentions).toMatchObject({ current: 2, previous: 0 });
    expect(summary.responseRate!.current).toBeCloseTo(0.5, 12);
    expect(summary.medianResponseMs!.current).toBe(3_600_000);
  });

  it('has daily followers (the last known value carried forward) and engagement rate', () => {
    expect(report.followers).toEqual([
      { date: '2026-03-02', value: 1000 }, // observed 03-01 23:00, nothing on 03-02
      { date: '2026-03-03', value: 1050 },
      { date: '2026-03-04', value: 1100 },
    ]);
    expect(report.engagementRate.map((day) => day.value)).toEqual([0.05, 0.05, 0.1]); // 10/200, 10/200, 10/100
  });

  it('ranks top posts of the period and keeps only the report accounts', () => {
    expect(report.topPosts.map((post) => [post.postId, post.engagements, post.engagementRate])).toEqual([
      ['p1', 20, 0.05],
      ['p2', 10, 0.1],
    ]);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report); // plain JSON
  });

  it('pools the rate over posts that report its denominator only', () => {
    // A second network reports likes but no impressions: its 500 likes count as engagements,
    // but not over X's impressions. Rate = 30 / 500 = 0.06 as above, not (30 + 500) / 500.
    const mixed = buildReport({
      ...input,
      accounts: [...input.accounts, { platform: 'bluesky', id: 'acme-b', handle: 'acme.bsky.social' }],
      snapshots: [...input.snapshots, postSnapshot('b1', { likes: 500 }, '2026-03-03T12:00:00.000Z', 'acme-b', 'bluesky')],
    });
    const figures = Object.fromEntries(mixed.summary.map((metric) => [metric.key, metric.current]));
    expect(figures.engagements).toBe(530);
    expect(figures.engagementRate).toBeCloseTo(0.06, 12);
    expect(mixed.engagementRate.map((day) => day.value)).toEqual([0.05, 0.05, 0.1]);
  });

  it('refuses bad input naming the field', () => {
    expect(() => buildReport({ ...input, timeZone: 'Mars/Olympus' })).toThrow(/timeZone/);
    expect(() => buildReport({ ...input, range: { start: input.range.end, end: input.range.start } })).toThrow(/range\.end/);
  });
});

describe('renderers', () => {
  const report = buildReport(input);

  it('HTML escapes every user text and has no script or external reference', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Acme &lt;weekly&gt; &amp; co');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    for (const id of ['chart-followers', 'chart-engagement-rate', 'chart-best-time']) expect(html).toContain(`id="${id}"`);
  });

  it('Markdown escapes user text', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('# Acme &lt;weekly&gt; &amp; co');
    expect(markdown).not.toContain('<script');
    expect(markdown).toContain('| Engagement rate (by impressions — X, 2 of 2 posts) | 6.00 % | — | — |');
    expect(markdown).toContain('| Followers (end of period) | 1,100 | 1,000 | ▲ 10.0 % |');
  });
});
