import type { InboxStore } from '@smm/core/listening';
import { inboxConformanceChecks, richInboxConversation } from '@smm/testkit/inbox-conformance';
import { describe, expect, it } from 'vitest';
import { createSqliteInboxStore, type SqliteInboxStore } from './inbox-store.js';
import { tempDir } from './test-fixtures.js';

// Each check gets a fresh file; the second handle is another connection to the same file,
// so the concurrency checks go through SQLite's locking, not one connection's call order.
const files = new Map<InboxStore, { path: string; remove?: () => void }>();

describe('@smm/store-sqlite inbox store', () => {
  const checks = inboxConformanceChecks({
    name: '@smm/store-sqlite inbox',
    createStore() {
      const dir = tempDir();
      const path = dir.file('inbox.db');
      const store = createSqliteInboxStore({ path });
      files.set(store, { path, remove: dir.remove });
      return store;
    },
    openSecondHandle(store) {
      const second = createSqliteInboxStore({ path: files.get(store)!.path });
      files.set(second, { path: files.get(store)!.path });
      return second;
    },
    destroyStore(store) {
      (store as SqliteInboxStore).close();
      files.get(store)?.remove?.();
      files.delete(store);
    },
  });
  for (const { name, run } of checks) it(name, run);
});

describe('createSqliteInboxStore', () => {
  it('keeps conversations across a close and reopen of the file', async () => {
    const dir = tempDir();
    try {
      const path = dir.file('inbox.db');
      const first = createSqliteInboxStore({ path });
      const stored = await first.create(richInboxConversation('durable'));
      await first.update({ ...stored, assignee: 'sam' }, 1);
      first.close();
      const reopened = createSqliteInboxStore({ path });
      expect(await reopened.get('durable')).toEqual({ ...richInboxConversation('durable'), assignee: 'sam', version: 2 });
      expect(await reopened.findMessage('bluesky', 'durable-out')).toBe('durable');
      reopened.close();
    } finally {
      dir.remove();
    }
  });

  it('refuses options without exactly one of path and database', () => {
    expect(() => createSqliteInboxStore({})).toThrow(/give exactly one of `path`/);
  });
});
