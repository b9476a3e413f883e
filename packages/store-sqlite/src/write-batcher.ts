import type { SqliteDatabase as Database } from './sqlite-store-options.js';

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** What `write` returned or threw inside the transaction, settled once it commits. */
  failed: boolean;
  outcome: unknown;
}

/** @internal Runs writes in shared transactions. See {@link createWriteBatcher}. */
export interface WriteBatcher {
  /**
   * Queues `write` and settles once the transaction holding it has committed. A write that
   * throws must leave nothing behind: check before writing, or be a better-sqlite3
   * transaction function (inside the shared transaction it runs as a SAVEPOINT, so its
   * failure undoes only its own changes).
   */
  run<T>(write: () => T): Promise<T>;
  /** Commits what is queued now (before closing the connection). */
  flush(): void;
}

/**
 * @internal Group commit: every write asked for during one turn of the event loop runs in one
 * `BEGIN IMMEDIATE … COMMIT`, and each caller's promise settles
 * only after that COMMIT — so a write the caller awaited is as durable as if it had committed
 * alone (the runner's `publishing` is on disk before any network call), while a busy
 * scheduler pays for one commit per batch instead of one per entry. Writes run in the order
 * they were asked for; each sees the ones before it.
 */
export function createWriteBatcher(
  db: Database,
  options: { onRollback?: () => void; schedule?: (flush: () => void) => void } = {},
): WriteBatcher {
  const schedule = options.schedule ?? setImmediate;
  let queue: PendingWrite[] = [];
  let scheduled = false;
  const commit = db.transaction((batch: PendingWrite[]) => {
    for (const item of batch) {
      try {
        item.outcome = item.write();
      } catch (error) {
        item.failed = true;
        item.outcome = error;
      }
    }
  });

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    try {
      commit.immediate(batch);
    } catch (error) {
      // BEGIN or COMMIT failed (locked past busy_timeout, disk full): nothing was written.
      options.onRollback?.();
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) {
      if (item.failed) item.reject(item.outcome);
      else item.resolve(item.outcome);
    }
  }

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ write, resolve: resolve as (value: unknown) => void, reject, failed: false, outcome: undefined });
        if (!scheduled) {
          scheduled = true;
          schedule(flush);
        }
      });
    },
    flush,
  };
}
