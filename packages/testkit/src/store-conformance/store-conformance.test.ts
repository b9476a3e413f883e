import { createMemoryStore, type ScheduleStore } from '@smm/core/schedule-store';
import { describe, expect, it } from 'vitest';
import { runStoreConformance } from '../vitest/index.js';
import { runStoreConformanceChecks } from './index.js';

// The reference store must pass every check.
runStoreConformance({ name: 'memory store', createStore: () => createMemoryStore() });

// Broken stores: each breaks one promise of the contract; the suite must say which.
function withOverrides(overrides: (inner: ScheduleStore) => Partial<ScheduleStore>): () => ScheduleStore {
  return () => {
    const inner = createMemoryStore();
    return { ...inner, ...overrides(inner) };
  };
}

async function failures(createStore: () => ScheduleStore): Promise<Map<string, string>> {
  const results = await runStoreConformanceChecks({ name: 'broken', createStore });
  return new Map(results.filter((r) => r.status === 'failed').map((r) => [r.name, r.message ?? '']));
}

describe('store conformance catches broken stores', () => {
  it('a claimDue that hands an entry out twice (claims without leasing)', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        // Returns due entries but never records the lease, so the next caller gets them too.
        async claimDue(request) {
          const all = await inner.query({ statuses: ['scheduled'] });
          return all
            .filter((e) => e.hold === null && e.scheduledAt !== null && Date.parse(e.scheduledAt) <= request.now)
            .slice(0, request.limit ?? 100);
        },
      })),
    );
    const contention = [...failed].find(([name]) => name.startsWith('concurrent claimDue'));
    expect(contention?.[1]).toMatch(/handed out more than once under contention: c\d{3} → w\d & w\d/);
    expect([...failed.keys()].some((name) => name.startsWith('claimDue claims only due'))).toBe(true);
  });

  it('a put that drops history', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        async put(entry, expect) {
          const stored = await inner.put(entry, expect);
          return { ...stored, history: stored.history.slice(-1) };
        },
      })),
    );
    expect(failed.get('put bumps the version, keeps status, history and lease, and enforces expectations')).toMatch(
      /get after put \(must equal what put returned\): differs/,
    );
  });

  it('a store that loses unicode and the retry fields on the way through', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        async insert(entry) {
          const { nextAttemptAt: _dropped, ...rest } = entry;
          await inner.insert({ ...rest, draft: { ...rest.draft, text: rest.draft.text.replace(/[^\x20-\x7e\n\t\0]/g, '?') } });
        },
      })),
    );
    expect(
      failed.get('insert and get return every field unchanged (unicode text, history, approvals, published refs, retry fields)'),
    ).toMatch(/get\("rich-1"\): differs from what was written/);
  });

  it('a claimDue that ignores nextAttemptAt publishes retries early', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        async claimDue(request) {
          const claimed = [];
          for (const entry of await inner.query({ statuses: ['scheduled'] })) {
            if (entry.scheduledAt === null || Date.parse(entry.scheduledAt) > request.now || claimed.length >= (request.limit ?? 100))
              continue;
            const got = await inner.claim(entry.id, {
              ...request,
              now: Math.max(request.now, Date.parse(entry.nextAttemptAt ?? entry.scheduledAt)),
            });
            if (got) claimed.push(got);
          }
          return claimed;
        },
      })),
    );
    expect(failed.get('claimDue claims only due, unheld, unleased scheduled entries, earliest first, under a lease')).toMatch(
      /retry-later|retry-now/,
    );
  });

  it('a store that fences on the owner only (ignores lease tokens)', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        async transition(id, change) {
          const { leaseToken: _ignored, ...rest } = change;
          return inner.transition(id, rest);
        },
        extendLease: (id, owner, now, leaseMs) => inner.extendLease(id, owner, now, leaseMs),
        releaseLease: (id, owner) => inner.releaseLease(id, owner),
      })),
    );
    expect(
      failed.get('lease tokens fence a lapsed claim: re-claimed (even by the same owner), its writes, renewals and release fail'),
    ).toMatch(/transition fenced on the lapsed claim’s token: expected EntryConflictError, but it succeeded/);
  });

  it('a dueSummary blind to entries stuck in publishing', async () => {
    const failed = await failures(
      withOverrides((inner) => ({
        async dueSummary(now) {
          return { ...(await inner.dueSummary(now)), stuckPublishing: { count: 0, oldestSince: null, ids: [] } };
        },
      })),
    );
    expect(failed.get('dueSummary names the entries stuck in publishing (lease expired or absent): count, oldest, ids')).toMatch(
      /stuckPublishing: differs/,
    );
  });
});
