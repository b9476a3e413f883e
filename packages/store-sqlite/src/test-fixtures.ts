// Shared by this package's tests only (not exported from index.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePostDraft } from '@smm/core/model';
import type { CalendarEntry, EntryStatus } from '@smm/core/scheduler';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

// Parsed once: bulk tests build 100,000 entries and only the text differs.
const DRAFT = parsePostDraft({ text: 'post', tags: ['t'] });

/** A plain entry built by hand (not through the calendar). */
export function entryFixture(id: string, overrides: Partial<CalendarEntry> & { status?: EntryStatus } = {}): CalendarEntry {
  const at = '2026-03-01T00:00:00.000Z';
  return {
    id,
    accountKey: 'x:1',
    platform: 'x',
    accountId: '1',
    draft: { ...DRAFT, text: `post ${id}`, tags: ['t'] },
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

/** A `scheduled` entry due at `at` (epoch ms). */
export function scheduledFixture(id: string, at: number, extra: Partial<CalendarEntry> = {}): CalendarEntry {
  return entryFixture(id, { status: 'scheduled', scheduledAt: iso(at), placement: 'queue', ...extra });
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(): { dir: string; file: (name: string) => string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'smm-sqlite-'));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
