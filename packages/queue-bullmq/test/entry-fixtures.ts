import type { CalendarEntry } from '@smm/core/schedule-store';
import { storeEntry } from '@smm/testkit/store-conformance';

/** A `scheduled`, pinned entry for account `x:1`, due at `dueAt` (epoch ms). */
export function scheduledEntry(id: string, dueAt: number, overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  return storeEntry(id, { scheduledAt: new Date(dueAt).toISOString(), ...overrides });
}
