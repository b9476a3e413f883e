import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { ValidationError } from '../errors/index.js';
import type { Account, Mention } from '../model/index.js';
import type { InboxItem } from './conversation.js';
import { InboxStateError } from './inbox-state-error.js';
import { createMemoryInboxStore, InboxConflictError, type InboxStore } from './inbox-store.js';
import { ReplyInProgressError } from './reply-in-progress-error.js';
import { createSharedInbox, type SharedInboxOptions } from './shared-inbox.js';
import type { ReplySender } from './sources.js';
import { mention } from './__tests__/mentions.js';

const START = Date.parse('2026-03-02T10:00:00.000Z'); // a Monday
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const accounts: Account[] = [
  { platform: 'bluesky', id: 'acct-1', handle: 'brand.bsky.social', timeZone: 'UTC' },
  { platform: 'x', id: 'acct-x', handle: 'brand', timeZone: 'UTC' },
  { platform: 'mastodon', id: 'acct-m', handle: 'brand@social.example', timeZone: 'UTC' },
];

function recordingSender() {
  const sent: Array<{ to: string; text: string }> = [];
  const sender: ReplySender = {
    reply: async (_account, inReplyTo: Mention, text) => {
      sent.push({ to: inReplyTo.id, text });
      return { platform: inReplyTo.platform, id: `out-${sent.length}` };
    },
    sendDirectMessage: async (_account, to, text) => {
      sent.push({ to: to.id, text });
      return { id: `dm-${sent.length}` };
    },
  };
  return { sender, sent };
}

/** Two app instances (two agents on two machines) over one store. */
function twoInstances(extra: Partial<SharedInboxOptions> = {}, store: InboxStore = createMemoryInboxStore()) {
  const clock = createFakeClock({ now: START });
  const { sender, sent } = recordingSender();
  const make = () => createSharedInbox({ accounts, sender, clock, store, ...extra });
  return { clock, sent, store, a: make(), b: make() };
}

