import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';

/** An open better-sqlite3 connection. */
export type SqliteDatabase = BetterSqlite3.Database;

/** Options of {@link createSqliteStore}. Give exactly one of `path` and `database`. */
export interface SqliteStoreOptions {
  /** The database file (created when missing; its directory must exist). `:memory:` for a private in-memory database. */
  path?: string;
  /** An open better-sqlite3 connection to use instead of `path` (the store does not close it). */
  database?: SqliteDatabase;
  /**
   * How long a write waits for another connection's write lock before failing with
   * SQLITE_BUSY, in ms (default 5000). The wait blocks the calling thread: better-sqlite3
   * is synchronous.
   */
  busyTimeoutMs?: number;
  /**
   * `normal` (default): in WAL mode a commit is not fsynced; the database never corrupts
   * and a process crash loses nothing, but a power loss or OS crash may drop the last
   * commits. `full`: every commit is fsynced (durable across power loss, slower writes).
   */
  synchronous?: 'normal' | 'full';
}

/** {@link SqliteStoreOptions} with defaults applied. */
export interface ResolvedSqliteStoreOptions extends SqliteStoreOptions {
  busyTimeoutMs: number;
  synchronous: 'normal' | 'full';
}

function isDatabase(value: unknown): value is SqliteDatabase {
  return (
    value != null &&
    typeof value === 'object' &&
    typeof (value as SqliteDatabase).prepare === 'function' &&
    typeof (value as SqliteDatabase).pragma === 'function'
  );
}

/**
 * Validates {@link SqliteStoreOptions} and applies defaults (`createSqliteStore` runs it).
 *
 * @example
 * ```ts
 * SqliteStoreOptionsSchema.parse({ path: './schedule.db', busyTimeoutMs: 10_000 });
 * ```
 */
export const SqliteStoreOptionsSchema: z.ZodType<ResolvedSqliteStoreOptions, SqliteStoreOptions> = z
  .strictObject({
    path: z.string().min(1, { error: 'must be a file path such as "./schedule.db"' }).optional(),
    database: z.custom<SqliteDatabase>(isDatabase, { error: 'must be an open better-sqlite3 Database (new Database(file))' }).optional(),
    busyTimeoutMs: z.number().int({ error: 'must be a whole number of ms' }).nonnegative({ error: 'must be 0 or more ms' }).default(5_000),
    synchronous: z.enum(['normal', 'full'], { error: 'must be "normal" or "full"' }).default('normal'),
  })
  .refine((options) => (options.path === undefined) !== (options.database === undefined), {
    error: 'give exactly one of `path` (a file to open) or `database` (an open better-sqlite3 Database)',
    path: ['path'],
  });
