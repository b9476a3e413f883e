import type { ScheduleStore } from '@smm/core/schedule-store';
import { runStoreConformance } from '@smm/testkit/vitest';
import { createSqliteStore, type SqliteStore } from './sqlite-store.js';
import { tempDir } from './test-fixtures.js';

// Each check gets a fresh file; the second handle is another connection to the same file,
// so the contention checks go through SQLite's locking, not one connection's call order.
const files = new Map<ScheduleStore, { path: string; remove?: () => void }>();

runStoreConformance({
  name: '@smm/store-sqlite',
  createStore() {
    const dir = tempDir();
    const path = dir.file('schedule.db');
    const store = createSqliteStore({ path });
    files.set(store, { path, remove: dir.remove });
    return store;
  },
  openSecondHandle(store) {
    const second = createSqliteStore({ path: files.get(store)!.path });
    files.set(second, { path: files.get(store)!.path });
    return second;
  },
  destroyStore(store) {
    (store as SqliteStore).close();
    files.get(store)?.remove?.();
    files.delete(store);
  },
});
