import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { EntryConflictError, type CalendarEntry } from '@smm/core/schedule-store';
import { createSqliteStore } from './sqlite-store.js';
import { T0, entryFixture, iso, scheduledFixture as scheduled, tempDir } from './test-fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function dbFile(): string {
  const dir = tempDir();
  cleanups.push(dir.remove);
  return dir.file('schedule.db');
}

/** An entry using every optional field, with keys named like the column-only ones nested inside. */
function richEntry(id: string, text: string): CalendarEntry {
  const base = scheduled(id, T0, { brand: 'Ünïcødé brand', groupId: 'g-1' });
  return {
    ...base,
    status: 'published',
    draft: {
      ...base.draft,
      text,
      tags: ['launch', 'façade', '🚀'],
      campaign: 'spring',
      thread: [{ text: `${text} (2/2)`, media: [] }],
      networkOptions: { 'example-network': { version: 7, lease: 'not the lease' } },
    },
    history: [
      { from: null, to: 'scheduled', at: iso(T0 - 2000), by: 'ana' },
      { from: 'scheduled', to: 'publishing', at: iso(T0), by: 'worker-1' },
      { from: 'publishing', to: 'published', at: iso(T0 + 5), by: 'worker-1', reason: 'ok' },
    ],
    approvals: [{ by: 'li', role: 'legal', at: iso(T0 - 5000), note: 'looks good — ✓' }],
    idempotencyKey: `smm-${id}`,
    published: {
      platform: 'x',
      accountId: '1',
      parts: [{ platform: 'x', id: '1001', url: 'https://x.com/i/status/1001' }],
      publishedAt: iso(T0 + 4),
      idempotencyKey: `smm-${id}`,
    },
    evergreen: { afterDays: 90, maxTimes: 2 },
    recycledFrom: { entryId: 'origin', generation: 1 },
    lease: { owner: 'worker-1', expiresAt: '2026-03-02T09:00:30Z' },
    version: 12,
  };
}

describe('createSqliteStore durability', () => {
  it('keeps every entry, lease and version across close and re-open', async () => {
    const file = dbFile();
    const first = createSqliteStore({ path: file });
    await first.insertMany([scheduled('a', T0), scheduled('b', T0 + 1000), entryFixture('c'), richEntry('d', 'hello')]);
    await first.claimDue({ owner: 'w1', now: T0 + 1000, leaseMs: 60_000 });
    await first.transition('a', { to: 'publishing', at: iso(T0 + 1), by: 'w1', leaseOwner: 'w1', patch: { idempotencyKey: 'k-a' } });
    const before = await first.query({});
    first.close();
    first.close(); // idempotent

    const second = createSqliteStore({ path: file });
    cleanups.unshift(() => second.close());
    expect(await second.query({})).toEqual(before);
    expect((await second.get('a'))?.lease).toEqual({ owner: 'w1', expiresAt: iso(T0 + 61_000), token: expect.any(String) });
    // The lease survives the restart: nobody else can claim before it expires.
    expect(await second.claimDue({ owner: 'w2', now: T0 + 60_999, leaseMs: 1000 })).toEqual([]);
    expect((await second.claimDue({ owner: 'w2', now: T0 + 61_000, leaseMs: 1000 })).map((e) => [e.id, e.status])).toEqual([
      ['a', 'publishing'],
      ['b', 'scheduled'],
    ]);
  });

  it('runs in WAL mode with the chosen synchronous level and busy timeout', () => {
    const normal = createSqliteStore({ path: dbFile() });
    const full = createSqliteStore({ path: dbFile(), synchronous: 'full', busyTimeoutMs: 1234 });
    cleanups.unshift(
      () => normal.close(),
      () => full.close(),
    );
    expect(normal.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(normal.database.pragma('synchronous', { simple: true })).toBe(1);
    expect(normal.database.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(full.database.pragma('synchronous', { simple: true })).toBe(2);
    expect(full.database.pragma('busy_timeout', { simple: true })).toBe(1234);
  });

  it('uses a Database it is given and leaves it open on close()', async () => {
    const database = new BetterSqlite3(dbFile());
    cleanups.unshift(() => database.close());
    const store = createSqliteStore({ database });
    await store.insert(entryFixture('a'));
    store.close();
    expect(database.open).toBe(true);
    expect(database.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 1 });
  });

  it('round-trips entries unchanged: every field, unicode text, nested keys named like columns', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    cleanups.unshift(() => store.close());
    const texts = [
      '👩‍👩‍👧‍👦 family, ZWJ',
      'مرحبا بالعالم',
      'e\u0301 combining',
      'nul \u0000 inside',
      'lone \ud800 surrogate',
      '"quotes" \\ back\\slash\nnewline',
      '𝕏 astral',
    ];
    const entries = texts.map((text, index) => richEntry(`e${index}`, text));
    await store.insertMany(entries);
    for (const entry of entries) expect(await store.get(entry.id)).toEqual(entry);
    expect(await store.query({ tags: ['🚀'] })).toEqual([...entries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await store.query({ brands: ['Ünïcødé brand'] })).length).toBe(entries.length);
  });

  it('round-trips arbitrary unicode text, tags and ids (property)', async () => {
    const store = createSqliteStore({ path: ':memory:' });
    cleanups.unshift(() => store.close());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'binary' }),
        fc.array(fc.string({ unit: 'grapheme', minLength: 1 }), { maxLength: 3 }),
        fc.string({ unit: 'grapheme', minLength: 1 }),
        async (text, tags, id) => {
          const base = entryFixture(`${(n += 1)}-${id}`);
          const entry = { ...base, draft: { ...base.draft, text, tags } };
          await store.insert(entry);
          expect(await store.get(entry.id)).toEqual(entry);
          if (tags.length > 0) expect((await store.query({ tags: [tags[0]!] })).map((e) => e.id)).toContain(entry.id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inserts 100,000 entries in one transaction, all or none', async () => {
    const store = createSqliteStore({ path: dbFile() });
    cleanups.unshift(() => store.close());
    const batch = Array.from({ length: 100_000 }, (_, i) => scheduled(`bulk-${i}`, T0 + i));
    await store.insert(scheduled('existing', T0));
    // The last one collides: nothing of the batch may stay.
    await expect(store.insertMany([...batch, scheduled('existing', T0)])).rejects.toSatisfy(EntryConflictError.isInstance);
    expect(await store.dueSummary(T0 + 200_000)).toMatchObject({ count: 1, oldestScheduledAt: iso(T0) });
    await store.insertMany(batch);
    expect(await store.dueSummary(T0 + 200_000)).toMatchObject({ count: 100_001, oldestScheduledAt: iso(T0) });
    expect(await store.get('bulk-99999')).toEqual(batch[99_999]);
    expect((await store.query({ from: iso(T0 + 50_000), to: iso(T0 + 50_003) })).map((e) => e.id)).toEqual([
      'bulk-50000',
      'bulk-50001',
      'bulk-50002',
    ]);
  }, 60_000);
});
