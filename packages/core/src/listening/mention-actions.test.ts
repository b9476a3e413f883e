import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { Account, Mention } from '../model/index.js';
import { mention } from './__tests__/mentions.js';
import { createInbox } from './inbox.js';
import type { InboxMentionAction, MentionActor } from './mention-actions.js';

const account: Account = { platform: 'bluesky', id: 'acct-1', handle: 'brand.bsky.social', timeZone: 'UTC' };

// An actor that supports `supported` (as a client would, before any request) and records the rest.
function fakeActor(supported: readonly InboxMentionAction[]) {
  const calls: Array<{ account: string; mention: Mention; action: string; reason?: string }> = [];
  const actor: MentionActor = {
    actOnMention: async (key, item, action, options = {}) => {
      if (!supported.includes(action))
        throw new UnsupportedFeatureError(`Bluesky cannot "${action}"`, { feature: action, platform: 'bluesky' });
      calls.push({ account: key, mention: item, action, ...(options.reason === undefined ? {} : { reason: options.reason }) });
    },
  };
  return { actor, calls };
}

function setup(supported: readonly InboxMentionAction[] = ['like', 'block', 'delete', 'report-spam']) {
  const clock = createFakeClock({ now: '2026-03-01T12:00:00.000Z' });
  const { actor, calls } = fakeActor(supported);
  const sender = { reply: async (_account: Account, to: Mention) => ({ platform: to.platform, id: 'at://acct-1/app.bsky.feed.post/own' }) };
  const inbox = createInbox({ accounts: [account], clock, actor, sender });
  const item = mention({ id: 'm1', kind: 'reply', conversationId: 'c1' });
  const { conversation } = inbox.ingest(item);
  return { inbox, calls, clock, item, id: conversation.id };
}

describe('inbox.act', () => {
  it('runs the action on the item through the actor (as the conversation’s account) and records who did it when', async () => {
    const { inbox, calls, item, id } = setup();
    await inbox.act(id, 'm1', 'like', { by: 'sam' });
    const after = await inbox.act(id, 'm1', 'report-spam', { by: 'ana', reason: 'link farm' });
    expect(calls).toEqual([
      { account: 'bluesky:acct-1', mention: item, action: 'like' },
      { account: 'bluesky:acct-1', mention: item, action: 'report-spam', reason: 'link farm' },
    ]);
    expect(after.actions).toEqual([
      { action: 'like', itemId: 'm1', at: '2026-03-01T12:00:00.000Z', by: 'sam' },
      { action: 'report-spam', itemId: 'm1', at: '2026-03-01T12:00:00.000Z', by: 'ana', reason: 'link farm' },
    ]);
    expect(inbox.get(id)!.actions).toHaveLength(2);
  });

  it('deletes the brand’s own reply as the account’s post', async () => {
    const { inbox, calls, id } = setup();
    await inbox.reply(id, { text: 'sorry about that' });
    await inbox.act(id, 'at://acct-1/app.bsky.feed.post/own', 'delete', { by: 'sam' });
    expect(calls[0]).toMatchObject({
      action: 'delete',
      mention: { id: 'at://acct-1/app.bsky.feed.post/own', author: { id: 'acct-1' }, text: 'sorry about that' },
    });
  });

  it('records nothing when the network refuses, and names a missing item', async () => {
    const { inbox, id } = setup(['like']);
    await expect(inbox.act(id, 'm1', 'hide')).rejects.toThrow(UnsupportedFeatureError);
    await expect(inbox.act(id, 'nope', 'like')).rejects.toThrow(ValidationError);
    expect(inbox.get(id)!.actions).toBeUndefined();
  });

  it('needs an actor', async () => {
    const inbox = createInbox({ accounts: [account] });
    const { conversation } = inbox.ingest(mention({ id: 'm2' }));
    await expect(inbox.act(conversation.id, 'm2', 'like')).rejects.toThrow('pass an actor that runs actions');
  });
});
