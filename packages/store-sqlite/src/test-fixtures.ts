// Shared by this package's tests only (not exported from index.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CalendarEntry, EntryStatus } from '@smm/core/schedule-store';
import { storeEntry } from '@smm/testkit/store-conformance';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();

/** A plain entry built by hand (not through the calendar): an unplaced draft unless overridden. */
export function entryFixture(id: string, overrides: Partial<CalendarEntry> & { status?: EntryStatus } = {}): CalendarEntry {
  return storeEntry(id, { status: 'draft', version: 0, ...overrides });
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
