import type { CalendarEntry } from './calendar-entry.js';
import type { EntryQuery } from './schedule-store.js';

/**
 * Whether `entry` matches `query` (every criterion except `limit`). Stores that filter in
 * memory use it so they all agree on the semantics.
 *
 * @example
 * ```ts
 * matchesQuery(entry, { statuses: ['scheduled'], tags: ['launch'] });
 * ```
 */
export function matchesQuery(entry: CalendarEntry, query: EntryQuery): boolean {
  if (query.from !== undefined || query.to !== undefined) {
    if (entry.scheduledAt === null) return false;
    if (query.from !== undefined && entry.scheduledAt < query.from) return false;
    if (query.to !== undefined && entry.scheduledAt >= query.to) return false;
  }
  if (query.accountKeys !== undefined && !query.accountKeys.includes(entry.accountKey)) return false;
  if (query.platforms !== undefined && !query.platforms.includes(entry.platform)) return false;
  if (query.statuses !== undefined && !query.statuses.includes(entry.status)) return false;
  if (query.tags !== undefined && !entry.draft.tags.some((tag) => query.tags!.includes(tag))) return false;
  if (query.campaigns !== undefined && (entry.draft.campaign === undefined || !query.campaigns.includes(entry.draft.campaign)))
    return false;
  if (query.brands !== undefined && (entry.brand === undefined || !query.brands.includes(entry.brand))) return false;
  if (query.groupId !== undefined && entry.groupId !== query.groupId) return false;
  return true;
}

/**
 * Orders entries the way `ScheduleStore.query` returns them: earliest `scheduledAt` first,
 * unplaced entries last, ties by id.
 *
 * @example
 * ```ts
 * entries.sort(compareEntries);
 * ```
 */
export function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  if (a.scheduledAt !== b.scheduledAt) {
    if (a.scheduledAt === null) return 1;
    if (b.scheduledAt === null) return -1;
    return a.scheduledAt < b.scheduledAt ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
