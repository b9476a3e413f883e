// Shared by this folder's tests only (not exported from index.ts).
import type { Clock } from '../clock/index.js';
import { parsePostDraft } from '../model/index.js';
import type { CalendarEntry } from './calendar-entry.js';
import type { EntryStatus } from './entry-status.js';

/** A clock the test moves by hand. */
export function manualClock(start: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(start);
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A plain entry built by hand (not through the calendar). */
export function entryFixture(id: string, overrides: Partial<CalendarEntry> & { status?: EntryStatus } = {}): CalendarEntry {
  const at = '2026-03-01T00:00:00.000Z';
  return {
    id,
    accountKey: 'x:1',
    platform: 'x',
    accountId: '1',
    draft: parsePostDraft({ text: `post ${id}`, tags: ['t'] }),
    status: 'draft',
    version: 0,
    scheduledAt: null,
    placement: null,
    createdAt: at,
    updatedAt: at,
    history: [{ from: null, to: overrides.status ?? 'draft', at, by: 'fixture' }],
    approvals: [],
    hold: null,
    lease: null,
    ...overrides,
  };
}
