import { InboxConflictError, updateConversation, type Conversation, type InboxStore, type StoredConversation } from '@smm/core/listening';
import {
  ConformanceError,
  check,
  collectCheckResults,
  describeError,
  sameJson,
  withStoreHandles,
  type ConformanceResult,
  type StoreSuiteCheck,
  type StoreSuiteOptions,
} from '../conformance/index.js';
import { INBOX_T0, inboxConversation, richInboxConversation } from './inbox-conversation-fixtures.js';

/** Options of the inbox store conformance suite. */
export type InboxConformanceOptions = StoreSuiteOptions<InboxStore>;

/** One check of the inbox store suite. */
export type InboxConformanceCheck = StoreSuiteCheck;

type Body = (store: InboxStore, second: InboxStore) => Promise<void>;

async function conflict(promise: Promise<unknown>, what: string, actualVersion: number | null): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(InboxConflictError.isInstance(error), `${what}: expected InboxConflictError, got ${describeError(error)}`);
    check(
      error.actualVersion === actualVersion,
      `${what}: InboxConflictError.actualVersion is ${error.actualVersion}, expected ${actualVersion} (the stored version)`,
    );
    return;
  }
  throw new ConformanceError(`${what}: expected InboxConflictError, but it succeeded`);
}

const withVersion = (conversation: Conversation, version: number): StoredConversation => ({ ...conversation, version });
const ids = (conversations: readonly Conversation[]) => conversations.map((conversation) => conversation.id);
const at = (ms: number) => new Date(INBOX_T0 + ms).toISOString();

