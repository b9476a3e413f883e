import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION, migrate } from './migrations.js';
import { SqliteSchemaError } from './schema-error.js';
import { createSqliteStore } from './sqlite-store.js';
import { entryFixture, scheduledFixture, tempDir } from './test-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dbFile(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.file('schedule.db');
}

function inspect<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const tables = (db: BetterSqlite3.Database) =>
  db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((row) => row.name);

describe('migrations', () => {
  it('are numbered 1, 2, 3… without gaps', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('create the schema in a fresh file and record its version', () => {
    const file = dbFile();
    createSqliteStore({ path: file }).close();
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(tables(db)).toEqual(['entries', 'entry_tags']);
    });
  });

  it('version 3 swaps the status index for one of the publishing entries, and a version 2 file keeps working', async () => {
    const file = dbFile();
    inspect(file, (db) => migrate(db, MIGRATIONS.slice(0, 2)));
    // A version 2 file with a run in flight whose worker died (publishing, lease expired).
    const v2 = createSqliteStore({ path: file });
    v2.close();
    const indexes = (db: BetterSqlite3.Database) =>
      db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'entries_%' ORDER BY name")
        .all()
        .map((row) => row.name);
    inspect(file, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(indexes(db)).toEqual([
        'entries_account',
        'entries_due',
        'entries_group',
        'entries_lease',
        'entries_publishing',
        'entries_scheduled_at',
      ]);
    });
    const store = createSqliteStore({ path: file });
    const entry = scheduledFixture('stuck', Date.parse('2026-03-02T09:00:00.000Z'));
    await store.insert(entry);
    const [claimed] = await store.claimDue({ owner: 'w1', now: Date.parse(entry.scheduledAt!), leaseMs: 1_000 });
    await store.transition('stuck', {
      to: 'publishing',
      at: entry.scheduledAt!,
      by: 'w1',
      leaseOwner: 'w1',
      leaseToken: claimed!.lease!.token,
    });
    const later = Date.parse(entry.scheduledAt!) + 5_000;
    expect((await store.dueSummary(later)).stuckPublishing.ids).toEqual(['stuck']);
    const [again] = await store.claimDue({ owner: 'w2', now: later, leaseMs: 1_000 });
    expect([again?.id, again?.status, again?.lease?.owner]).toEqual(['stuck', 'publishing', 'w2']);
    store.close();
  });

  it('leave an up-to-date file alone on re-open, keeping its data', async () => {
    const file = dbFile();
    const first = createSqliteStore({ path: file });
    await first.insert(entryFixture('a'));
    first.close();
    inspect(file, (db) => expect(migrate(db)).toBe(SCHEMA_VERSION));
    const second = createSqliteStore({ path: file });
    expect(await second.get('a')).toEqual(entryFixture('a'));
    second.close();
  });

  it('refuse a file written by a newer release with SqliteSchemaError, leaving it untouched', () => {
    const file = dbFile();
    createSqliteStore({ path: file }).close();
    inspect(file, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    let error: unknown;
    try {
      createSqliteStore({ path: file });
    } catch (caught) {
      error = caught;
    }
    expect(SqliteSchemaError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'sqlite_schema_too_new', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
    expect((error as Error).message).toMatch(/Upgrade @smm\/store-sqlite/);
    inspect(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1));
  });

  it('apply only the missing steps, in order, and roll a failing run back completely', () => {
    const file = dbFile();
    createSqliteStore({ path: file }).close();
    const next = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, description: 'test column', sql: 'ALTER TABLE entries ADD COLUMN note TEXT' },
    ];
    const broken = [
      ...next,
      {
        version: SCHEMA_VERSION + 2,
        description: 'creates a table, then fails',
        sql: 'CREATE TABLE extra (x); SELECT * FROM no_such_table;',
      },
    ];
    inspect(file, (db) => {
      expect(() => migrate(db, broken)).toThrow(/no_such_table/);
      // Neither the good step nor the half of the bad one stayed.
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(tables(db)).not.toContain('extra');
      expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('entries') WHERE name = 'note'").get()).toEqual({ n: 0 });
      expect(migrate(db, next)).toBe(SCHEMA_VERSION);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
      expect(db.prepare("SELECT count(*) AS n FROM pragma_table_info('entries') WHERE name = 'note'").get()).toEqual({ n: 1 });
    });
  });

  it('step 2 upgrades a version-1 file in place: its leases keep working, new claims get tokens', async () => {
    const file = dbFile();
    inspect(file, (db) => {
      db.pragma('journal_mode = WAL');
      migrate(db, MIGRATIONS.slice(0, 1));
      // A row as version 1 wrote it: leased by a worker, no token column yet.
      const entry = entryFixture('old', { status: 'scheduled', scheduledAt: '2026-03-02T09:00:00.000Z', placement: 'pinned' });
      const { version: _v, lease: _l, ...body } = entry;
      db.prepare(
        `INSERT INTO entries (id, body, version, status, scheduled_at, due_ms, account_key, platform, held, lease_owner, lease_expires_at, lease_expires_ms)
         VALUES ('old', ?, 3, 'scheduled', '2026-03-02T09:00:00.000Z', ?, 'x:1', 'x', 0, 'w-old', '2026-03-02T09:01:00.000Z', ?)`,
      ).run(JSON.stringify(body), Date.parse('2026-03-02T09:00:00.000Z'), Date.parse('2026-03-02T09:01:00.000Z'));
    });
    const store = createSqliteStore({ path: file });
    try {
      expect((await store.get('old'))?.lease).toEqual({ owner: 'w-old', expiresAt: '2026-03-02T09:01:00.000Z' });
      // The old owner (no token) can still renew; after expiry a claim gets a token.
      expect(await store.extendLease('old', 'w-old', Date.parse('2026-03-02T09:00:30.000Z'), 30_000)).toBe(true);
      const claimed = await store.claim('old', { owner: 'w-new', now: Date.parse('2026-03-02T09:02:00.000Z'), leaseMs: 60_000 });
      expect(claimed?.lease).toMatchObject({ owner: 'w-new', token: expect.any(String) });
    } finally {
      store.close();
    }
    inspect(file, (db) => expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION));
  });
});
