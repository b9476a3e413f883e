import BetterSqlite3 from 'better-sqlite3';
import { inboxConversation, sharedInboxChecks } from '@smm/testkit/inbox-conformance';
import { describe, expect, it } from 'vitest';
import { createSqliteInboxStore, INBOX_MIGRATIONS } from './inbox-store.js';
import { tempDir } from './test-fixtures.js';

describe('createSharedInbox over one SQLite file', () => {
  const checks = sharedInboxChecks({
    name: '@smm/store-sqlite',
    // Two connections to one fresh file: two app instances.
    openPair: async () => {
      const dir = tempDir();
      const path = dir.file('inbox.db');
      const first = createSqliteInboxStore({ path });
      const second = createSqliteInboxStore({ path });
      return {
        first,
        second,
        close: () => {
          first.close();
          second.close();
          dir.remove();
        },
      };
    },
  });
  for (const { name, run } of checks) it(name, run);
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