const CHECKS: ReadonlyArray<readonly [string, Body]> = [
  [
    'create and get return every field unchanged at version 1 (Arabic, Persian ZWNJ, emoji, replies, notes, history, classification)',
    async (store) => {
      const rich = richInboxConversation('rich-1');
      sameJson(await store.create(rich), withVersion(rich, 1), 'create("rich-1") result');
      sameJson(await store.get('rich-1'), withVersion(rich, 1), 'get("rich-1")');
      check((await store.get('missing')) === undefined, 'get("missing") must return undefined for an unknown id');
    },
  ],
  [
    'create refuses an existing id with InboxConflictError and keeps the stored conversation',
    async (store) => {
      const first = inboxConversation('a');
      await store.create(first);
      await conflict(store.create(inboxConversation('a', { assignee: 'sam', state: 'assigned' })), 'create of an existing id', 1);
      sameJson(await store.get('a'), withVersion(first, 1), 'conversation after a refused create');
    },
  ],
  [
    'update with the version read stores the change at version + 1',
    async (store) => {
      const created = await store.create(inboxConversation('a'));
      const assigned = { ...created, state: 'assigned' as const, assignee: 'sam', tags: ['vip'] };
      sameJson(await store.update(assigned, 1), { ...assigned, version: 2 }, 'update result');
      sameJson(await store.get('a'), { ...assigned, version: 2 }, 'get after update');
      const noted = {
        ...assigned,
        notes: [{ id: 'note-1', author: 'sam', text: 'called the carrier', at: at(5_000) }],
        history: [{ from: 'open' as const, to: 'assigned' as const, at: at(1_000), by: 'sam' }],
      };
      sameJson(await store.update(noted, 2), { ...noted, version: 3 }, 'second update result');
    },
  ],
  [
    'update with a stale version, or of a missing conversation, is refused and changes nothing',
    async (store) => {
      await store.create(inboxConversation('a'));
      const v2 = await store.update({ ...inboxConversation('a'), assignee: 'sam', state: 'assigned' }, 1);
      await conflict(
        store.update({ ...inboxConversation('a'), assignee: 'kim', state: 'assigned' }, 1),
        'update with version 1 after version 2',
        2,
      );
      sameJson(await store.get('a'), v2, 'conversation after a refused stale update');
      await conflict(store.update(inboxConversation('ghost'), 1), 'update of a missing conversation', null);
      check((await store.get('ghost')) === undefined, 'a refused update of a missing conversation must not create it');
    },
  ],
  [
    'of two instances writing the same version, exactly one wins; the loser sees the winner',
    async (store, second) => {
      await store.create(inboxConversation('race'));
      const [a, b] = await Promise.all([store.get('race'), second.get('race')]);
      check(a !== undefined && b !== undefined, 'both handles must read the conversation');
      const results = await Promise.allSettled([
        store.update({ ...a, assignee: 'sam', state: 'assigned' }, a.version),
        second.update({ ...b, assignee: 'kim', state: 'assigned' }, b.version),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      check(won.length === 1 && lost.length === 1, `expected one winner and one InboxConflictError, got ${won.length} and ${lost.length}`);
      check(InboxConflictError.isInstance((lost[0] as PromiseRejectedResult).reason), 'the loser must get InboxConflictError');
      const winner = (won[0] as PromiseFulfilledResult<StoredConversation>).value;
      sameJson(await second.get('race'), winner, 'what the second instance reads after the race');
    },
  ],
  [
    'updateConversation retries on conflict so that concurrent changes all land',
    async (store, second) => {
      await store.create(inboxConversation('tags'));
      const addTag = (handle: InboxStore, tag: string) =>
        updateConversation(handle, 'tags', (conversation) => ({ ...conversation, tags: [...conversation.tags, tag] }), { attempts: 20 });
      await Promise.all([addTag(store, 'a'), addTag(second, 'b'), addTag(store, 'c'), addTag(second, 'd')]);
      const final = await store.get('tags');
      check(final !== undefined, 'the conversation must still be there');
      check(final.version === 5, `four updates from version 1 must end at version 5, got ${final.version}`);
      sameJson([...final.tags].sort(), ['a', 'b', 'c', 'd'], 'tags after four concurrent updates');
    },
  ],
  [
    'list filters by state, assignee (null = unassigned), tag, platform and account, most recent inbound first',
    async (store) => {
      await store.create(inboxConversation('c1', { lastInboundAt: at(1_000) }));
      await store.create(inboxConversation('c2', { state: 'assigned', assignee: 'sam', tags: ['vip'], lastInboundAt: at(3_000) }));
      await store.create(inboxConversation('c3', { platform: 'mastodon', state: 'waiting', assignee: 'sam', lastInboundAt: at(2_000) }));
      await store.create(inboxConversation('c4', { state: 'resolved', accountId: 'acct-2', lastInboundAt: at(2_000) }));
      sameJson(ids(await store.list()), ['c2', 'c3', 'c4', 'c1'], 'list() order (ties by id)');
      sameJson(ids(await store.list({ state: 'open' })), ['c1'], 'list({ state: open })');
      sameJson(ids(await store.list({ state: ['assigned', 'waiting'] })), ['c2', 'c3'], 'list({ state: [assigned, waiting] })');
      sameJson(ids(await store.list({ assignee: 'sam' })), ['c2', 'c3'], 'list({ assignee: sam })');
      sameJson(ids(await store.list({ assignee: null })), ['c4', 'c1'], 'list({ assignee: null })');
      sameJson(ids(await store.list({ tag: 'vip' })), ['c2'], 'list({ tag: vip })');
      sameJson(ids(await store.list({ platform: 'mastodon' })), ['c3'], 'list({ platform: mastodon })');
      sameJson(ids(await store.list({ accountId: 'acct-2', state: 'resolved' })), ['c4'], 'list({ accountId, state })');
    },
  ],
  [
    'findMessage finds the conversation of every inbound item and reply, including ones added by update',
    async (store, second) => {
      const created = await store.create(inboxConversation('t1'));
      check((await second.findMessage('bluesky', 't1-m1')) === 't1', 'findMessage must find the first inbound item from another instance');
      check((await store.findMessage('mastodon', 't1-m1')) === undefined, 'findMessage must key by platform too');
      await store.update(
        {
          ...created,
          messages: [
            ...created.messages,
            { direction: 'outbound', id: 'reply-9', at: at(60_000), text: 'On it', channel: 'public', inReplyToId: 't1-m1' },
          ],
        },
        1,
      );
      check((await second.findMessage('bluesky', 'reply-9')) === 't1', 'findMessage must find a reply added by update');
      check((await store.findMessage('bluesky', 'nothing')) === undefined, 'findMessage of an unknown item must be undefined');
    },
  ],
  [
    'customer identities: linked from one instance, found from the other, moved on relink, sorted',
    async (store, second) => {
      check(
        typeof store.linkCustomer === 'function' &&
          typeof second.customerOf === 'function' &&
          typeof second.customerIdentities === 'function',
        'the store must implement linkCustomer, customerOf and customerIdentities (customer history across networks)',
      );
      await store.linkCustomer!('cust-1', { platform: 'x', authorId: 'x-42' });
      await store.linkCustomer!('cust-1', { platform: 'mastodon', authorId: 'm-7' });
      await store.linkCustomer!('cust-1', { platform: 'mastodon', authorId: 'm-7' }); // again: no duplicate
      await store.linkCustomer!('cust-2', { platform: 'bluesky', authorId: 'did:plc:لينا' });
      check((await second.customerOf!({ platform: 'x', authorId: 'x-42' })) === 'cust-1', 'customerOf(x:x-42) must be cust-1');
      check((await second.customerOf!({ platform: 'mastodon', authorId: 'x-42' })) === undefined, 'customerOf must key by platform too');
      sameJson(
        await second.customerIdentities!('cust-1'),
        [
          { platform: 'mastodon', authorId: 'm-7' },
          { platform: 'x', authorId: 'x-42' },
        ],
        'customerIdentities(cust-1), sorted by platform then author id',
      );
      // An identity belongs to one customer: linking it elsewhere moves it.
      await second.linkCustomer!('cust-2', { platform: 'x', authorId: 'x-42' });
      sameJson(await store.customerIdentities!('cust-1'), [{ platform: 'mastodon', authorId: 'm-7' }], 'cust-1 after x-42 moved');
      sameJson(
        await store.customerIdentities!('cust-2'),
        [
          { platform: 'bluesky', authorId: 'did:plc:لينا' },
          { platform: 'x', authorId: 'x-42' },
        ],
        'cust-2 after x-42 moved to it',
      );
      sameJson(await store.customerIdentities!('nobody'), [], 'customerIdentities of an unknown customer');
    },
  ],
  [
    'what get and list hand out are copies: changing them changes nothing stored',
    async (store) => {
      const created = await store.create(inboxConversation('copy'));
      created.tags.push('mutated');
      const read = await store.get('copy');
      check(read !== undefined && read.tags.length === 0, 'changing the create result changed the stored conversation');
      read.notes.push({ id: 'x', author: 'x', text: 'x', at: at(0) });
      const [listed] = await store.list();
      check(listed !== undefined && listed.notes.length === 0, 'changing a get result changed the stored conversation');
    },
  ],
];

/**
 * The inbox store checks, one per promise of the `InboxStore` contract, each against a
 * fresh store.
 *
 * @example
 * ```ts
 * for (const { name, run } of inboxConformanceChecks({ name: 'mine', createStore: () => createMyInboxStore() })) await run();
 * ```
 */
export function inboxConformanceChecks(options: InboxConformanceOptions): InboxConformanceCheck[] {
  return CHECKS.map(([name, body]) => ({
    name: `${options.name}: ${name}`,
    run: () => withStoreHandles(options, body),
  }));
}

/**
 * Runs every inbox store check and reports each as passed or failed (never throws for a
 * failed check).
 *
 * @example
 * ```ts
 * const results = await runInboxConformanceChecks({ name: 'sqlite inbox', createStore: () => createSqliteInboxStore(':memory:') });
 * for (const result of results.filter((r) => r.status === 'failed')) console.error(result.name, result.message);
 * ```
 */
export async function runInboxConformanceChecks(options: InboxConformanceOptions): Promise<ConformanceResult[]> {
  return collectCheckResults(inboxConformanceChecks(options));
}
