import type { CalendarEntry } from './calendar-entry.js';
import { EntryConflictError, EntryNotFoundError } from './errors.js';
import { compareEntries, matchesQuery } from './entry-query.js';
import { entryDueAt } from './entry-due-at.js';
import { isClaimable } from './entry-claimable.js';
import { instantMs } from './instant-ms.js';
import { MinHeap } from './min-heap.js';
import type { ClaimRequest, DueSummary, EntryQuery, ScheduleStore, StoreTransition } from './schedule-store.js';
import { nextTransitionEntry, startClaimedEntry } from './claim-start.js';
import { summarizeStuckPublishing } from './stuck-publishing.js';
import { leaseHeldBy, leaseTokenSource, nextPutEntry } from './write-checks.js';

interface HeapItem {
  key: number;
  id: string;
  version: number;
}

/**
 * The in-memory {@link ScheduleStore}: the default for tests, demos and single-process apps
 * that do not need to survive a restart. Claims are atomic because JavaScript runs one call
 * at a time; due entries and expiring leases are kept in heaps, so claiming costs
 * O(k log n), not a scan.
 *
 * @example
 * ```ts
 * const store = createMemoryStore();
 * const calendar = createCalendar({ store, accounts: [...] });
 * const claimed = await store.claimDue({ owner: 'worker-1', now: Date.now(), leaseMs: 30_000 });
 * ```
 */
