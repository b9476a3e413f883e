/**
 * A durable, embedded `ScheduleStore` for the smm scheduler on SQLite (better-sqlite3):
 * WAL, one transaction per write, atomic claiming across processes sharing the file, and a
 * schema versioned by migrations shipped in the package.
 *
 * @packageDocumentation
 */
export { createSqliteStore, type SqliteStore } from './sqlite-store.js';
export {
  SqliteStoreOptionsSchema,
  type ResolvedSqliteStoreOptions,
  type SqliteDatabase,
  type SqliteStoreOptions,
} from './sqlite-store-options.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
export { SqliteSchemaError } from './schema-error.js';
export { createSqliteInboxStore, INBOX_MIGRATIONS, type SqliteInboxStore, type SqliteInboxStoreOptions } from './inbox-store.js';
