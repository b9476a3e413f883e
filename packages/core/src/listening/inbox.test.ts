import { describe, expect, it } from 'vitest';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import type { Account, Mention } from '../model/index.js';
import { createInbox } from './inbox.js';
import { InboxStateError } from './inbox-state-error.js';
import { ReplyInProgressError } from './reply-in-progress-error.js';
import type { ReplySender } from './sources.js';
import { mention } from './__tests__/mentions.js';
import { createFakeClock } from '../clock/index.js';

const START = Date.parse('2026-03-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const account: Account = { platform: 'bluesky', id: 'acct-1', handle: 'brand.bsky.social', timeZone: 'UTC' };

function fakeSender(options: { dm?: boolean; failReply?: boolean } = {}) {
  const sent: Array<{ kind: 'reply' | 'dm'; to: string; text: string }> = [];
  let count = 0;
  const sender: ReplySender = {
    reply: async (_account, inReplyTo: Mention, text) => {
      if (options.failReply) throw new Error('network down');
      sent.push({ kind: 'reply', to: inReplyTo.id, text });
      return { platform: inReplyTo.platform, id: `out-${++count}` };
    },
    ...(options.dm === false
      ? {}
      : {
          sendDirectMessage: async (_account: Account, to: Mention['author'], text: string) => {
            sent.push({ kind: 'dm', to: to.id, text });
            return { id: `dm-${++count}` };
          },
        }),
  };
  return { sender, sent };
}

function setup(senderOptions?: Parameters<typeof fakeSender>[0]) {
  const clock = createFakeClock({ now: START, autoAdvance: true });
  const { sender, sent } = fakeSender(senderOptions);
  const inbox = createInbox({
    accounts: [account],
    sender,
    clock,
    savedReplies: { 'refund-delay': 'Hi {{author.name}}, sorry for the wait. Refund {{orderId}} goes out today. — {{agent}}' },
  });
  return { clock, inbox, sent };
}

describe('createInbox', () => {
  it('groups items by thread and direct messages by author', () => {
    const { inbox } = setup();
    const root = inbox.ingest(mention({ id: 'c1', kind: 'comment', conversationId: 'post-1', createdAt: iso(START - 3000) }));
    inbox.ingest(mention({ id: 'c2', kind: 'reply', conversationId: 'post-1', createdAt: iso(START - 2000) }));
    // No conversation id, but it answers c2: same conversation.
    inbox.ingest(mention({ id: 'c3', kind: 'reply', inReplyToId: 'c2', createdAt: iso(START - 1000) }));
    const dmAuthor = { id: 'dana', handle: 'dana' };
    inbox.ingest(mention({ id: 'd1', kind: 'direct_message', author: dmAuthor, createdAt: iso(START - 5000) }));
    inbox.ingest(mention({ id: 'd2', kind: 'direct_message', author: dmAuthor, createdAt: iso(START - 4000) }));
    const again = inbox.ingest(mention({ id: 'c1', kind: 'comment', conversationId: 'post-1', createdAt: iso(START - 3000) }));

    expect(root.created).toBe(true);
    expect(again.duplicate).toBe(true);
    const all = inbox.conversations();
    expect(all.map((c) => [c.id, c.kind, c.messages.map((m) => m.id)])).toEqual([
      ['bluesky:acct-1:thread:post-1', 'thread', ['c1', 'c2', 'c3']],
      ['bluesky:acct-1:dm:dana', 'direct', ['d1', 'd2']],
    ]);
    expect(inbox.counts()).toEqual({ open: 2, assigned: 0, waiting: 0, resolved: 0 });
  });

  it('moves open → assigned → waiting on reply, stamping the first response', async () => {
    const { inbox, clock } = setup();
    const { conversation } = inbox.ingest(mention({ id: 'm1', text: 'my parcel is late', createdAt: iso(START - 60_000) }));
    expect(inbox.assign(conversation.id, 'sam').state).toBe('assigned');
    await clock.sleep(5 * 60_000);
    const afterReply = await inbox.reply(conversation.id, { text: 'Checking now!' }, { by: 'sam' });
    expect(afterReply.state).toBe('waiting');
    expect(afterReply.firstResponseAt).toBe(iso(START + 5 * 60_000));
    // The customer answers in the thread: back to the assignee; first response stays.
    const answered = inbox.ingest(mention({ id: 'm2', inReplyToId: 'out-1', createdAt: iso(START + 6 * 60_000) })).conversation;
    expect(answered).toMatchObject({ id: conversation.id, state: 'assigned', firstResponseAt: iso(START + 5 * 60_000) });
  });

  it('follows the customer back to the assignee and reopens a resolved conversation', async () => {
    const { inbox, clock } = setup();
    const id = inbox.ingest(mention({ id: 'm1', conversationId: 't', createdAt: iso(START - 1000) })).conversation.id;
    inbox.assign(id, 'sam');
    await inbox.reply(id, { text: 'On it' });
    expect(inbox.ingest(mention({ id: 'm2', conversationId: 't', createdAt: iso(START + 1000) })).conversation).toMatchObject({
      state: 'assigned',
      assignee: 'sam',
    });
    await clock.sleep(60_000);
    const resolved = inbox.resolve(id, { by: 'sam' });
    expect(resolved).toMatchObject({ state: 'resolved', resolvedAt: iso(START + 60_000) });
    const reopened = inbox.ingest(mention({ id: 'm3', conversationId: 't', createdAt: iso(START + 120_000) })).conversation;
    expect(reopened).toMatchObject({ state: 'open', assignee: null, resolvedAt: null });
    expect(reopened.history.map((change) => `${change.from}>${change.to}:${change.by ?? ''}`)).toEqual([
      'open>assigned:',
      'assigned>waiting:',
      'waiting>assigned:inbound',
      'assigned>resolved:sam',
      'resolved>open:inbound',
    ]);
  });

  it('refuses transitions the workflow does not allow, with a typed error', async () => {
    const { inbox } = setup();
    const id = inbox.ingest(mention({ id: 'm1' })).conversation.id;
    inbox.resolve(id);
    for (const attempt of [() => inbox.assign(id, 'sam'), () => inbox.markWaiting(id), () => inbox.resolve(id), () => inbox.unassign(id)]) {
      let caught: unknown;
      try {
        attempt();
      } catch (error) {
        caught = error;
      }
      expect(InboxStateError.isInstance(caught)).toBe(true);
      expect((caught as InboxStateError).from).toBe('resolved');
    }
    expect(() => inbox.resolve(id)).toThrow(/reopen it first with inbox.reopen\(id\)/);
    await expect(inbox.reply(id, { text: 'hi' })).rejects.toSatisfy(InboxStateError.isInstance);
    expect(inbox.reopen(id).state).toBe('open');
    expect(() => inbox.reopen(id)).toThrow(/is open, not resolved/);
    inbox.assign(id, 'sam');
    expect(() => inbox.reopen(id)).toThrow(InboxStateError);
    expect(() => inbox.assign('nope', 'sam')).toThrow(/no conversation "nope"/);
  });

  it('keeps internal notes apart from messages and never sends them', () => {
    const { inbox, sent } = setup();
    const id = inbox.ingest(mention({ id: 'm1' })).conversation.id;
    const note = inbox.addNote(id, { author: 'sam', text: 'VIP customer, order A-1042' });
    const conversation = inbox.get(id)!;
    expect(conversation.notes).toEqual([note]);
    expect(conversation.messages).toHaveLength(1);
    expect(sent).toEqual([]);
    expect(() => inbox.addNote(id, { author: '', text: '' })).toThrow(ValidationError);
  });

  it('personalises saved replies and refuses unfilled placeholders, naming them', async () => {
    const { inbox, sent } = setup();
    const id = inbox.ingest(mention({ id: 'm1', author: { id: 'u1', handle: 'dana', displayName: 'Dana' } })).conversation.id;
    expect.assertions(5);
    try {
      await inbox.reply(id, { savedReply: 'refund-delay', values: { orderId: ' ' } });
    } catch (error) {
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        ['values', 'orderId'],
        ['values', 'agent'],
      ]);
      expect((error as ValidationError).message).toContain('{{orderId}} is not filled in');
    }
    expect(sent).toEqual([]);
    await inbox.reply(id, { savedReply: 'refund-delay', values: { orderId: 'A-1042' } }, { by: 'Sam' });
    expect(sent).toEqual([{ kind: 'reply', to: 'm1', text: 'Hi Dana, sorry for the wait. Refund A-1042 goes out today. — Sam' }]);
    await expect(inbox.reply(id, { savedReply: 'nope' })).rejects.toThrow(/known: refund-delay/);
  });

  it('greets the author of the item answered, not whoever opened a busy public thread', async () => {
    const { inbox, sent } = setup();
    const first = inbox.ingest(
      mention({
        id: 'r1',
        kind: 'reply',
        conversationId: 'post-9',
        author: { id: 'u1', handle: 'jun', displayName: 'Jun' },
        createdAt: iso(START - 2000),
      }),
    );
    inbox.ingest(
      mention({ id: 'r2', kind: 'reply', conversationId: 'post-9', author: { id: 'u2', handle: 'ana6' }, createdAt: iso(START - 1000) }),
    );
    const id = first.conversation.id;
    expect(inbox.get(id)!.participant.handle).toBe('jun');
    await inbox.reply(id, { savedReply: 'refund-delay', values: { orderId: 'B-7' } }, { by: 'Lena', inReplyToId: 'r2' });
    // ana6 has no display name: the handle stands in for it.
    expect(sent).toEqual([{ kind: 'reply', to: 'r2', text: 'Hi ana6, sorry for the wait. Refund B-7 goes out today. — Lena' }]);
    // The preview answers the newest item, as reply() does without inReplyToId.
    expect(inbox.renderReply(id, { savedReply: 'refund-delay', values: { orderId: 'B-7' } }, { by: 'Lena' })).toBe(
      'Hi ana6, sorry for the wait. Refund B-7 goes out today. — Lena',
    );
  });

  it('refuses a saved reply without any placeholder at creation', () => {
    expect(() => createInbox({ accounts: [account], savedReplies: { canned: 'Thanks for reaching out!' } })).toThrow(
      /savedReplies\.canned: must contain at least one \{\{placeholder\}\}/,
    );
  });

  it('answers DMs privately, moves a public thread to DM on request, and says when DMs are unavailable', async () => {
    const { inbox, sent } = setup();
    const dm = inbox.ingest(mention({ id: 'd1', kind: 'direct_message', author: { id: 'u9', handle: 'eve' } })).conversation.id;
    await inbox.reply(dm, { text: 'Sent you the label' });
    const thread = inbox.ingest(mention({ id: 'p1', conversationId: 'x', author: { id: 'u8', handle: 'fay' } })).conversation.id;
    await inbox.reply(thread, { text: 'Let us take this to DM' }, { channel: 'private' });
    expect(sent.map((s) => [s.kind, s.to])).toEqual([
      ['dm', 'u9'],
      ['dm', 'u8'],
    ]);

    const noDm = setup({ dm: false });
    const id = noDm.inbox.ingest(mention({ id: 'p2' })).conversation.id;
    await expect(noDm.inbox.reply(id, { text: 'hi' }, { channel: 'private' })).rejects.toSatisfy(
      (error: unknown) => UnsupportedFeatureError.isInstance(error) && error.feature === 'direct_message' && error.platform === 'bluesky',
    );
    expect(noDm.inbox.get(id)!.messages).toHaveLength(1);
  });

  it('continues the same conversation when the customer answers a private reply by DM', async () => {
    const { inbox, sent } = setup();
    const fay = { id: 'u8', handle: 'fay' };
    const thread = inbox.ingest(mention({ id: 'p1', conversationId: 'x', author: fay, createdAt: iso(START - 60_000) })).conversation.id;
    await inbox.reply(thread, { text: 'Let us take this to DM' }, { channel: 'private' });
    const answer = inbox.ingest(mention({ id: 'd7', kind: 'direct_message', author: fay, createdAt: iso(START + 1000) }));
    expect(answer.created).toBe(false);
    expect(answer.conversation.id).toBe(thread);
    expect(inbox.conversations().map((c) => c.id)).toEqual([thread]);
    // The next answer goes where the customer now writes: privately, without being told.
    await inbox.reply(thread, { text: 'Thanks, refund sent' });
    expect(sent.map((s) => s.kind)).toEqual(['dm', 'dm']);
    // Someone else's DM still opens their own conversation.
    expect(inbox.ingest(mention({ id: 'd8', kind: 'direct_message', author: { id: 'u1', handle: 'gus' } })).created).toBe(true);
  });

  it('refuses a second reply while one is in flight, unless the caller opts in', async () => {
    const clock = createFakeClock({ now: START, autoAdvance: true });
    let release: () => void = () => undefined;
    const sent: string[] = [];
    const sender: ReplySender = {
      reply: async (_account, _to, text) => {
        sent.push(text);
        if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return { platform: 'bluesky', id: `out-${sent.length}` };
      },
    };
    const inbox = createInbox({ accounts: [account], sender, clock });
    const id = inbox.ingest(mention({ id: 'm1', createdAt: iso(START - 1000) })).conversation.id;
    const first = inbox.reply(id, { text: 'from sam' }, { by: 'sam' });
    await expect(inbox.reply(id, { text: 'from kim' }, { by: 'kim' })).rejects.toSatisfy(
      (error: unknown) =>
        ReplyInProgressError.isInstance(error) &&
        error.code === 'reply_in_progress' &&
        error.replyingBy === 'sam' &&
        error.message.includes('sam is already replying'),
    );
    expect(sent).toEqual(['from sam']);
    const forced = inbox.reply(id, { text: 'from kim anyway' }, { by: 'kim', concurrent: true });
    release();
    await Promise.all([first, forced]);
    expect(sent).toEqual(['from sam', 'from kim anyway']);
    // Once the first finished, a new reply is accepted again.
    await inbox.reply(id, { text: 'follow-up' });
    expect(sent).toHaveLength(3);
  });

  it('counts an item created a few seconds ahead of the inbox clock as answered', async () => {
    const { inbox } = setup();
    // The network's clock runs 4 s ahead of ours.
    const id = inbox.ingest(mention({ id: 'm1', createdAt: iso(START + 4000) })).conversation.id;
    await inbox.reply(id, { text: 'Looking into it' });
    const [pair] = inbox.responsePairs();
    expect(pair!.respondedAt).not.toBeNull();
    // Never answered before it was written: a 0 response time, not a negative one.
    expect(Date.parse(pair!.respondedAt!)).toBeGreaterThanOrEqual(Date.parse(pair!.receivedAt));
    expect(inbox.responseTimeInput().replies).toEqual([{ inReplyToId: 'm1', createdAt: iso(START + 4000) }]);
  });

  it('records nothing when sending fails', async () => {
    const { inbox } = setup({ failReply: true });
    const id = inbox.ingest(mention({ id: 'm1' })).conversation.id;
    await expect(inbox.reply(id, { text: 'hello' })).rejects.toThrow('network down');
    expect(inbox.get(id)).toMatchObject({ state: 'open', firstResponseAt: null });
    expect(inbox.responsePairs()[0]!.respondedAt).toBeNull();
  });

  it('exports response pairs and the analytics response-time input', async () => {
    const { inbox, clock } = setup();
    const a = inbox.ingest(mention({ id: 'a1', conversationId: 'a', createdAt: iso(START - 10 * 60_000) })).conversation.id;
    inbox.ingest(mention({ id: 'a2', conversationId: 'a', createdAt: iso(START - 5 * 60_000) }));
    inbox.ingest({ ...mention({ id: 'b1', conversationId: 'b', createdAt: iso(START - 60_000) }), matchedRules: ['x'] });
    await clock.sleep(2 * 60_000);
    await inbox.reply(a, { text: 'Sorted!' });
    expect(inbox.responsePairs()).toEqual([
      {
        conversationId: a,
        platform: 'bluesky',
        accountId: 'acct-1',
        mentionId: 'a1',
        receivedAt: iso(START - 10 * 60_000),
        respondedAt: iso(START + 2 * 60_000),
      },
      {
        conversationId: a,
        platform: 'bluesky',
        accountId: 'acct-1',
        mentionId: 'a2',
        receivedAt: iso(START - 5 * 60_000),
        respondedAt: iso(START + 2 * 60_000),
      },
      {
        conversationId: 'bluesky:acct-1:thread:b',
        platform: 'bluesky',
        accountId: 'acct-1',
        mentionId: 'b1',
        receivedAt: iso(START - 60_000),
        respondedAt: null,
      },
    ]);
    const input = inbox.responseTimeInput();
    expect(input.mentions.map((m) => m.id)).toEqual(['a1', 'a2', 'b1']);
    expect(input.mentions[2]).not.toHaveProperty('matchedRules');
    expect(input.replies).toEqual([
      { inReplyToId: 'a1', createdAt: iso(START + 2 * 60_000) },
      { inReplyToId: 'a2', createdAt: iso(START + 2 * 60_000) },
    ]);
  });
});
