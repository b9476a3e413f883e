import type { CalendarEntry } from './calendar-entry.js';
import { instantMs } from './instant-ms.js';
import { STUCK_IDS_LIMIT, type StuckPublishing } from './schedule-store.js';

/**
 * Since when an entry in `publishing` has had no live lease at `now` (its lease's expiry, or
 * `updatedAt` when it has none), or `null` when a lease still covers it or it is not publishing.
 *
 * @example
 * ```ts
 * stuckSince(entry, Date.now()); // '2026-03-02T09:01:00.000Z' when its lease ran out then
 * ```
 */
export function stuckSince(entry: CalendarEntry, now: number): string | null {
  if (entry.status !== 'publishing') return null;
  if (entry.lease === null) return entry.updatedAt;
  return instantMs(entry.lease.expiresAt) <= now ? entry.lease.expiresAt : null;
}

/**
 * The {@link StuckPublishing} summary of `entries` at `now` — the part of `dueSummary` every
 * store shares. Give it the store's `publishing` entries (others are skipped).
 *
 * @example
 * ```ts
 * const stuck = summarizeStuckPublishing(await store.query({ statuses: ['publishing'] }), Date.now());
 * if (stuck.count > 0) alert(`${stuck.count} posts stuck in publishing: ${stuck.ids.join(', ')}`);
 * ```
 */
export function summarizeStuckPublishing(entries: Iterable<CalendarEntry>, now: number): StuckPublishing {
  const stuck: Array<{ id: string; since: string }> = [];
  for (const entry of entries) {
    const since = stuckSince(entry, now);
    if (since !== null) stuck.push({ id: entry.id, since });
  }
  stuck.sort((a, b) => instantMs(a.since) - instantMs(b.since) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    count: stuck.length,
    oldestSince: stuck[0]?.since ?? null,
    ids: stuck.slice(0, STUCK_IDS_LIMIT).map((item) => item.id),
  };
}
