// Shared by this folder's tests only (not exported from index.ts).
import { parsePostDraft } from '../model/index.js';
import type { CalendarEntry } from './calendar-entry.js';
import type { EntryStatus } from './entry-status.js';

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
