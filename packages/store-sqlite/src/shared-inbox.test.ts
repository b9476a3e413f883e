import BetterSqlite3 from 'better-sqlite3';
import { createFakeClock } from '@smm/core/clock';
import { createSharedInbox, ReplyInProgressError, type ReplySender } from '@smm/core/listening';
import type { Account, Mention } from '@smm/core/model';
import { inboxConversation } from '@smm/testkit/inbox-conformance';
import { describe, expect, it } from 'vitest';
import { createSqliteInboxStore, INBOX_MIGRATIONS } from './inbox-store.js';
import { tempDir } from './test-fixtures.js';

const START = Date.parse('2026-03-02T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const accounts: Account[] = [{ platform: 'x', id: 'acct-x', handle: 'brand', timeZone: 'UTC' }];
const item = (id: string, thread: string, minutesAgo: number): Mention => ({
  platform: 'x',
  accountId: 'acct-x',
  id,
  kind: 'reply',
  author: { id: `author-${thread}`, handle: `user-${thread}` },
  text: `question ${id}`,
  createdAt: iso(START - minutesAgo * 60_000),
  conversationId: thread,
});

/** Two app instances, each with its own connection to one SQLite file. */
function twoInstancesOnOneFile(sender: ReplySender) {
  const dir = tempDir();
  const path = dir.file('inbox.db');
  const clock = createFakeClock({ now: START });
  const stores = [createSqliteInboxStore({ path }), createSqliteInboxStore({ path })] as const;
  const [a, b] = stores.map((store) => createSharedInbox({ accounts, sender, clock, store }));
  return {
    a: a!,
    b: b!,
    close: () => {
      for (const store of stores) store.close();
      dir.remove();
    },
  };
}

describe('createSharedInbox over one SQLite file', () => {
  it('two instances ingesting overlapping items make one conversation per thread, each item once', async () => {
    const { a, b, close } = twoInstancesOnOneFile({});
    try {
      const items = [item('1', 't1', 9), item('2', 't1', 8), item('3', 't2', 7), item('4', 't3', 6)];
      // a gets 1, 2, 3; b gets 2, 3, 4 — at the same time.
      const results = await Promise.all([...[0, 1, 2].map((i) => a.ingest(items[i]!)), ...[1, 2, 3].map((i) => b.ingest(items[i]!))]);
      expect(results.filter((result) => result.duplicate)).toHaveLength(2);
      const all = await b.conversations();
      expect(all.map((conversation) => [conversation.id, conversation.messages.map((message) => message.id)])).toEqual([
        ['x:acct-x:thread:t3', ['4']],
        ['x:acct-x:thread:t2', ['3']],
        ['x:acct-x:thread:t1', ['1', '2']],
      ]);
    } finally {
      close();
    }
  });

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
    const { a, b, close } = twoInstancesOnOneFile(sender);
    try {
      const id = (await a.ingest(item('1', 't1', 5))).conversation.id;
      const settled = Promise.allSettled([
        a.reply(id, { text: 'from dana' }, { by: 'dana' }),
        b.reply(id, { text: 'from sam' }, { by: 'sam' }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      release();
      const results = await settled;
      expect(sent).toHaveLength(1);
      expect(
        results.filter((result) => result.status === 'rejected').map((result) => ReplyInProgressError.isInstance(result.reason)),
      ).toEqual([true]);
      const stored = (await b.get(id))!;
      expect(stored.messages.filter((message) => message.direction === 'outbound').map((message) => message.text)).toEqual(sent);
      expect(stored.state).toBe('waiting');
    } finally {
      close();
    }
  });
});

describe('inbox migrations', () => {
  it('brings a file made before inbox_schema to the latest step, keeping its conversations', async () => {
    const dir = tempDir();
    try {
      const path = dir.file('old.db');
      const old = new BetterSqlite3(path);
      old.exec(INBOX_MIGRATIONS[0]!.sql);
      const conversation = inboxConversation('old-1');
      old
        .prepare(
          'INSERT INTO inbox_conversations (id, version, platform, account_id, state, assignee, last_inbound_ms, body) VALUES (?, 3, ?, ?, ?, NULL, ?, ?)',
        )
        .run(
          conversation.id,
          conversation.platform,
          conversation.accountId,
          conversation.state,
          Date.parse(conversation.lastInboundAt),
          JSON.stringify(conversation),
        );
      old.close();
      const store = createSqliteInboxStore({ path });
      expect(await store.get('old-1')).toEqual({ ...conversation, version: 3 });
      await store.linkCustomer!('c1', { platform: 'x', authorId: 'a1' });
      expect(await store.customerOf!({ platform: 'x', authorId: 'a1' })).toBe('c1');
      store.close();
      const check = new BetterSqlite3(path);
      expect(check.prepare('SELECT version FROM inbox_schema ORDER BY version').all()).toEqual(
        INBOX_MIGRATIONS.map(({ version }) => ({ version })),
      );
      check.close();
      // Opening again applies nothing twice.
      createSqliteInboxStore({ path }).close();
    } finally {
      dir.remove();
    }
  });
});
