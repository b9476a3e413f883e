import { describe, expect, it } from 'vitest';
import type { Adapter } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';
import type { Account } from '../model/index.js';
import { checkDeclaredMetrics, toPostRef, toPublishedPost } from './adapter-output.js';

// Only the fields these functions read: no adapter operations, no HTTP, no simulator.
const adapter = { platform: 'memo', displayName: 'Memo' } as Adapter;
const account: Account = { platform: 'memo', id: 'a1', handle: 'brand', timeZone: 'UTC' };
const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);

describe('adapter output normalisation', () => {
  it('fills platform and accountId of a post ref, keeping what the adapter set', () => {
    expect(toPostRef({ id: '42' }, account)).toEqual({ id: '42', platform: 'memo', accountId: 'a1' });
    expect(toPostRef({ id: '42', accountId: 'other', url: 'https://memo.example/42' }, account)).toEqual({
      id: '42',
      platform: 'memo',
      accountId: 'other',
      url: 'https://memo.example/42',
    });
  });

  it('turns a publish output into a PublishedPost, publishedAt defaulting to the clock', () => {
    const published = toPublishedPost({ parts: [{ id: '1' }, { id: '2' }] }, { adapter, account }, 'doPublish', NOW, 'key-1');
    expect(published).toEqual({
      platform: 'memo',
      accountId: 'a1',
      parts: [
        { id: '1', platform: 'memo', accountId: 'a1' },
        { id: '2', platform: 'memo', accountId: 'a1' },
      ],
      publishedAt: '2026-12-04T12:00:00.000Z',
      idempotencyKey: 'key-1',
    });
  });

  it('reports a malformed publish output as an adapter bug naming the operation', () => {
    expect(() => toPublishedPost({ parts: [] }, { adapter, account }, 'doPublish', NOW)).toThrow(
      /memo adapter's doPublish \(an adapter bug\)/,
    );
    expect(() => toPublishedPost(null, { adapter, account }, 'doReply', NOW)).toThrow(ValidationError);
  });

  it('refuses metrics the capabilities do not declare, and passes declared ones', () => {
    const snapshot = {
      subject: { type: 'account' as const, platform: 'memo', accountId: 'a1' },
      observedAt: '2026-12-04T12:00:00.000Z',
      metrics: { followers: { value: 3, platformName: 'followers_count' }, likes: { value: 1, platformName: 'favs' } },
    };
    expect(checkDeclaredMetrics(snapshot, ['followers', 'likes'], adapter, 'doGetAccountMetrics')).toBe(snapshot);
    expect(() => checkDeclaredMetrics(snapshot, ['followers'], adapter, 'doGetAccountMetrics')).toThrow(/reports likes/);
  });
});
