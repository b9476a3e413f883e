import BetterSqlite3 from 'better-sqlite3';
import { ValidationError } from '@smm/core/errors';
import { parseWithSchema } from '@smm/core/model';
import {
  EntryConflictError,
  EntryNotFoundError,
  IllegalTransitionError,
  leaseTokenSource,
  nextPutEntry,
  nextTransitionEntry,
  startClaimedEntry,
  summarizeStuckPublishing,
  type CalendarEntry,
  type ClaimRequest,
  type ClaimStart,
  type EntryQuery,
  type ScheduleStore,
  type WriteExpectation,
} from '@smm/core/schedule-store';
import { fromRow, toRow, type EntryRow } from './entry-row.js';
import { migrate } from './migrations.js';
import { createWriteBatcher } from './write-batcher.js';
import { SqliteStoreOptionsSchema, type SqliteDatabase as Database, type SqliteStoreOptions } from './sqlite-store-options.js';

type Statement<P extends unknown[], R> = BetterSqlite3.Statement<P, R>;

/** A {@link ScheduleStore} kept in a SQLite file, with the handle to close it. */
export interface SqliteStore extends ScheduleStore {
  /** The better-sqlite3 connection (for backups or inspection; do not write entries through it). */
  readonly database: Database;
  /** Closes the connection when the store opened it (`path`); a `database` passed in is left open. Idempotent. */
  close(): void;
}

const COLUMNS =
  'id, body, version, status, scheduled_at, due_ms, account_key, platform, brand, campaign, group_id, held, lease_owner, lease_expires_at, lease_expires_ms, lease_token';
const VALUES =
  '@id, @body, @version, @status, @scheduled_at, @due_ms, @account_key, @platform, @brand, @campaign, @group_id, @held, @lease_owner, @lease_expires_at, @lease_expires_ms, @lease_token';
const DEFAULT_CLAIM_LIMIT = 100;
// Leased entries this handle last claimed or wrote, kept with their row (bounded): the writes
// that follow a claim (the runner's `published`, a retry, a renewal) decide from that copy
// instead of re-reading it, and the UPDATE applies only while the row is still at that
// version. An entry without a lease is done with (or a planner's): it is not kept, so the
// map holds about the work in flight.
const RECENT_ENTRIES = 10_000;
const UPDATABLE = COLUMNS.split(', ').filter((column) => column !== 'id') as Array<keyof EntryRow>;
// An entry with the row it was read from, so a write can compare (kept side by side: a hidden
// property on the entry itself made every entry slower to build and to read).
interface Stored {
  entry: CalendarEntry;
  row: EntryRow;
}

