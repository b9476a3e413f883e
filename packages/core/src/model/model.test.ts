import { describe, expect, it } from 'vitest';
import { MentionSchema, ValidationError } from '../index.js';
import { parseAccount, parseMediaRef, parseMention, parseMetricSnapshot, parsePage, parsePostRef, parsePublishedPost } from './index.js';

function pathsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => issue.path.join('.'));
    throw error;
  }
  throw new Error('expected a ValidationError');
}

const roundTrip = <T>(parse: (input: unknown) => T, value: T) => expect(parse(JSON.parse(JSON.stringify(value)))).toEqual(value);

describe('Account', () => {
  it('defaults the time zone to UTC and keeps IANA zones', () => {
    expect(parseAccount({ platform: 'x', id: '12', handle: 'smm' }).timeZone).toBe('UTC');
    const account = parseAccount({ platform: 'mastodon', id: '1', handle: 'smm@mastodon.social', timeZone: 'Asia/Tehran' });
    roundTrip(parseAccount, account);
  });

  it('rejects unknown zones, empty ids and bad network ids', () => {
    expect(pathsOf(() => parseAccount({ platform: 'X!', id: '', handle: 'a', timeZone: 'Mars/Olympus' })).sort()).toEqual([
      'id',
      'platform',
      'timeZone',
    ]);
  });
});

describe('MediaRef', () => {
  it('rejects negative sizes and zero dimensions with paths', () => {
    expect(
      pathsOf(() =>
        parseMediaRef({
          kind: 'video',
          source: { type: 'url', url: 'https://cdn.example/v.mp4' },
          mimeType: 'video/mp4',
          sizeBytes: -1,
          width: 0,
          durationMs: 1.5,
        }),
      ).sort(),
    ).toEqual(['durationMs', 'sizeBytes', 'width']);
  });
});

describe('PostRef and PublishedPost', () => {
  it('round-trip and require at least one part', () => {
    const ref = parsePostRef({ platform: 'bluesky', id: 'at://did:plc:a/app.bsky.feed.post/3k', extra: { cid: 'bafy' } });
    roundTrip(parsePostRef, ref);
    const published = parsePublishedPost({
      platform: 'bluesky',
      accountId: 'did:plc:a',
      parts: [ref],
      publishedAt: '2026-01-05T09:00:00.000Z',
    });
    roundTrip(parsePublishedPost, published);
    expect(pathsOf(() => parsePublishedPost({ ...published, parts: [] }))).toEqual(['parts']);
  });

  it('refuses instants with an offset other than Z', () => {
    expect(
      pathsOf(() =>
        parsePublishedPost({
          platform: 'x',
          accountId: '1',
          parts: [{ platform: 'x', id: '2' }],
          publishedAt: '2026-01-05T11:00:00+02:00',
        }),
      ),
    ).toEqual(['publishedAt']);
  });
});

describe('Mention', () => {
  const mention = {
    id: 'n1',
    platform: 'mastodon',
    accountId: '1',
    kind: 'direct_message',
    author: { id: '9', handle: 'ana@example.social', followers: 120 },
    text: 'سلام، سفارشم دیر رسید',
    language: 'fa',
    createdAt: '2026-02-01T08:30:00.000Z',
  };

  it('accepts every documented kind and round-trips', () => {
    for (const kind of ['mention', 'reply', 'comment', 'quote', 'direct_message', 'review']) {
      roundTrip(parseMention, parseMention({ ...mention, kind }));
    }
  });

  it('rejects an unknown kind and a negative follower count', () => {
    expect(pathsOf(() => parseMention({ ...mention, kind: 'like', author: { ...mention.author, followers: -3 } })).sort()).toEqual([
      'author.followers',
      'kind',
    ]);
  });
});

describe('MetricSnapshot', () => {
  const snapshot = {
    subject: { type: 'post', platform: 'x', accountId: '12', postId: '1850' },
    observedAt: '2026-01-05T10:00:00.000Z',
    metrics: { likes: { value: 4, platformName: 'like_count' }, impressions: { value: 310, platformName: 'impression_count' } },
  };

  it('keeps provenance and leaves unreported metrics absent (never 0)', () => {
    const parsed = parseMetricSnapshot(snapshot);
    expect(parsed.metrics.likes).toEqual({ value: 4, platformName: 'like_count' });
    expect('reach' in parsed.metrics).toBe(false);
    expect(parsed.metrics.reach).toBeUndefined();
    roundTrip(parseMetricSnapshot, parsed);
  });

  it('rejects unknown metric names, NaN, negatives, missing provenance and inverted windows', () => {
    const paths = pathsOf(() =>
      parseMetricSnapshot({
        ...snapshot,
        metrics: {
          likes: { value: Number.NaN, platformName: 'like_count' },
          shares: { value: -1, platformName: 'retweet_count' },
          saves: { value: 2 },
          bogus: { value: 1, platformName: 'x' },
        },
        window: { start: '2026-01-05T00:00:00.000Z', end: '2026-01-04T00:00:00.000Z' },
      }),
    ).sort();
    expect(paths).toEqual(['metrics', 'metrics.likes.value', 'metrics.saves.platformName', 'metrics.shares.value', 'window.end']);
  });

  it('accepts account subjects', () => {
    const account = parseMetricSnapshot({
      subject: { type: 'account', platform: 'bluesky', accountId: 'did:plc:a' },
      observedAt: '2026-01-05T10:00:00.000Z',
      metrics: { followers: { value: 1200, platformName: 'followersCount' } },
    });
    expect(account.subject.type).toBe('account');
  });
});

describe('Page', () => {
  it('validates items with their schema and requires a cursor or null', () => {
    expect(parsePage(MentionSchema, { items: [], nextCursor: null })).toEqual({ items: [], nextCursor: null });
    expect(pathsOf(() => parsePage(MentionSchema, { items: [{ id: 1 }], nextCursor: '' })).some((p) => p.startsWith('items.0'))).toBe(true);
    expect(pathsOf(() => parsePage(MentionSchema, { items: [] }))).toEqual(['nextCursor']);
  });
});
