import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { Mention } from '../model/index.js';
import { defineAdapter, type MentionAction, type MentionActionInput } from '../adapter-kit/index.js';
import { createFakeClock } from '../clock/index.js';
import { createClient } from './index.js';

// A network whose doMentionAction records what it was asked; `answer` is what it resolves with.
function network(mentionActions: readonly MentionAction[] | undefined, answer: unknown = undefined) {
  const calls: MentionActionInput[] = [];
  const adapter = defineAdapter<unknown, { token: string }>({
    platform: 'memo',
    displayName: 'Memo',
    capabilities: {
      content: { text: { id: 'memo', method: 'graphemes', maxLength: 100 }, media: { maxItems: 1, kinds: ['image'] }, threads: false },
      visibilities: ['public'],
      replies: true,
      delete: true,
      edit: false,
      polls: false,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention', 'reply'],
      postMetrics: [],
      accountMetrics: [],
      idempotency: { strategy: 'lookup' },
      ...(mentionActions ? { mentionActions } : {}),
    },
    http: { baseUrl: 'https://memo.example' },
    credentials: { schema: z.object({ token: z.string() }), createProvider: () => ({ getHeaders: () => ({}) }) },
    doPublish: async () => ({ parts: [{ id: '1' }] }),
    doDelete: async () => {},
    doGetPost: async () => null,
    doListMentions: async () => ({ items: [], nextCursor: null }),
    doGetPostMetrics: async () => ({ metrics: {} }),
    doGetAccountMetrics: async () => ({ metrics: {} }),
    doFindPublished: async () => null,
    ...(mentionActions
      ? {
          doMentionAction: async (input: MentionActionInput) => {
            calls.push(input);
            return answer as void;
          },
        }
      : {}),
  });
  const clock = createFakeClock({ now: '2026-03-01T12:00:00.000Z' });
  const client = createClient({
    adapters: [adapter],
    accounts: [{ platform: 'memo', id: 'a1', handle: 'brand' }],
    credentials: { 'memo:a1': { token: 't' } },
    clock,
  });
  return { client, calls };
}

const mention: Mention = {
  id: 'm1',
  platform: 'memo',
  accountId: 'a1',
  kind: 'reply',
  author: { id: 'u7', handle: 'ana', displayName: 'Ana' },
  text: 'spam spam',
  createdAt: '2026-03-01T11:00:00.000Z',
  subject: { platform: 'memo', id: 'p1', accountId: 'a1' },
};

describe('client.actOnMention', () => {
  it('runs a declared action with the mention, its author and subject, and says when it was done', async () => {
    const { client, calls } = network(['like', 'report-spam']);
    const result = await client.actOnMention('memo:a1', mention, 'report-spam', { reason: 'link farm' });
    expect(result).toEqual({
      action: 'report-spam',
      platform: 'memo',
      accountId: 'a1',
      mentionId: 'm1',
      doneAt: '2026-03-01T12:00:00.000Z',
    });
    expect(calls).toEqual([
      {
        action: 'report-spam',
        mention: { id: 'm1', platform: 'memo', author: { id: 'u7', handle: 'ana' }, subject: { id: 'p1' } },
        reason: 'link farm',
      },
    ]);
  });

  it('refuses an undeclared action before any request, naming the network and what it supports', async () => {
    const { client, calls } = network(['like', 'mute']);
    const error = await client.actOnMention('memo:a1', mention, 'hide').catch((caught: unknown) => caught);
    expect(UnsupportedFeatureError.isInstance(error)).toBe(true);
    expect((error as UnsupportedFeatureError).message).toBe('Memo cannot "hide" a mention through its API (it supports: like, mute)');
    expect((error as UnsupportedFeatureError).feature).toBe('mentionActions.hide');
    expect(calls).toEqual([]);
  });

  it('refuses every action on a v1.0 adapter (it supports none)', async () => {
    const { client } = network(undefined);
    await expect(client.actOnMention('memo:a1', mention, 'like')).rejects.toThrow('(it supports: none)');
  });

  it('refuses an unknown action and a delete of somebody else’s post before any request', async () => {
    const { client, calls } = network(['like', 'delete']);
    await expect(client.actOnMention('memo:a1', mention, 'retweet' as MentionAction)).rejects.toThrow(ValidationError);
    const error = await client.actOnMention('memo:a1', mention, 'delete').catch((caught: unknown) => caught);
    expect(ValidationError.isInstance(error) && error.issues.map((issue) => issue.path.join('.'))).toEqual(['author.id']);
    expect(calls).toEqual([]);
    await client.actOnMention('memo:a1', { ...mention, author: { id: 'a1', handle: 'brand' } }, 'delete');
    expect(calls.map((call) => call.action)).toEqual(['delete']);
  });

  it('refuses a mention from another network', async () => {
    const { client, calls } = network(['like']);
    await expect(client.actOnMention('memo:a1', { ...mention, platform: 'x' }, 'like')).rejects.toThrow('act on it through a x account');
    expect(calls).toEqual([]);
  });

  it('reports an adapter that answers with something as an adapter bug', async () => {
    const { client } = network(['like'], { liked: true });
    await expect(client.actOnMention('memo:a1', mention, 'like')).rejects.toThrow(
      "output of the memo adapter's doMentionAction (an adapter bug)",
    );
  });
});
