import { SmmError, type SmmErrorOptions } from '@smm/core/errors';

const MARKER = 'smm.error.SqliteSchemaError';

/**
 * Thrown when a database file was written by a newer `@smm/store-sqlite` than the one
 * opening it (its schema version is above the newest migration this package knows). The
 * store refuses to touch it rather than misread it: upgrade `@smm/store-sqlite` in every
 * process that opens the file.
 *
 * @example
 * ```ts
 * try {
 *   createSqliteStore({ path: 'schedule.db' });
 * } catch (error) {
 *   if (SqliteSchemaError.isInstance(error)) console.error(error.found, '>', error.supported);
 * }
 * ```
 */
export class SqliteSchemaError extends SmmError {
  /** The schema version stored in the file (`PRAGMA user_version`). */
  readonly found: number;
  /** The newest schema version this package can read. */
  readonly supported: number;

  constructor(found: number, supported: number, options: SmmErrorOptions = {}) {
    super(
      'sqlite_schema_too_new',
      `The SQLite schedule database has schema version ${found}, but this @smm/store-sqlite reads up to version ${supported}: it was written by a newer release. Upgrade @smm/store-sqlite in every process that opens this file.`,
      options,
    );
    SmmError.brand(this, MARKER);
    this.name = 'SqliteSchemaError';
    this.found = found;
    this.supported = supported;
  }

  static override isInstance(error: unknown): error is SqliteSchemaError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { found: this.found, supported: this.supported };
  }
}