describe('createSharedInbox: one inbox over one store', () => {
  it('files overlapping items from two instances into one conversation each, whatever the order', async () => {
    // Items of three threads; each instance ingests a subset (overlapping), interleaved.
    const items = ['t1', 't1', 't2', 't3', 't3', 't3'].map((thread, index) =>
      mention({ id: `m${index}`, conversationId: thread, createdAt: iso(START - (10 - index) * MINUTE) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: items.length - 1 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        async (steps) => {
          const { a, b } = twoInstances();
          const results = await Promise.all(steps.map(([index, first]) => (first ? a : b).ingest(items[index]!)));
          const distinct = [...new Set(steps.map(([index]) => index))];
          const threads = new Set(distinct.map((index) => items[index]!.conversationId));
          const all = await b.conversations();
          expect(all).toHaveLength(threads.size);
          // Every distinct item is in exactly one conversation, once.
          const filed = all.flatMap((conversation) => conversation.messages.map((message) => message.id)).sort();
          expect(filed).toEqual(distinct.map((index) => `m${index}`).sort());
          expect(results.filter((result) => !result.duplicate)).toHaveLength(distinct.length);
          expect(results.filter((result) => result.created)).toHaveLength(threads.size);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sends one reply when two agents on two instances reply at once; the other gets ReplyInProgressError', async () => {
    const clock = createFakeClock({ now: START });
    const store = createMemoryInboxStore();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sent: string[] = [];
    const sender: ReplySender = {
      reply: async (_account, _to, text) => {
        sent.push(text);
        await gate;
        return { platform: 'bluesky', id: `out-${sent.length}` };
      },
    };
    const a = createSharedInbox({ accounts, sender, clock, store });
    const b = createSharedInbox({ accounts, sender, clock, store });
    const id = (await a.ingest(mention({ id: 'm1', createdAt: iso(START - MINUTE) }))).conversation.id;
    const replies = Promise.allSettled([
      a.reply(id, { text: 'from sam' }, { by: 'sam' }),
      b.reply(id, { text: 'from kim' }, { by: 'kim' }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    const settled = await replies;
    expect(sent).toHaveLength(1);
    const lost = settled.filter((result) => result.status === 'rejected');
    expect(lost).toHaveLength(1);
    const error = (lost[0] as PromiseRejectedResult).reason as ReplyInProgressError;
    expect(ReplyInProgressError.isInstance(error)).toBe(true);
    expect(error.replyingBy).toBe(sent[0] === 'from sam' ? 'sam' : 'kim');
    const final = (await b.get(id))!;
    expect(final.messages.filter((message) => message.direction === 'outbound')).toHaveLength(1);
    expect(final).toMatchObject({ state: 'waiting', firstResponseAt: iso(START) });
    expect(final.replying).toBeUndefined();
    // The claim is released: the next reply goes out.
    await b.reply(id, { text: 'follow-up' }, { by: 'kim' });
    expect(sent).toHaveLength(2);
  });

  it('releases the claim when sending fails, and takes over a claim older than replyClaimTtlMs', async () => {
    const clock = createFakeClock({ now: START });
    const store = createMemoryInboxStore();
    const failing: ReplySender = {
      reply: async () => {
        throw new Error('network down');
      },
    };
    const inbox = createSharedInbox({ accounts, sender: failing, clock, store });
    const id = (await inbox.ingest(mention({ id: 'm1', createdAt: iso(START - MINUTE) }))).conversation.id;
    await expect(inbox.reply(id, { text: 'hi' })).rejects.toThrow('network down');
    expect(await store.get(id)).toMatchObject({ state: 'open', firstResponseAt: null, version: 3 });
    expect((await store.get(id))!.replying).toBeUndefined();

    // An instance died mid-send, leaving its claim: refused for 2 minutes, then taken over.
    const stale = (await store.get(id))!;
    await store.update({ ...stale, replying: { by: 'ghost', since: iso(START), token: 't' } }, stale.version);
    const { sender, sent } = recordingSender();
    const other = createSharedInbox({ accounts, sender, clock, store, replyClaimTtlMs: 2 * MINUTE });
    await expect(other.reply(id, { text: 'hi' })).rejects.toSatisfy(ReplyInProgressError.isInstance);
    clock.set(START + 2 * MINUTE);
    await other.reply(id, { text: 'hi' });
    expect(sent).toEqual([{ to: 'm1', text: 'hi' }]);
  });

  it('follows a reply and a private reply across instances: the answer joins the thread, the DM joins it too', async () => {
    const { a, b } = twoInstances();
    const fay = { id: 'u8', handle: 'fay' };
    const thread = (await a.ingest(mention({ id: 'p1', author: fay, createdAt: iso(START - MINUTE) }))).conversation.id;
    const replied = await a.reply(thread, { text: 'Let us take this to DM' }, { channel: 'private' });
    const dmId = replied.messages.at(-1)!.id;
    const dm = await b.ingest(mention({ id: 'd1', kind: 'direct_message', author: fay, createdAt: iso(START + MINUTE) }));
    expect(dm).toMatchObject({ created: false, conversation: { id: thread } });
    // A public answer to the brand's message (no conversation id) joins it through the store's message index.
    const answer = await b.ingest(mention({ id: 'r1', inReplyToId: dmId, createdAt: iso(START + 2 * MINUTE) }));
    expect(answer.conversation.id).toBe(thread);
    expect((await a.conversations()).map((conversation) => conversation.id)).toEqual([thread]);
  });

  it('marks one item complete without resolving the conversation', async () => {
    const { a, b } = twoInstances();
    const id = (await a.ingest(mention({ id: 'm1', conversationId: 't', createdAt: iso(START - 2 * MINUTE) }))).conversation.id;
    await a.ingest(mention({ id: 'm2', conversationId: 't', createdAt: iso(START - MINUTE) }));
    const done = await b.complete(id, 'm1', { by: 'kim' });
    expect(done.state).toBe('open');
    expect(
      done.messages.map((message) => (message.direction === 'inbound' ? [message.id, message.completedAt, message.completedBy] : [])),
    ).toEqual([
      ['m1', iso(START), 'kim'],
      ['m2', undefined, undefined],
    ]);
    await expect(b.complete(id, 'nope')).rejects.toSatisfy(ValidationError.isInstance);
    await expect(b.resolve('missing')).rejects.toThrow(/no conversation "missing"/);
    await b.resolve(id);
    await expect(a.resolve(id)).rejects.toSatisfy(InboxStateError.isInstance);
  });
});

describe('SLA timers in business hours', () => {
  // Open Monday–Friday 09:00–17:00 in Bucharest (UTC+2 in March, before the DST change on the 29th).
  const week = Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start: '09:00', end: '17:00' }]]));
  const sla = {
    businessHours: { timeZone: 'Europe/Bucharest', weekly: week },
    firstResponseMs: 60 * MINUTE,
    teams: { vip: { firstResponseMs: 15 * MINUTE } },
  };

  it('counts only business time across a weekend: Friday 16:30 + 1 h is due Monday 09:30', async () => {
    const friday1630 = Date.parse('2026-03-06T14:30:00.000Z'); // 16:30 local
    const { a, clock } = twoInstances({ sla });
    clock.set(friday1630);
    const id = (await a.ingest(mention({ id: 'm1', createdAt: iso(friday1630) }))).conversation.id;
    clock.set(Date.parse('2026-03-07T10:00:00.000Z')); // Saturday: 30 min used on Friday, 30 left
    expect(await a.sla(id)).toEqual({
      conversationId: id,
      team: null,
      targetMs: 60 * MINUTE,
      state: 'on-track',
      waitingSince: iso(friday1630),
      dueAt: '2026-03-09T07:30:00.000Z', // Monday 09:30 local
      remainingMs: 30 * MINUTE,
    });
    clock.set(Date.parse('2026-03-09T07:20:00.000Z')); // Monday 09:20: 10 min left, within a quarter of the target
    expect(await a.sla(id)).toMatchObject({ state: 'at-risk', remainingMs: 10 * MINUTE });
    clock.set(Date.parse('2026-03-09T08:00:00.000Z')); // Monday 10:00: 30 min over
    expect(await a.sla(id)).toMatchObject({ state: 'breached', remainingMs: -30 * MINUTE });
    expect((await a.slaBreaches()).map((status) => status.conversationId)).toEqual([id]);
    await a.reply(id, { text: 'Sorry for the wait!' });
    expect(await a.sla(id)).toMatchObject({ state: 'none', dueAt: null, remainingMs: null });
    expect(await a.slaBreaches()).toEqual([]);
  });

  it('starts the clock at opening time for an item that arrives outside business hours, per team target', async () => {
    const tuesday2000 = Date.parse('2026-03-03T18:00:00.000Z'); // Tuesday 20:00 local
    const { a, clock } = twoInstances({ sla, routing: [{ id: 'vip', minFollowers: 10_000, team: 'vip' }] });
    clock.set(Date.parse('2026-03-04T06:59:00.000Z')); // Wednesday 08:59: nothing used yet
    const plain = (await a.ingest(mention({ id: 'm1', createdAt: iso(tuesday2000) }))).conversation.id;
    const vip = (
      await a.ingest(mention({ id: 'm2', author: { id: 'star', handle: 'star', followers: 50_000 }, createdAt: iso(tuesday2000) }))
    ).conversation.id;
    expect(await a.sla(plain)).toMatchObject({ state: 'on-track', remainingMs: 60 * MINUTE, dueAt: '2026-03-04T08:00:00.000Z' });
    expect(await a.sla(vip)).toMatchObject({ team: 'vip', targetMs: 15 * MINUTE, dueAt: '2026-03-04T07:15:00.000Z' });
    // 09:12: vip has 3 min left — at risk (≤ a quarter of 15 min); the other has 48 of 60.
    clock.set(Date.parse('2026-03-04T07:12:00.000Z'));
    expect((await a.slaBreaches()).map((status) => [status.conversationId, status.state, status.remainingMs])).toEqual([
      [vip, 'at-risk', 3 * MINUTE],
    ]);
    expect((await a.slaBreaches({ withinMs: 50 * MINUTE })).map((status) => status.conversationId)).toEqual([vip, plain]);
    // A completed item needs no answer: the timer stops.
    await a.complete(plain, 'm1');
    expect(await a.sla(plain)).toMatchObject({ state: 'none' });
  });

  it('asks for an SLA policy before answering sla()', async () => {
    const { a } = twoInstances();
    const id = (await a.ingest(mention({ id: 'm1' }))).conversation.id;
    await expect(a.sla(id)).rejects.toThrow(/sla: is not set|sla.*firstResponseMs/);
    expect(() => createSharedInbox({ accounts, sla: { ...sla, firstResponseMs: 0 } })).toThrow(/firstResponseMs/);
  });
});

describe('routing rules', () => {
  const negative = {
    sentiment: 'negative',
    sentimentConfidence: 0.8,
    intent: 'complaint',
    intentConfidence: 0.7,
    classifier: 'test',
  } as const;
  const neutral = { ...negative, sentiment: 'neutral', intent: 'other' } as const;
  const routing: SharedInboxOptions['routing'] = [
    { id: 'refunds', query: 'refund* AND NOT giveaway', team: 'billing' },
    { id: 'angry-x', networks: ['x'], sentiments: ['negative'], team: 'care', assignees: ['ana', 'bo'] },
    { id: 'persian', languages: ['fa'], team: 'intl' },
    { id: 'rest', team: 'general' },
  ];
  const item = (id: string, text: string, extra: Partial<InboxItem> = {}): InboxItem => ({
    ...mention({ id, text, platform: 'x', accountId: 'acct-x' }),
    ...extra,
  });

  it('gives each new conversation to the first rule that matches, and records which', async () => {
    const { a } = twoInstances({ routing });
    const route = async (value: InboxItem) => {
      const { conversation } = await a.ingest(value);
      return [conversation.team, conversation.routedBy];
    };
    // Negative and on X, but the refund rule comes first.
    expect(await route(item('1', 'where is my refund', { classification: negative }))).toEqual(['billing', 'refunds']);
    expect(await route(item('2', 'refund giveaway lol', { classification: negative }))).toEqual(['care', 'angry-x']);
    expect(await route(item('3', 'سلام، سفارش من کجاست؟', { language: 'fa', classification: neutral }))).toEqual(['intl', 'persian']);
    expect(await route(item('4', 'nice weather', { classification: neutral }))).toEqual(['general', 'rest']);
    // Without a classification a sentiment rule cannot match.
    expect(await route(item('5', 'this is awful'))).toEqual(['general', 'rest']);
  });

  it("balances a rule's agents: round-robin at equal load, the least loaded first", async () => {
    const { a, b } = twoInstances({ routing });
    const angry = (id: string) => item(id, `bad ${id}`, { classification: negative, conversationId: `c${id}` });
    const assignee = async (inbox: typeof a, id: string) => (await inbox.ingest(angry(id))).conversation;
    const first = await assignee(a, '1');
    expect([first.assignee, (await assignee(b, '2')).assignee, (await assignee(a, '3')).assignee]).toEqual(['ana', 'bo', 'ana']);
    expect(first).toMatchObject({ state: 'assigned', history: [{ from: 'open', to: 'assigned', by: 'routing:angry-x' }] });
    // ana resolves both of hers: she is the least loaded now.
    await a.bulk({ assignee: 'ana' }, { type: 'resolve', by: 'ana' });
    expect((await assignee(b, '4')).assignee).toBe('ana');
  });

  it('refuses a rule without a team, naming it', () => {
    expect(() => createSharedInbox({ accounts, routing: [{ id: 'x', team: ' ' }] })).toThrow(/routing rules.*\[0\]\.team/s);
    expect(() => createSharedInbox({ accounts, routing: [{ id: 'x', team: 't', query: '(refund' }] })).toThrow(ValidationError);
  });
});

describe('search and bulk actions', () => {
  it('searches by text (query language), state, team, tag and assignee', async () => {
    const { a } = twoInstances({ routing: [{ id: 'bugs', query: 'broken OR crash*', team: 'product' }] });
    const one = (await a.ingest(mention({ id: '1', text: 'The export is broken', createdAt: iso(START - 3 * MINUTE) }))).conversation.id;
    const two = (await a.ingest(mention({ id: '2', text: 'refund please', createdAt: iso(START - 2 * MINUTE) }))).conversation.id;
    const three = (await a.ingest(mention({ id: '3', text: 'Refunds and a crash', createdAt: iso(START - MINUTE) }))).conversation.id;
    await a.assign(two, 'sam');
    await a.tag(three, ['vip']);
    const ids = async (search: Parameters<typeof a.search>[0]) => (await a.search(search)).map((c) => c.id);
    expect(await ids({ text: 'refund*' })).toEqual([three, two]);
    expect(await ids({ text: 'refund* AND NOT crash' })).toEqual([two]);
    expect(await ids({ team: 'product' })).toEqual([three, one]);
    expect(await ids({ team: 'product', tag: 'vip' })).toEqual([three]);
    expect(await ids({ assignee: 'sam', state: 'assigned' })).toEqual([two]);
    expect(await ids({ assignee: null, text: 'network:bluesky' })).toEqual([three, one]);
    await expect(a.search({ text: '(refund' })).rejects.toThrow(/text/);
  });

  it('updates each conversation with its own check: a conflict or a missing id in the middle fails only itself', async () => {
    // A store where every write to "b" loses the race (another instance keeps changing it).
    const inner = createMemoryInboxStore();
    const contested: InboxStore = {
      ...inner,
      update: async (conversation, expectedVersion) => {
        if (conversation.id.endsWith(':thread:b')) {
          throw new InboxConflictError('changed', { conversationId: conversation.id, expectedVersion, actualVersion: expectedVersion + 1 });
        }
        return inner.update(conversation, expectedVersion);
      },
    };
    const { a } = twoInstances({}, contested);
    const idOf = async (thread: string) => (await a.ingest(mention({ id: thread, conversationId: thread }))).conversation.id;
    const ids = [await idOf('a'), await idOf('b'), 'bluesky:acct-1:thread:missing', await idOf('c')];
    const results = await a.bulk(ids, { type: 'assign', assignee: 'sam', by: 'lead' });
    expect(results.map((result) => [result.id, result.ok])).toEqual([
      [ids[0], true],
      [ids[1], false],
      [ids[2], false],
      [ids[3], true],
    ]);
    expect(InboxConflictError.isInstance((results[1] as { error: unknown }).error)).toBe(true);
    expect(ValidationError.isInstance((results[2] as { error: unknown }).error)).toBe(true);
    expect((await inner.get(ids[0]!))!.assignee).toBe('sam');
    expect((await inner.get(ids[1]!))!.assignee).toBeNull();
    expect((await inner.get(ids[3]!))!).toMatchObject({ assignee: 'sam', state: 'assigned' });
    // Tags by filter.
    const tagged = await a.bulk({ assignee: 'sam' }, { type: 'tag', tags: ['escalated'] });
    expect(tagged.map((result) => result.ok)).toEqual([true, true]);
    expect((await a.search({ tag: 'escalated' })).map((c) => c.id).sort()).toEqual([ids[0], ids[3]].sort());
  });
});

describe('customer history across networks', () => {
  it('lists every conversation of a linked customer on X and Mastodon, newest first', async () => {
    const { a, b } = twoInstances();
    const onX = { id: 'x-42', handle: 'dana' };
    const onMastodon = { id: 'm-7', handle: 'dana@social.example' };
    const xThread = (
      await a.ingest(mention({ id: 'x1', platform: 'x', accountId: 'acct-x', author: onX, createdAt: iso(START - 60 * MINUTE) }))
    ).conversation.id;
    const mastodonDm = (
      await b.ingest(
        mention({
          id: 'md1',
          platform: 'mastodon',
          accountId: 'acct-m',
          kind: 'direct_message',
          author: onMastodon,
          createdAt: iso(START - 5 * MINUTE),
        }),
      )
    ).conversation.id;
    await a.ingest(mention({ id: 'other', platform: 'x', accountId: 'acct-x', author: { id: 'x-1', handle: 'someone' } }));
    await a.linkCustomer('cust-dana', [
      { platform: 'x', authorId: 'x-42' },
      { platform: 'mastodon', authorId: 'm-7' },
    ]);
    expect((await b.customerHistory('cust-dana')).map((c) => c.id)).toEqual([mastodonDm, xThread]);
    expect((await b.customerHistory({ platform: 'mastodon', authorId: 'm-7' })).map((c) => c.id)).toEqual([mastodonDm, xThread]);
    // An identity linked to nobody: just its own conversations.
    expect((await b.customerHistory({ platform: 'x', authorId: 'x-1' })).map((c) => c.platform)).toEqual(['x']);
    expect(await b.customerHistory('nobody')).toEqual([]);
    await expect(a.linkCustomer('', [{ platform: 'x', authorId: '' }])).rejects.toSatisfy(
      (error: unknown) => ValidationError.isInstance(error) && error.issues.length === 2,
    );
  });
});
