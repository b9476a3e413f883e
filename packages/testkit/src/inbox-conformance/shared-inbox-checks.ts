import { createFakeClock } from '@smm/core/clock';
import { createSharedInbox, ReplyInProgressError, type InboxStore, type ReplySender, type SharedInbox } from '@smm/core/listening';
import type { Account, Mention } from '@smm/core/model';
import { check, sameJson } from '../conformance/index.js';
import { INBOX_T0 } from './inbox-conversation-fixtures.js';
import type { InboxConformanceCheck } from './inbox-conformance-checks.js';

/** Options of {@link sharedInboxChecks}. */
export interface SharedInboxCheckOptions {
  /** The suite's name, e.g. `'@smm/store-sqlite'`. */
  name: string;
  /** Two handles on one fresh, empty store (two connections: two app instances), and how to close them. */
  openPair(): Promise<{ first: InboxStore; second: InboxStore; close(): Promise<void> | void }>;
}

const iso = (ms: number) => new Date(ms).toISOString();
const accounts: Account[] = [
  { platform: 'x', id: 'acct-x', handle: 'brand', timeZone: 'UTC' },
  { platform: 'mastodon', id: 'acct-m', handle: 'brand@social.example', timeZone: 'UTC' },
];
const item = (id: string, thread: string, platform = 'x'): Mention => ({
  platform,
  accountId: platform === 'x' ? 'acct-x' : 'acct-m',
  id,
  kind: 'reply',
  author: { id: `author-${thread}`, handle: `user-${thread}` },
  text: `question ${id}`,
  createdAt: iso(INBOX_T0 - Number(id) * 60_000),
  conversationId: thread,
});

type Body = (sender: (send: ReplySender) => [SharedInbox, SharedInbox]) => Promise<void>;

const CHECKS: ReadonlyArray<readonly [string, Body]> = [
  [
    'two instances ingesting overlapping items make one conversation per thread, each item once',
    async (pair) => {
      const [a, b] = pair({});
      const items = [item('1', 't1'), item('2', 't1'), item('3', 't2'), item('4', 't3', 'mastodon')];
      // a gets 1, 2, 3 and b gets 2, 3, 4, at the same time.
      const results = await Promise.all([...[0, 1, 2].map((i) => a.ingest(items[i]!)), ...[1, 2, 3].map((i) => b.ingest(items[i]!))]);
      check(results.filter((result) => result.duplicate).length === 2, 'items 2 and 3 were ingested twice: exactly 2 duplicates expected');
      sameJson(
        (await a.conversations()).map((c) => [c.id, c.messages.map((message) => message.id)]),
        [
          ['x:acct-x:thread:t1', ['2', '1']],
          ['x:acct-x:thread:t2', ['3']],
          ['mastodon:acct-m:thread:t3', ['4']],
        ],
        'conversations after overlapping ingest (newest inbound first; messages oldest first)',
      );
    },
  ],
  [
    'two agents replying at once from two instances send exactly one reply; the other gets ReplyInProgressError',
    async (pair) => {
      const sent: string[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const [a, b] = pair({
        reply: async (_account, _to, text) => {
          sent.push(text);
          await gate;
          return { platform: 'x', id: `out-${sent.length}` };
        },
      });
      const id = (await a.ingest(item('1', 't1'))).conversation.id;
      const settled = Promise.allSettled([
        a.reply(id, { text: 'from dana' }, { by: 'dana' }),
        b.reply(id, { text: 'from sam' }, { by: 'sam' }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      const results = await settled;
      check(sent.length === 1, `expected one reply on the network, got ${sent.length}`);
      const refused = results.filter((result) => result.status === 'rejected');
      check(
        refused.length === 1 && ReplyInProgressError.isInstance(refused[0]!.reason),
        'the second reply must be refused with ReplyInProgressError',
      );
      const outbound = (await b.get(id))!.messages.filter((message) => message.direction === 'outbound').map((message) => message.text);
      sameJson(outbound, sent, 'the recorded reply is the one sent');
    },
  ],
  [
    "finds a customer's conversations on X and Mastodon from the other instance",
    async (pair) => {
      const [a, b] = pair({});
      await a.ingest(item('5', 'on-x'));
      await b.ingest(item('2', 'on-mastodon', 'mastodon'));
      await a.linkCustomer('dana', [
        { platform: 'x', authorId: 'author-on-x' },
        { platform: 'mastodon', authorId: 'author-on-mastodon' },
      ]);
      sameJson(
        (await b.customerHistory({ platform: 'x', authorId: 'author-on-x' })).map((c) => c.id),
        ['mastodon:acct-m:thread:on-mastodon', 'x:acct-x:thread:on-x'],
        'customerHistory, newest first',
      );
    },
  ],
];

/**
 * Checks `createSharedInbox` over two handles on one store — two app instances — for a store
 * that passed {@link inboxConformanceChecks}: overlapping ingest, concurrent replies, customer history.
 *
 * @example
 * ```ts
 * for (const { name, run } of sharedInboxChecks({ name: 'sqlite', openPair: async () => ({ first, second, close }) })) it(name, run);
 * ```
 */
export function sharedInboxChecks(options: SharedInboxCheckOptions): InboxConformanceCheck[] {
  return CHECKS.map(([name, body]) => ({
    name: `${options.name} shared inbox: ${name}`,
    run: async () => {
      const { first, second, close } = await options.openPair();
      const clock = createFakeClock({ now: INBOX_T0 });
      try {
        await body(
          (sender) => [first, second].map((store) => createSharedInbox({ accounts, sender, clock, store })) as [SharedInbox, SharedInbox],
        );
      } finally {
        await close();
      }
    },
  }));
}