/**
 * A durable {@link ScheduleStore} on SQLite (better-sqlite3): the embedded default for a
 * single machine. Several processes may open the same file: every read-modify-write runs
 * in a `BEGIN IMMEDIATE` transaction, so two workers never claim the same entry and
 * compare-and-set writes cannot lose an update. Writes asked for in the same event-loop turn
 * share one transaction (group commit), and each promise settles after its COMMIT. WAL journal, `synchronous=NORMAL` by
 * default (see the README on durability); the schema is migrated on open.
 *
 * @throws ValidationError for bad options or a file that cannot be opened;
 *   SqliteSchemaError when the file was written by a newer release.
 * @example
 * ```ts
 * import { createCalendar } from '@smm/core/calendar';
 * import { createScheduler } from '@smm/core/scheduler';
 * import { createSqliteStore } from '@smm/store-sqlite';
 *
 * const store = createSqliteStore({ path: './schedule.db' });
 * const scheduler = createScheduler({ store, client });
 * scheduler.start();
 * // on shutdown
 * await scheduler.stop();
 * store.close();
 * ```
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const settings = parseWithSchema(SqliteStoreOptionsSchema, options, 'createSqliteStore options');
  const owned = settings.database === undefined;
  const db = settings.database ?? open(settings.path!);
  try {
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${settings.synchronous.toUpperCase()}`);
    // Checkpoint every ~40 MB of WAL instead of SQLite's ~4 MB: each checkpoint fsyncs, and
    // at the default they dominated the cost of a busy scheduler's writes.
    db.pragma('wal_autocheckpoint = 10000');
    migrate(db);
    // A write probe: a read-only file or connection opens and reads fine, then refuses the
    // first claim; say so now, with the path.
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  } catch (error) {
    if (owned) db.close();
    throw openError(error, settings.path ?? db.name, settings.busyTimeoutMs);
  }
  return sqliteStore(db, owned);
}

// What SQLite's refusal to open a file means for the person who named it, and what to do.
function openError(error: unknown, path: string, busyTimeoutMs: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  let message: string;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    message = `"${path}" is not a SQLite database (${code}): point \`path\` at the schedule database, or at a new file name to create one`;
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    message = `"${path}" is locked by another connection or process (${code}) and stayed locked for ${busyTimeoutMs} ms: stop the program holding it (or its open transaction), or raise \`busyTimeoutMs\``;
  } else if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    message = `"${path}" is read-only (${code}): the store writes to it, and to the "-wal" and "-shm" files beside it; make the file and its directory writable by this process`;
  } else if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    message = `cannot open "${path}" (${code}): check that its directory exists and that this process may read and write the file and its directory`;
  } else {
    return error;
  }
  return new ValidationError('createSqliteStore options', [{ path: ['path'], code: 'cannot_open', message }], { cause: error });
}

function open(path: string): Database {
  try {
    return new BetterSqlite3(path);
  } catch (error) {
    throw new ValidationError(
      'createSqliteStore options',
      [
        {
          path: ['path'],
          code: 'cannot_open',
          message: `cannot open "${path}" (${(error as Error).message}); check that its directory exists and is writable`,
        },
      ],
      { cause: error },
    );
  }
}

function sqliteStore(db: Database, owned: boolean): SqliteStore {
  const statements = {
    get: db.prepare<[string], EntryRow>(`SELECT ${COLUMNS} FROM entries WHERE id = ?`),
    insert: db.prepare<[EntryRow]>(`INSERT INTO entries (${COLUMNS}) VALUES (${VALUES})`),
    setLease: db.prepare<[string | null, string | null, number | null, string | null, string], EntryRow>(
      `UPDATE entries SET version = version + 1, lease_owner = ?, lease_expires_at = ?, lease_expires_ms = ?, lease_token = ? WHERE id = ? RETURNING ${COLUMNS}`,
    ),
    // One statement leases a whole claimed batch; each row's token is the batch's (unique) base
    // plus its id, so every claim still gets a token of its own.
    leaseMany: db.prepare<{ ids: string; owner: string; at: string; ms: number; token: string }, EntryRow>(
      `UPDATE entries SET version = version + 1, lease_owner = @owner, lease_expires_at = @at, lease_expires_ms = @ms,
         lease_token = @token || ':' || id
       WHERE id IN (SELECT value FROM json_each(@ids)) RETURNING ${COLUMNS}`,
    ),
    extendLease: db.prepare<[string, number, string]>(
      'UPDATE entries SET version = version + 1, lease_expires_at = ?, lease_expires_ms = ? WHERE id = ?',
    ),
    stuckPublishing: db.prepare<{ now: number }, EntryRow>(
      // Health: entries in publishing are few (in flight or abandoned); found by their own index.
      `SELECT ${COLUMNS} FROM entries INDEXED BY entries_publishing
       WHERE status = 'publishing' AND (lease_expires_ms IS NULL OR lease_expires_ms <= @now)`,
    ),
    insertTag: db.prepare<[string, string]>('INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?, ?)'),
    deleteTags: db.prepare<[string]>('DELETE FROM entry_tags WHERE entry_id = ?'),
    // Claim order mirrors the memory store: expired leases first (the oldest work: a worker
    // died holding them), then due entries, earliest first.
    // A `publishing` entry with no lease at all (released mid-publish) is as stale as an
    // expired one; claimed first, like the memory store does.
    claimOrphans: db.prepare<{ limit: number }, EntryRow>(
      `SELECT ${COLUMNS} FROM entries INDEXED BY entries_publishing
       WHERE status = 'publishing' AND lease_expires_ms IS NULL AND held = 0 ORDER BY id LIMIT @limit`,
    ),
    claimExpired: db.prepare<{ now: number; stale: number; limit: number }, EntryRow>(
      `SELECT ${COLUMNS} FROM entries INDEXED BY entries_lease
       WHERE lease_expires_ms IS NOT NULL AND status IN ('scheduled', 'publishing') AND lease_expires_ms <= @now AND held = 0
         AND ((status = 'scheduled' AND due_ms <= @now) OR (status = 'publishing' AND @stale = 1))
       ORDER BY lease_expires_ms, id LIMIT @limit`,
    ),
    claimDue: db.prepare<{ now: number; limit: number }, EntryRow>(
      `SELECT ${COLUMNS} FROM entries INDEXED BY entries_due
       WHERE status = 'scheduled' AND held = 0 AND lease_expires_ms IS NULL AND due_ms <= @now
       ORDER BY due_ms, id LIMIT @limit`,
    ),
    // Due and unclaimed = due and unleased (the partial index) + due with an expired lease.
    dueUnleased: db.prepare<{ now: number }, { count: number; oldest: string | null }>(
      `SELECT count(*) AS count, min(scheduled_at) AS oldest FROM entries INDEXED BY entries_due
       WHERE status = 'scheduled' AND held = 0 AND lease_expires_ms IS NULL AND due_ms <= @now`,
    ),
    dueExpired: db.prepare<{ now: number }, { count: number; oldest: string | null }>(
      `SELECT count(*) AS count, min(scheduled_at) AS oldest FROM entries INDEXED BY entries_lease
       WHERE lease_expires_ms IS NOT NULL AND status IN ('scheduled', 'publishing') AND lease_expires_ms <= @now
         AND status = 'scheduled' AND held = 0 AND due_ms <= @now`,
    ),
  };
  const queries = new Map<string, Statement<unknown[], EntryRow>>();
  const updates = new Map<number, Statement<[EntryRow], unknown>>();

  function require(id: string): Stored {
    const row = statements.get.get(id);
    if (row === undefined) throw new EntryNotFoundError(id);
    return { entry: fromRow(row), row };
  }

  const recent = new Map<string, Stored>();
  function remember(stored: Stored): CalendarEntry {
    const id = stored.entry.id;
    recent.delete(id);
    if (stored.entry.lease === null) return stored.entry;
    recent.set(id, stored);
    if (recent.size > RECENT_ENTRIES) recent.delete(recent.keys().next().value!);
    return stored.entry;
  }

  /**
   * Runs a read-decide-write on one entry from this handle's copy when it has one; when that
   * copy turns out stale (the row moved on: another connection wrote it) or the decision
   * refuses it (it may be stale), decides again from a fresh read — so errors only ever come
   * from current data.
   */
  function fromRecent<T>(id: string, decide: (stored: Stored) => T): T {
    const cached = recent.get(id);
    if (cached !== undefined) {
      try {
        return decide(cached);
      } catch (error) {
        recent.delete(id);
        if (!(error instanceof StaleRow) && !EntryConflictError.isInstance(error) && !IllegalTransitionError.isInstance(error)) throw error;
      }
    }
    return decide(require(id));
  }

  function insertRow(entry: CalendarEntry, message: string): void {
    try {
      statements.insert.run(toRow(entry));
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw new EntryConflictError(entry.id, message, { cause: error });
      throw error;
    }
    for (const tag of entry.draft.tags) statements.insertTag.run(entry.id, tag);
  }

  // Writes only the columns that changed: SQLite rewrites the entries of every index on a
  // column named in SET, so a full-row UPDATE would churn all of them on each transition.
  // Compare-and-set on the version the decision was made from (`expected_version`).
  function write(stored: Stored, next: CalendarEntry): CalendarEntry {
    const before = stored.row;
    const after = toRow(next);
    // Which columns changed, as a bit set: the key of the UPDATE statement for that set.
    let changed = 0;
    for (let i = 0; i < UPDATABLE.length; i += 1) if (before[UPDATABLE[i]!] !== after[UPDATABLE[i]!]) changed |= 1 << i;
    if (changed !== 0) {
      let statement = updates.get(changed);
      if (statement === undefined) {
        const columns = UPDATABLE.filter((_, i) => (changed & (1 << i)) !== 0);
        statement = db.prepare<[EntryRow]>(
          `UPDATE entries SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id AND version = @expected_version`,
        );
        updates.set(changed, statement);
      }
      const params: Record<string, unknown> = { id: after.id, expected_version: before.version };
      for (let i = 0; i < UPDATABLE.length; i += 1) if ((changed & (1 << i)) !== 0) params[UPDATABLE[i]!] = after[UPDATABLE[i]!];
      if (statement.run(params as unknown as EntryRow).changes === 0) throw new StaleRow(next.id);
    }
    if (!sameTags(stored.entry.draft.tags, next.draft.tags)) {
      statements.deleteTags.run(next.id);
      for (const tag of next.draft.tags) statements.insertTag.run(next.id, tag);
    }
    return remember({ entry: next, row: after });
  }

  const nextToken = leaseTokenSource();
  function lease(id: string, request: Omit<ClaimRequest, 'limit'>): CalendarEntry {
    const expires = request.now + request.leaseMs;
    const row = statements.setLease.get(request.owner, new Date(expires).toISOString(), expires, nextToken(), id)!;
    return remember({ entry: fromRow(row), row });
  }

  // A claim with `start` (ClaimRequest.start): the lease and the transition `start` asks for
  // are one UPDATE of the row, compared on the version it was read at.
  function leaseAndStart(row: EntryRow, request: Omit<ClaimRequest, 'limit'>, start: ClaimStart): CalendarEntry {
    const entry = fromRow(row);
    const expiresAt = new Date(request.now + request.leaseMs).toISOString();
    const leased = { ...entry, version: entry.version + 1, lease: { owner: request.owner, expiresAt, token: nextToken() } };
    return write({ entry, row }, startClaimedEntry(leased, start) ?? leased);
  }

  function claimable(row: EntryRow, now: number, stale: boolean): boolean {
    if (row.held !== 0) return false;
    if (row.lease_expires_ms !== null && row.lease_expires_ms > now) return false;
    if (row.status === 'scheduled') return row.due_ms !== null && row.due_ms <= now;
    return stale && row.status === 'publishing';
  }

  // Every read-modify-write runs inside an IMMEDIATE transaction (the batcher's: writes of one
  // event-loop turn share it): it takes the write lock before reading, so another connection
  // cannot change the row between the check and the write. Single-entry writes check
  // everything before their one write, so a refused one leaves nothing behind; the
  // multi-entry ones (insertMany, putMany) are nested transactions — savepoints — so a
  // refusal part-way undoes their earlier writes and nothing else in the batch.
  const transactions = {
    insert: (entry: CalendarEntry) => insertRow(entry, `An entry with id "${entry.id}" already exists; use put() to change it.`),
    insertMany: db.transaction((batch: readonly CalendarEntry[]) => {
      const seen = new Set<string>();
      for (const entry of batch) {
        if (seen.has(entry.id))
          throw new EntryConflictError(entry.id, `An entry with id "${entry.id}" repeats in the batch; nothing was inserted.`);
        seen.add(entry.id);
      }
      for (const entry of batch) insertRow(entry, `An entry with id "${entry.id}" already exists; nothing was inserted.`);
    }),
    put: (entry: CalendarEntry, expect: WriteExpectation | undefined) =>
      fromRecent(entry.id, (stored) => write(stored, nextPutEntry(stored.entry, entry, expect))),
    putMany: db.transaction((writes: ReadonlyArray<{ entry: CalendarEntry; expect?: WriteExpectation }>) => {
      if (new Set(writes.map(({ entry }) => entry.id)).size !== writes.length) {
        throw new EntryConflictError(writes[0]?.entry.id ?? '', 'putMany() got the same entry twice; nothing was written.');
      }
      try {
        return writes.map(({ entry, expect }) => {
          const stored = require(entry.id);
          return write(stored, nextPutEntry(stored.entry, entry, expect));
        });
      } catch (error) {
        for (const { entry } of writes) recent.delete(entry.id); // rolled back: those copies were never stored
        throw error;
      }
    }),
    transition: (id: string, change: Parameters<ScheduleStore['transition']>[1]) =>
      fromRecent(id, (stored) => write(stored, nextTransitionEntry(stored.entry, change))),
    // A savepoint: a claim that fails part-way (starting an entry) leaves nothing behind.
    claimDue: db.transaction((request: ClaimRequest) => {
      const limit = request.limit ?? DEFAULT_CLAIM_LIMIT;
      const stale = request.includeStalePublishing ?? true;
      // The rows themselves: a claim with `start` writes each from what it read here.
      const rows = stale ? statements.claimOrphans.all({ limit }) : [];
      if (rows.length < limit)
        rows.push(...statements.claimExpired.all({ now: request.now, stale: stale ? 1 : 0, limit: limit - rows.length }));
      if (rows.length < limit) rows.push(...statements.claimDue.all({ now: request.now, limit: limit - rows.length }));
      if (rows.length === 0) return [];
      const start = request.start;
      if (start !== undefined) return rows.map((row) => leaseAndStart(row, request, start));
      if (rows.length === 1) return [lease(rows[0]!.id, request)];
      const expires = request.now + request.leaseMs;
      const leased = statements.leaseMany.all({
        ids: JSON.stringify(rows.map(({ id }) => id)),
        owner: request.owner,
        at: new Date(expires).toISOString(),
        ms: expires,
        token: nextToken(),
      });
      const byId = new Map(leased.map((row) => [row.id, row]));
      // In claim order (RETURNING order is unspecified).
      return rows.map(({ id }) => {
        const row = byId.get(id)!;
        return remember({ entry: fromRow(row), row });
      });
    }),
    claim: db.transaction((id: string, request: Omit<ClaimRequest, 'limit'>) => {
      const row = statements.get.get(id);
      if (row === undefined || !claimable(row, request.now, request.includeStalePublishing ?? true)) return undefined;
      return request.start === undefined ? lease(id, request) : leaseAndStart(row, request, request.start);
    }),
    setLease: (id: string, owner: string, token: string | undefined, expires: number | null) => {
      recent.delete(id); // the version moves on: read it next time
      const row = statements.get.get(id);
      if (row === undefined) throw new EntryNotFoundError(id);
      if (row.lease_owner !== owner || (token !== undefined && row.lease_token !== token)) return false;
      if (expires === null) statements.setLease.get(null, null, null, null, id);
      else statements.extendLease.run(new Date(expires).toISOString(), expires, id);
      return true;
    },
  };

  // Writes asked for in the same turn of the event loop share one transaction (group commit).
  // A batch that fails to commit wrote nothing: forget the copies its writes remembered.
  const batch = createWriteBatcher(db, { onRollback: () => recent.clear() });
  let closed = false;
  return {
    database: db,

    async get(id) {
      const row = statements.get.get(id);
      return row === undefined ? undefined : fromRow(row);
    },

    async insert(entry) {
      await batch.run(() => transactions.insert(entry));
    },

    async insertMany(entries) {
      await batch.run(() => transactions.insertMany(entries));
    },

    async put(entry, expect) {
      return batch.run(() => transactions.put(entry, expect));
    },

    async putMany(writes) {
      return batch.run(() => transactions.putMany(writes));
    },

    async transition(id, change) {
      return batch.run(() => transactions.transition(id, change));
    },

    async query(query) {
      const { sql, params } = querySql(query);
      let statement = queries.get(sql);
      if (statement === undefined) {
        statement = db.prepare<unknown[], EntryRow>(sql);
        queries.set(sql, statement);
      }
      return statement.all(...params).map(fromRow);
    },

    async claimDue(request) {
      return batch.run(() => transactions.claimDue(request));
    },

    async claim(id, request) {
      return batch.run(() => transactions.claim(id, request));
    },

    async extendLease(id, owner, now, leaseMs, token) {
      return batch.run(() => transactions.setLease(id, owner, token, now + leaseMs));
    },

    async releaseLease(id, owner, token) {
      return batch.run(() => transactions.setLease(id, owner, token, null));
    },

    async dueSummary(now) {
      const unleased = statements.dueUnleased.get({ now })!;
      const expired = statements.dueExpired.get({ now })!;
      const oldest = [unleased.oldest, expired.oldest].filter((at) => at !== null).sort()[0] ?? null;
      const stuckPublishing = summarizeStuckPublishing(statements.stuckPublishing.all({ now }).map(fromRow), now);
      return { count: unleased.count + expired.count, oldestScheduledAt: oldest, stuckPublishing };
    },

    close() {
      if (closed || !owned) return;
      closed = true;
      batch.flush();
      db.close();
    },
  };
}

