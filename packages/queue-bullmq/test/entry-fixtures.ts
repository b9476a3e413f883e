import { parsePostDraft } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/scheduler';

/** A `scheduled`, pinned entry for account `x:1`, due at `dueAt` (epoch ms). */
export function scheduledEntry(id: string, dueAt: number, overrides: Partial<CalendarEntry> = {}): CalendarEntry {
  const created = new Date(dueAt - 86_400_000).toISOString();
  return {
    id,
    accountKey: 'x:1',
    platform: 'x',
    accountId: '1',
    draft: parsePostDraft({ text: `post ${id}` }),
    status: 'scheduled',
    version: 1,
    scheduledAt: new Date(dueAt).toISOString(),
    placement: 'pinned',
    createdAt: created,
    updatedAt: created,
    history: [
      { from: null, to: 'draft', at: created, by: 'ana' },
      { from: 'draft', to: 'scheduled', at: created, by: 'ana' },
    ],
    approvals: [],
    hold: null,
    lease: null,
    ...overrides,
  };
}
