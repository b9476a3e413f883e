import { createFakeClock } from '@smm/core/clock';
import { createSharedInbox, ReplyInProgressError, type ReplySender } from '@smm/core/listening';
import type { Account, Mention } from '@smm/core/model';
import { describe, expect, inject, it } from 'vitest';
import { createRedisInboxStore } from './inbox-store.js';
import { dropPrefix } from '../test/redis-test-helpers.js';

const url = inject('redisUrl');
const START = Date.parse('2026-03-02T10:00:00.000Z');
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
  createdAt: iso(START - Number(id) * 60_000),
  conversationId: thread,
});
let counter = 0;

/** Two app instances, each with its own Redis connection, on one key prefix. */
async function twoInstances(
  sender: ReplySender,
  run: (a: ReturnType<typeof createSharedInbox>, b: ReturnType<typeof createSharedInbox>) => Promise<void>,
) {
  const prefix = `shared-inbox-${process.pid}-${(counter += 1)}`;
  const stores = [createRedisInboxStore({ url, prefix }), createRedisInboxStore({ url, prefix })] as const;
  const clock = createFakeClock({ now: START });
  try {
    await run(...(stores.map((store) => createSharedInbox({ accounts, sender, clock, store })) as [never, never]));
  } finally {
    await dropPrefix(stores[0].redis, stores[0].keyPrefix);
    await Promise.all(stores.map((store) => store.close()));
  }
}

if (url === '') {
  it.skip(`shared inbox on Redis — ${inject('redisSkipReason')}`, () => {});
} else {
  describe('createSharedInbox over one Redis', () => {
    it('two instances ingesting overlapping items make one conversation per thread', async () => {
      await twoInstances({}, async (a, b) => {
        const items = [item('1', 't1'), item('2', 't1'), item('3', 't2'), item('4', 't3', 'mastodon')];
        const results = await Promise.all([...[0, 1, 2].map((i) => a.ingest(items[i]!)), ...[1, 2, 3].map((i) => b.ingest(items[i]!))]);
        expect(results.filter((result) => result.duplicate)).toHaveLength(2);
        expect((await a.conversations()).map((c) => [c.id, c.messages.map((message) => message.id)])).toEqual([
          ['x:acct-x:thread:t1', ['2', '1']],
          ['x:acct-x:thread:t2', ['3']],
          ['mastodon:acct-m:thread:t3', ['4']],
        ]);
      });
    }, 30_000);

    it('two agents replying at once from two instances send exactly one reply', async () => {
      const sent: string[] = [];
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const sender: ReplySender = {
        reply: async (_account, _to, text) => {
          sent.push(text);
          await gate;
          return { platform: 'x', id: `out-${sent.length}` };
        },
      };
      await twoInstances(sender, async (a, b) => {
        const id = (await a.ingest(item('1', 't1'))).conversation.id;
        const settled = Promise.allSettled([
          a.reply(id, { text: 'from dana' }, { by: 'dana' }),
          b.reply(id, { text: 'from sam' }, { by: 'sam' }),
        ]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        release();
        const results = await settled;
        expect(sent).toHaveLength(1);
        expect(results.filter((r) => r.status === 'rejected').map((r) => ReplyInProgressError.isInstance(r.reason))).toEqual([true]);
        expect((await b.get(id))!.messages.filter((m) => m.direction === 'outbound').map((m) => m.text)).toEqual(sent);
      });
    }, 30_000);

    it('finds a customer across X and Mastodon from the other instance', async () => {
      await twoInstances({}, async (a, b) => {
        await a.ingest(item('5', 'on-x'));
        await b.ingest(item('2', 'on-mastodon', 'mastodon'));
        await a.linkCustomer('dana', [
          { platform: 'x', authorId: 'author-on-x' },
          { platform: 'mastodon', authorId: 'author-on-mastodon' },
        ]);
        expect((await b.customerHistory({ platform: 'x', authorId: 'author-on-x' })).map((c) => c.id)).toEqual([
          'mastodon:acct-m:thread:on-mastodon',
          'x:acct-x:thread:on-x',
        ]);
      });
    }, 30_000);
  });
}
