import type { CalendarEntry } from '../schedule-store/index.js';
import { contextOf } from './calendar-context.js';
import type { Actor, NewEntries } from './calendar-types.js';
import type { Calendar } from './calendar.js';
import { prepareEntries } from './create-entries.js';
import { CsvImportError, readCalendarCsv, type CsvRowError } from './csv.js';

/** Options of {@link importCsv}. */
export interface CsvImportOptions extends Actor {
  /** Import the good rows even when some are bad (the bad ones come back in `errors`). Default false. */
  importValidRows?: boolean;
}

/** What {@link importCsv} did. */
export interface CsvImportResult {
  imported: CalendarEntry[];
  /** Bad rows (only with `importValidRows`; otherwise they are thrown). */
  errors: CsvRowError[];
}

/**
 * Bulk-imports a calendar CSV (the format {@link entriesToCsv} writes; `account` and `text`
 * are required, other columns optional; `id`, `group_id` and `status` are ignored — rows
 * become new entries). Every row is validated — columns, account, instant, draft,
 * blackouts, min gap, daily cap, free queue slot — and every bad row is reported with its
 * line number. A row with `scheduled_at` is pinned there (ISO UTC, or local wall time such
 * as `2026-04-01 09:00` in the account's zone); one without goes to the queue. Rows whose
 * account needs approvals stay drafts and are placed once approved.
 *
 * @throws CsvImportError listing every bad row, with nothing imported, unless `importValidRows`.
 * @example
 * ```ts
 * const { imported } = await importCsv(calendar, await file.text(), { by: 'ana' });
 * ```
 */
export async function importCsv(calendar: Calendar, text: string, options: CsvImportOptions): Promise<CsvImportResult> {
  const { rows, errors, headerError } = readCalendarCsv(text, (key) => calendar.account(key)?.timeZone);
  // Even with importValidRows: a bad header (a misspelt column) would lose a column of every row.
  if (headerError !== undefined) throw new CsvImportError([headerError]);
  const items: NewEntries[] = rows.map((row) => ({
    draft: row.draft,
    accounts: [row.accountKey],
    place: row.placement === 'pinned' && row.scheduledAt !== undefined ? { at: row.scheduledAt } : 'queue',
  }));
  const actor = { by: options.by, ...(options.reason === undefined ? {} : { reason: options.reason }) };
  const ctx = contextOf(calendar);
  const prepared = await prepareEntries(ctx, items, actor);
  prepared.forEach((result, index) => {
    if (result.issues.length > 0) errors.push({ line: rows[index]!.line, reasons: result.issues });
  });
  errors.sort((a, b) => a.line - b.line);
  if (errors.length > 0 && !options.importValidRows) throw new CsvImportError(errors);
  const imported = prepared.flatMap((result) => result.entries);
  await ctx.store.insertMany(imported);
  return { imported, errors };
}
