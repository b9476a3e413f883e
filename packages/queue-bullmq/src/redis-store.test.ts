import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { EntryConflictError } from '@smm/core/schedule-store';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { dropPrefix } from '../test/redis-test-helpers.js';
import { scheduledEntry } from '../test/entry-fixtures.js';

const url = inject('redisUrl');
let n = 0;

// A handle remembers the entries it last saw so a write can skip its read; these checks make
// sure a remembered copy that another process has since changed never decides a write.
describe.skipIf(url === '')(
  `createRedisStore: writes from a handle with an outdated copy${url === '' ? ` (skipped: ${inject('redisSkipReason')})` : ''}`,
  () => {
    const opened: RedisStore[] = [];
    const open = (prefix: string) => {
      const store = createRedisStore({ url, prefix });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await dropPrefix(opened[0]!.redis, opened[0]!.keyPrefix);
      for (const store of opened.splice(0)) await store.close();
    });

    function handles() {
      n += 1;
      const prefix = `cache-${process.pid}-${n}`;
      return { a: open(prefix), b: open(prefix), fresh: open(prefix), prefix };
    }
    const at = () => new Date().toISOString();

    it('a transition after another handle changed the entry keeps that change', async () => {
      const { a, b, fresh } = handles();
      await a.insert(scheduledEntry('e', Date.now() + 3_600_000));
      await a.get('e');
      const fromB = (await b.get('e'))!;
      await b.put({ ...fromB, draft: { ...fromB.draft, text: 'edited in B' } });

      const canceled = await a.transition('e', { to: 'canceled', at: at(), by: 'ana' });
      const stored = (await fresh.get('e'))!;
      expect(canceled.draft.text).toBe('edited in B');
      expect(stored.status).toBe('canceled');
      expect(stored.draft.text).toBe('edited in B');
      expect(stored.version).toBe(3);
      expect(stored.history.map((item) => item.to)).toEqual(['draft', 'scheduled', 'canceled']);
    });

    it('an expectation checked against an outdated copy is re-checked against the stored entry', async () => {
      const { a, b, fresh } = handles();
      await a.insertMany([scheduledEntry('e', Date.now() + 3_600_000), scheduledEntry('f', Date.now() + 3_600_000)]);
      const seenE = (await a.get('e'))!;
      const seenF = (await a.get('f'))!;
      for (const id of ['e', 'f']) {
        const current = (await b.get(id))!;
        await b.put({ ...current, draft: { ...current.draft, text: 'edited in B' } });
      }
      // Right for the stored entry, wrong for A's copy: it goes through.
      await expect(a.transition('e', { to: 'canceled', at: at(), by: 'ana', expectedVersion: seenE.version + 1 })).resolves.toMatchObject({
        status: 'canceled',
        version: seenE.version + 2,
      });
      // Right for A's copy, wrong for the stored entry: refused, nothing written.
      await expect(a.transition('f', { to: 'canceled', at: at(), by: 'ana', expectedVersion: seenF.version })).rejects.toBeInstanceOf(
        EntryConflictError,
      );
      expect(await fresh.get('f')).toMatchObject({ status: 'scheduled', version: seenF.version + 1 });
    });

    it('changing an object the store returned does not leak into the next write', async () => {
      const { a, fresh } = handles();
      await a.insert(scheduledEntry('e', Date.now() + 3_600_000));
      const got = (await a.get('e'))!;
      (got.draft as { text: string }).text = 'changed by the caller, never written';
      await a.transition('e', { to: 'canceled', at: at(), by: 'ana' });
      expect((await fresh.get('e'))!.draft.text).toBe('post e');
    });

    // claim(id) with start reads the entry, lets start decide, and writes claim and start in
    // one script only if nothing changed since the read.
    it('claim(id) with start: an entry written between the read and the script is claimed, not started', async () => {
      const { a, b, fresh } = handles();
      const now = Date.now();
      await a.insert(scheduledEntry('e', now - 1_000));
      let calls = 0;
      // B has not seen the entry, so it reads it first.
      const claimed = await b.claim('e', {
        owner: 'a',
        now,
        leaseMs: 60_000,
        start: () => {
          calls += 1;
          // Another writer's change, sent on this handle's own connection: it reaches Redis
          // after the read and before the claim script.
          void b.redis.hincrby(`${b.keyPrefix}e:e`, 'v', 1);
          return { to: 'publishing', at: at(), by: 'a', leaseOwner: 'a' };
        },
      });
      expect(calls).toBe(1);
      // Version 1 as inserted, 2 after the other write, 3 after the ordinary claim.
      expect(claimed).toMatchObject({ status: 'scheduled', version: 3, lease: { owner: 'a' } });
      expect(await fresh.get('e')).toMatchObject({ status: 'scheduled', version: 3, lease: { owner: 'a', token: claimed!.lease!.token } });
    });

    it('claim(id) with start: an entry that is not claimable is not offered to start', async () => {
      const { a, b, fresh, prefix } = handles();
      const now = Date.now();
      await a.insert(scheduledEntry('later', now + 3_600_000));
      await a.insert(scheduledEntry('leased', now - 1_000));
      await b.claim('leased', { owner: 'b', now, leaseMs: 60_000 });
      const offered: string[] = [];
      const start = (entry: { id: string }) => {
        offered.push(entry.id);
        return { to: 'publishing' as const, at: at(), by: 'a' };
      };
      // Claimed by a handle that reads them first (a handle's remembered copy may be offered:
      // see the checks below).
      const c = open(prefix);
      expect(await c.claim('later', { owner: 'a', now, leaseMs: 60_000, start })).toBeUndefined();
      expect(await c.claim('leased', { owner: 'a', now, leaseMs: 60_000, start })).toBeUndefined();
      expect(await c.claim('missing', { owner: 'a', now, leaseMs: 60_000, start })).toBeUndefined();
      expect(offered).toEqual([]);
      expect(await fresh.get('later')).toMatchObject({ status: 'scheduled', version: 1, lease: null });
      expect(await fresh.get('leased')).toMatchObject({ status: 'scheduled', version: 2, lease: { owner: 'b' } });
    });

    it('a claim after a lease change decides from the new lease', async () => {
      const { a, b, fresh } = handles();
      const now = Date.now();
      await a.insert(scheduledEntry('e', now - 1_000));
      const claimed = (await a.claim('e', { owner: 'a', now, leaseMs: 60_000 }))!;
      expect(await b.releaseLease('e', 'a')).toBe(true);
      // A still remembers its claim; the lease is gone in the store, so a write requiring it fails.
      await expect(a.transition('e', { to: 'publishing', at: at(), by: 'a', leaseOwner: 'a' })).rejects.toBeInstanceOf(EntryConflictError);
      expect((await fresh.get('e'))!).toMatchObject({ status: 'scheduled', lease: null, version: claimed.version + 1 });
    });

    // claim(id) with `start` begins from the copy the handle last saw; the claim script checks
    // that copy's version, so a stale one costs a read and is never written.
    const publishing = (owner: string) => () => ({ to: 'publishing' as const, at: at(), by: owner, leaseOwner: owner });

    it('claim(id) with start from the copy the handle last saw: no read, claimed and started in one script', async () => {
      const { a, fresh } = handles();
      const now = Date.now();
      await a.insert(scheduledEntry('e', now - 1_000));
      const reads = vi.spyOn(a.redis, 'hmget');
      const started = await a.claim('e', { owner: 'a', now, leaseMs: 60_000, start: publishing('a') });
      expect(reads).not.toHaveBeenCalled();
      // Version 1 as inserted, 3 once claimed and started.
      expect(started).toMatchObject({ status: 'publishing', version: 3, lease: { owner: 'a' } });
      expect(await fresh.get('e')).toMatchObject({ status: 'publishing', version: 3, lease: { owner: 'a', token: started!.lease!.token } });
    });

    it('claim(id) with start from a stale copy: nothing of the copy is written, the stored entry decides', async () => {
      const { a, b, fresh } = handles();
      const now = Date.now();
      await a.insert(scheduledEntry('e', now - 1_000));
      await a.insert(scheduledEntry('later', now - 1_000));
      await b.get('e');
      await b.get('later');
      // Changed after B read them: one edited, one moved an hour ahead.
      const e = (await a.get('e'))!;
      await a.put({ ...e, draft: { ...e.draft, text: 'edited after B read it' } });
      const later = (await a.get('later'))!;
      await a.put({ ...later, scheduledAt: new Date(now + 3_600_000).toISOString() });

      const started = await b.claim('e', { owner: 'b', now, leaseMs: 60_000, start: publishing('b') });
      // Version 2 after the edit, 4 once claimed and started.
      expect(started).toMatchObject({ status: 'publishing', version: 4, draft: { text: 'edited after B read it' } });
      expect(await fresh.get('e')).toMatchObject({ status: 'publishing', version: 4, draft: { text: 'edited after B read it' } });
      expect(await b.claim('later', { owner: 'b', now, leaseMs: 60_000, start: publishing('b') })).toBeUndefined();
      expect(await fresh.get('later')).toMatchObject({ status: 'scheduled', version: 2, lease: null });
    });

    it('claimDue with start: the claimed batch is started in one write, each entry as its start asks', async () => {
      const { a, b, fresh } = handles();
      const now = Date.now();
      await a.insertMany([
        scheduledEntry('one', now - 3_000),
        scheduledEntry('two', now - 2_000),
        scheduledEntry('kept', now - 1_000),
        scheduledEntry('later', now + 3_600_000),
      ]);
      await b.claimDue({ owner: 'b', now: 0, leaseMs: 60_000, limit: 1 }); // nothing due: loads the claim script
      const scripts = vi.spyOn(b.redis, 'call');
      const claimed = await b.claimDue({
        owner: 'b',
        now,
        leaseMs: 60_000,
        limit: 10,
        // `kept` is claimed but not started (as when the runner already runs it).
        start: (entry) => (entry.id === 'kept' ? undefined : publishing('b')()),
      });
      // The claim script and one write for the batch.
      expect(scripts.mock.calls.filter(([command]) => command === 'EVALSHA' || command === 'EVAL')).toHaveLength(2);
      expect(claimed.map((entry) => [entry.id, entry.status, entry.version])).toEqual([
        ['one', 'publishing', 3],
        ['two', 'publishing', 3],
        ['kept', 'scheduled', 2],
      ]);
      for (const entry of claimed) {
        const stored = (await fresh.get(entry.id))!;
        expect(stored).toMatchObject({ status: entry.status, version: entry.version, lease: { owner: 'b', token: entry.lease!.token } });
      }
      expect((await fresh.get('one'))!.history.map((item) => `${item.from} → ${item.to} by ${item.by}`)).toContain(
        'scheduled → publishing by b',
      );
      expect(await fresh.get('later')).toMatchObject({ status: 'scheduled', version: 1, lease: null });
      // Started entries are no longer due; the claimed-only one is leased: nothing more to claim.
      expect(await a.claimDue({ owner: 'a', now, leaseMs: 60_000, limit: 10 })).toEqual([]);
    });
  },
);