/** The row moved on since this handle's copy was taken: decide again from a fresh read. */
class StaleRow extends Error {}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, index) => tag === b[index]);
}

/**
 * The SELECT for an {@link EntryQuery}: the same semantics as `matchesQuery` and
 * `compareEntries`. Lists are bound as one JSON array each, so the SQL text (and its
 * prepared statement) depends only on which criteria are present.
 */
function querySql(query: EntryQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    where.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  if (query.from !== undefined || query.to !== undefined) where.push('scheduled_at IS NOT NULL');
  if (query.from !== undefined) {
    where.push('scheduled_at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    where.push('scheduled_at < ?');
    params.push(query.to);
  }
  list('account_key', query.accountKeys);
  list('platform', query.platforms);
  list('status', query.statuses);
  list('campaign', query.campaigns);
  list('brand', query.brands);
  if (query.tags !== undefined) {
    where.push('id IN (SELECT entry_id FROM entry_tags WHERE tag IN (SELECT value FROM json_each(?)))');
    params.push(JSON.stringify(query.tags));
  }
  if (query.groupId !== undefined) {
    where.push('group_id = ?');
    params.push(query.groupId);
  }
  let sql = `SELECT ${COLUMNS} FROM entries${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`} ORDER BY scheduled_at IS NULL, scheduled_at, id`;
  if (query.limit !== undefined) {
    sql += ' LIMIT ?';
    params.push(query.limit);
  }
  return { sql, params };
}
