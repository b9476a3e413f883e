import type { SqliteDatabase as Database } from './sqlite-store-options.js';
import { SqliteSchemaError } from './schema-error.js';

/** One step of the schema, applied once, in order, inside a transaction. */
export interface Migration {
  /** The schema version the database is at after this step (1, 2, 3… without gaps). */
  version: number;
  /** What it changes, for people reading the list. */
  description: string;
  /** The SQL it runs. */
  sql: string;
}

/**
 * The schema, as the ordered list of every change ever made to it. A released step is
 * never edited: a change is a new step at the end. The database records the version it is
 * at in `PRAGMA user_version`.
 *
 * Entries are kept as JSON (`body`, without `version` and `lease`, which live in columns so
 * claiming and lease renewal write a few integers instead of re-serialising the entry),
 * plus the columns queries and claims filter on.
 *
 * @example
 * ```ts
 * MIGRATIONS.at(-1)!.version; // the schema version this release writes
 * ```
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'entries as JSON with indexed columns; tags side table',
    sql: `
      CREATE TABLE entries (
        id               TEXT PRIMARY KEY NOT NULL,
        body             TEXT NOT NULL,
        version          INTEGER NOT NULL,
        status           TEXT NOT NULL,
        scheduled_at     TEXT,
        due_ms           INTEGER, -- entryDueAt(): the later of scheduled_at and a retry's nextAttemptAt
        account_key      TEXT NOT NULL,
        platform         TEXT NOT NULL,
        brand            TEXT,
        campaign         TEXT,
        group_id         TEXT,
        held             INTEGER NOT NULL,
        lease_owner      TEXT,
        lease_expires_at TEXT,
        lease_expires_ms INTEGER
      );
      -- Claiming: due, unleased, not held. Leased entries leave the index, so a poll does not
      -- wade through work already in flight.
      CREATE INDEX entries_due ON entries (due_ms, id)
        WHERE status = 'scheduled' AND held = 0 AND lease_expires_ms IS NULL;
      -- Claiming: leases that may have expired (a worker died holding them).
      CREATE INDEX entries_lease ON entries (lease_expires_ms, id)
        WHERE lease_expires_ms IS NOT NULL AND status IN ('scheduled', 'publishing');
      CREATE INDEX entries_scheduled_at ON entries (scheduled_at, id);
      CREATE INDEX entries_status ON entries (status);
      CREATE INDEX entries_account ON entries (account_key);
      CREATE INDEX entries_group ON entries (group_id) WHERE group_id IS NOT NULL;
      CREATE TABLE entry_tags (
        entry_id TEXT NOT NULL,
        tag      TEXT NOT NULL,
        PRIMARY KEY (entry_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX entry_tags_tag ON entry_tags (tag, entry_id);
    `,
  },
  {
    version: 2,
    description: 'lease tokens: every claim stores a new token that fenced writes compare',
    sql: `
      ALTER TABLE entries ADD COLUMN lease_token TEXT;
    `,
  },
  {
    version: 3,
    description: 'an index of the publishing entries only, instead of every status',
    // Every run moves an entry scheduled → publishing → published: a full status index took a
    // delete and an insert on each step (about 8 % of a busy scheduler's store time). The
    // claims of orphans and the stuck-publishing health check need only the few entries in
    // flight; a query by status alone reads the table (calendar queries filter by time first).
    sql: `
      DROP INDEX entries_status;
      CREATE INDEX entries_publishing ON entries (id) WHERE status = 'publishing';
    `,
  },
];

/** The schema version this release writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Brings the database to {@link SCHEMA_VERSION}: applies the missing steps in one
 * `BEGIN IMMEDIATE` transaction (so two processes opening a fresh file at once do not both
 * migrate it), or fails with {@link SqliteSchemaError} when the file is newer than this
 * package. Returns the version found before migrating.
 * @internal
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const latest = migrations.at(-1)?.version ?? 0;
  const run = db.transaction(() => {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > latest) throw new SqliteSchemaError(found, latest);
    for (const step of migrations) {
      if (step.version <= found) continue;
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    }
    return found;
  });
  return run.immediate();
}