export function createMemoryStore(): ScheduleStore {
  const entries = new Map<string, CalendarEntry>();
  const byAccount = new Map<string, Set<string>>();
  // Lazy heaps: an item is live only while the entry still has the version it was pushed with.
  const due = new MinHeap<HeapItem>();
  const leases = new MinHeap<HeapItem>();
  const nextToken = leaseTokenSource();

  function index(entry: CalendarEntry, dueBatch?: HeapItem[]): void {
    entries.set(entry.id, entry);
    let ids = byAccount.get(entry.accountKey);
    if (ids === undefined) byAccount.set(entry.accountKey, (ids = new Set()));
    ids.add(entry.id);
    if (entry.lease !== null) {
      leases.push({ key: instantMs(entry.lease.expiresAt), id: entry.id, version: entry.version });
    } else if (entry.status === 'publishing') {
      // Publishing without a lease (released mid-publish): as stale as an expired one.
      leases.push({ key: 0, id: entry.id, version: entry.version });
    } else if (entry.status === 'scheduled' && entry.scheduledAt !== null && entry.hold === null) {
      const item = { key: entryDueAt(entry)!, id: entry.id, version: entry.version };
      if (dueBatch === undefined) due.push(item);
      else dueBatch.push(item);
    }
  }

  function replace(previous: CalendarEntry, next: CalendarEntry): void {
    if (previous.accountKey !== next.accountKey) byAccount.get(previous.accountKey)?.delete(previous.id);
    index(next);
  }

  function require(id: string): CalendarEntry {
    const entry = entries.get(id);
    if (entry === undefined) throw new EntryNotFoundError(id);
    return entry;
  }

  function claim(entry: CalendarEntry, request: ClaimRequest): CalendarEntry {
    const claimed = {
      ...entry,
      version: entry.version + 1,
      lease: { owner: request.owner, expiresAt: new Date(request.now + request.leaseMs).toISOString(), token: nextToken() },
    };
    const stored = startClaimedEntry(claimed, request.start) ?? claimed;
    index(stored);
    return stored;
  }

  return {
    async get(id) {
      return entries.get(id);
    },

    async insert(entry) {
      if (entries.has(entry.id))
        throw new EntryConflictError(entry.id, `An entry with id "${entry.id}" already exists; use put() to change it.`);
      index(entry);
    },

    async insertMany(batch) {
      const seen = new Set<string>();
      for (const entry of batch) {
        if (entries.has(entry.id) || seen.has(entry.id)) {
          throw new EntryConflictError(
            entry.id,
            `An entry with id "${entry.id}" already exists or repeats in the batch; nothing was inserted.`,
          );
        }
        seen.add(entry.id);
      }
      const dueBatch: HeapItem[] = [];
      for (const entry of batch) index(entry, dueBatch);
      due.pushMany(dueBatch);
    },

    async put(entry, expect) {
      const stored = require(entry.id);
      const next = nextPutEntry(stored, entry, expect);
      replace(stored, next);
      return next;
    },

    async putMany(writes) {
      const prepared = writes.map(({ entry, expect }) => {
        const stored = require(entry.id);
        return [stored, nextPutEntry(stored, entry, expect)] as const;
      });
      if (new Set(writes.map(({ entry }) => entry.id)).size !== writes.length) {
        throw new EntryConflictError(writes[0]?.entry.id ?? '', 'putMany() got the same entry twice; nothing was written.');
      }
      for (const [stored, next] of prepared) replace(stored, next);
      return prepared.map(([, next]) => next);
    },

    async transition(id, change: StoreTransition) {
      const stored = require(id);
      const next = nextTransitionEntry(stored, change);
      replace(stored, next);
      return next;
    },

    async query(query: EntryQuery) {
      let source: Iterable<CalendarEntry> = entries.values();
      if (query.accountKeys !== undefined) {
        const ids = query.accountKeys.flatMap((key) => [...(byAccount.get(key) ?? [])]);
        source = ids.map((id) => entries.get(id)!);
      }
      const found: CalendarEntry[] = [];
      for (const entry of source) if (matchesQuery(entry, query)) found.push(entry);
      found.sort(compareEntries);
      return query.limit === undefined ? found : found.slice(0, query.limit);
    },

    async claimDue(request) {
      const limit = request.limit ?? 100;
      const stale = request.includeStalePublishing ?? true;
      const claimed: CalendarEntry[] = [];
      const keep: HeapItem[] = [];
      // Expired leases first: they are the oldest work (a worker died holding them).
      while (claimed.length < limit && (leases.peek()?.key ?? Infinity) <= request.now) {
        const item = leases.pop()!;
        const entry = entries.get(item.id);
        if (entry === undefined || entry.version !== item.version) continue;
        if (isClaimable(entry, request.now, stale)) claimed.push(claim(entry, request));
        else if (entry.status === 'publishing' || entry.status === 'scheduled') keep.push(item);
      }
      for (const item of keep) leases.push(item);
      while (claimed.length < limit && (due.peek()?.key ?? Infinity) <= request.now) {
        const item = due.pop()!;
        const entry = entries.get(item.id);
        if (entry === undefined || entry.version !== item.version) continue;
        if (isClaimable(entry, request.now, stale)) claimed.push(claim(entry, request));
      }
      return claimed;
    },

    async claim(id, request) {
      const entry = entries.get(id);
      if (entry === undefined || !isClaimable(entry, request.now, request.includeStalePublishing ?? true)) return undefined;
      return claim(entry, request);
    },

    async extendLease(id, owner, now, leaseMs, token) {
      const entry = require(id);
      if (!leaseHeldBy(entry, owner, token)) return false;
      const lease = { ...entry.lease!, expiresAt: new Date(now + leaseMs).toISOString() };
      index({ ...entry, version: entry.version + 1, lease });
      return true;
    },

    async releaseLease(id, owner, token) {
      const entry = require(id);
      if (!leaseHeldBy(entry, owner, token)) return false;
      index({ ...entry, version: entry.version + 1, lease: null });
      return true;
    },

    async dueSummary(now) {
      let count = 0;
      let oldest: string | null = null;
      const publishing: CalendarEntry[] = [];
      for (const entry of entries.values()) {
        if (entry.status === 'publishing') publishing.push(entry);
        if (entry.status !== 'scheduled' || !isClaimable(entry, now, false)) continue;
        count += 1;
        if (oldest === null || entry.scheduledAt! < oldest) oldest = entry.scheduledAt;
      }
      return { count, oldestScheduledAt: oldest, stuckPublishing: summarizeStuckPublishing(publishing, now) };
    },
  };
}
