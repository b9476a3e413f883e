import { chmodSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { ValidationError } from '@smm/core/errors';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite-store.js';
import { tempDir } from './test-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dbFile(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.file('schedule.db');
}

function openError(open: () => unknown): ValidationError {
  let caught: unknown;
  try {
    const store = open() as { close(): void };
    store.close();
  } catch (error) {
    caught = error;
  }
  expect(ValidationError.isInstance(caught), `expected a ValidationError, got ${String(caught)}`).toBe(true);
  return caught as ValidationError;
}

describe('createSqliteStore options', () => {
  it('names a misspelt option first, with the option it meant', () => {
    const error = openError(() => createSqliteStore({ path: ':memory:', busyTimeout: 1_000 } as never));
    expect(error.issues).toEqual([
      { path: ['busyTimeout'], code: 'unrecognized_keys', message: 'unknown option — did you mean `busyTimeoutMs`?' },
    ]);
  });
});

describe('createSqliteStore refuses files it cannot use with a ValidationError naming the path and the fix', () => {
  it('a file that is not a database', () => {
    const file = dbFile();
    writeFileSync(file, 'id,text\n1,hello — this is a CSV, not a database\n'.repeat(20));
    const error = openError(() => createSqliteStore({ path: file }));
    expect(error.message).toContain(`"${file}" is not a SQLite database`);
    expect(error.message).toMatch(/point `path` at the schedule database/);
    expect(error.issues[0]?.path).toEqual(['path']);
    expect((error.cause as { code?: string }).code).toBe('SQLITE_NOTADB');
  });

  it('a file locked by another connection', () => {
    const file = dbFile();
    createSqliteStore({ path: file }).close();
    const holder = new BetterSqlite3(file);
    cleanups.unshift(() => holder.close());
    holder.exec('BEGIN EXCLUSIVE');
    const error = openError(() => createSqliteStore({ path: file, busyTimeoutMs: 50 }));
    expect(error.message).toContain(`"${file}" is locked by another connection or process`);
    expect(error.message).toMatch(/stayed locked for 50 ms.*raise `busyTimeoutMs`/);
    holder.exec('ROLLBACK');
    createSqliteStore({ path: file }).close(); // fine once the lock is gone
  });

  it('a read-only database (a read-only connection, and a file this process may not write)', () => {
    const file = dbFile();
    createSqliteStore({ path: file }).close();
    const readonly = new BetterSqlite3(file, { readonly: true });
    cleanups.unshift(() => readonly.close());
    const error = openError(() => createSqliteStore({ database: readonly }));
    expect(error.message).toContain(`"${file}" is read-only`);
    expect(error.message).toMatch(/make the file and its directory writable/);

    // File permissions do not bind root: only check them as an ordinary user.
    if (process.getuid?.() !== 0) {
      const fresh = dbFile();
      const setup = new BetterSqlite3(fresh);
      setup.exec('CREATE TABLE t (x)');
      setup.close();
      chmodSync(fresh, 0o444);
      const denied = openError(() => createSqliteStore({ path: fresh }));
      expect(denied.message).toMatch(new RegExp(`"${fresh.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" is read-only|cannot open`));
    }
  });
});
