import Papa from 'papaparse';
import { SmmError, ValidationError, type SmmErrorOptions, type ValidationIssue } from '../errors/index.js';
import type { PostDraftInput } from '../model/index.js';
import type { CalendarEntry } from '../schedule-store/index.js';
import { readPlannedTime } from './local-time.js';

/**
 * The columns of the calendar CSV, in order.
 *
 * @example
 * ```ts
 * CSV_COLUMNS.join(','); // the header entriesToCsv writes
 * ```
 */
export const CSV_COLUMNS = [
  'id',
  'group_id',
  'account',
  'status',
  'scheduled_at',
  'placement',
  'text',
  'link',
  'tags',
  'campaign',
  'visibility',
  'language',
  'media',
  'thread',
  'variants',
] as const;

/** Tags are joined with this in the `tags` column. */
const TAG_SEPARATOR = ';';

/** Options of {@link entriesToCsv}. */
export interface CsvExportOptions {
  /**
   * Start the file with a UTF-8 byte-order mark, so Excel opens it as UTF-8 and shows Arabic,
   * Persian, Hebrew, CJK and emoji instead of mojibake. Import skips it. Default false.
   */
  bom?: boolean;
}

// A cell a spreadsheet would run as a formula starts with one of these. Such a cell, and any
// cell that already starts with the escape quote itself, is written with a leading `'`;
// import removes exactly one, so every text survives the round trip (`'=x` stays `'=x`).
const FORMULA_START = /^[=+\-@\t\r']/;

function escapeCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes entries as CSV with the {@link CSV_COLUMNS} header. Tags are `;`-separated, media
 * and thread parts are JSON arrays, per-network variants a JSON object keyed by platform id
 * (`{"x":{"text":"…"}}`), instants are ISO UTC. Cells that a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, tab or CR) and cells starting with `'` get a
 * leading `'`; import removes it. With `{ bom: true }` the file starts with a UTF-8 BOM.
 *
 * @example
 * ```ts
 * const csv = entriesToCsv(await calendar.range(from, to), { bom: true }); // for Excel
 * ```
 */
export function entriesToCsv(entries: readonly CalendarEntry[], options: CsvExportOptions = {}): string {
  const rows = entries.map((entry) =>
    [
      entry.id,
      entry.groupId ?? '',
      entry.accountKey,
      entry.status,
      entry.scheduledAt ?? '',
      entry.placement ?? '',
      entry.draft.text,
      entry.draft.link ?? '',
      entry.draft.tags.join(TAG_SEPARATOR),
      entry.draft.campaign ?? '',
      entry.draft.visibility,
      entry.draft.language ?? '',
      entry.draft.media.length === 0 ? '' : JSON.stringify(entry.draft.media),
      entry.draft.thread.length === 0 ? '' : JSON.stringify(entry.draft.thread),
      entry.draft.variants === undefined ? '' : JSON.stringify(entry.draft.variants),
    ].map(escapeCell),
  );
  const csv = Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' });
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** One bad CSV row: its line number (1 = header) and every reason. */
export interface CsvRowError {
  line: number;
  reasons: ValidationIssue[];
}

const CSV_IMPORT = 'smm.error.CsvImportError';

/**
 * Thrown by a CSV import that found bad rows (and was not told to import the good ones):
 * nothing was imported. `rows` lists every bad row with its line and reasons.
 *
 * @example
 * ```ts
 * try { await importCsv(calendar, text, { by: 'ana' }); }
 * catch (error) {
 *   if (CsvImportError.isInstance(error)) for (const row of error.rows) console.log(row.line, row.reasons);
 * }
 * ```
 */
export class CsvImportError extends ValidationError {
  /** Every bad row. */
  readonly rows: CsvRowError[];

  constructor(rows: CsvRowError[], options: SmmErrorOptions = {}) {
    super(
      'CSV import (nothing imported; fix these rows or pass { importValidRows: true })',
      rows.flatMap((row) => row.reasons.map((reason) => ({ ...reason, path: [`line ${row.line}`, ...reason.path] }))),
      options,
    );
    SmmError.brand(this, CSV_IMPORT);
    this.name = 'CsvImportError';
    this.rows = rows;
  }

  static override isInstance(error: unknown): error is CsvImportError {
    return SmmError.hasMarker(error, CSV_IMPORT);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { ...super.jsonFields(), rows: this.rows };
  }
}

/** One readable CSV row. @internal */
export interface CsvRow {
  line: number;
  accountKey: string;
  draft: PostDraftInput;
  /** A UTC instant, or `undefined` for the queue. */
  scheduledAt: string | undefined;
  placement: 'queue' | 'pinned' | undefined;
}

function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

function parseJsonCell(cell: string, column: string, issues: ValidationIssue[]): unknown[] | undefined {
  if (cell.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(cell);
    if (Array.isArray(value)) return value;
  } catch {
    // reported below
  }
  issues.push({ path: [column], code: 'invalid_json', message: `must be a JSON array (as exported), e.g. [{"kind":"image",…}]` });
  return undefined;
}

function parseJsonObjectCell(cell: string, column: string, issues: ValidationIssue[]): Record<string, unknown> | undefined {
  if (cell.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(cell);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  issues.push({
    path: [column],
    code: 'invalid_json',
    message: `must be a JSON object keyed by platform id (as exported), e.g. {"x":{"text":"…"}}`,
  });
  return undefined;
}

/**
 * Reads a calendar CSV into rows, checking the shape of every row (columns, instants, JSON
 * cells) and reporting each bad row with its line number. `zoneOf` resolves an account
 * key to its zone (for `scheduled_at` given as local wall time `2026-04-01 09:00`), or
 * `undefined` for an unknown account. @internal
 */
export function readCalendarCsv(
  text: string,
  zoneOf: (accountKey: string) => string | undefined,
): { rows: CsvRow[]; errors: CsvRowError[]; headerError: CsvRowError | undefined } {
  const rows: CsvRow[] = [];
  // A bad header spoils every row: reported alone, and no row is read.
  let headerError: CsvRowError | undefined;
  const errors: CsvRowError[] = [];
  let header: string[] | undefined;
  let previousCursor = -1;
  let newlines = 0;
  let counted = 0;
  // A BOM (as Excel writes, or entriesToCsv with { bom: true }) is not part of the first column name.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    step: (result) => {
      // The row starts just after the previous row's cursor; its line is one plus the newlines before it.
      const start = previousCursor + 1;
      for (; counted < Math.min(start, body.length); counted += 1) if (body.charCodeAt(counted) === 10) newlines += 1;
      previousCursor = result.meta.cursor;
      const line = newlines + 1;
      const cells = result.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return;
      if (header === undefined) {
        header = cells.map((cell) => cell.trim().toLowerCase());
        const reasons: ValidationIssue[] = [];
        const missing = ['account', 'text'].filter((column) => !header!.includes(column));
        if (missing.length > 0)
          reasons.push({
            path: [],
            code: 'missing_column',
            message: `the header needs the column(s) ${missing.join(', ')} (export a calendar to see the format)`,
          });
        // A misspelt column would otherwise be dropped without a word (its values lost).
        for (const column of header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name)))
          reasons.push({
            path: [column],
            code: 'unknown_column',
            message: `"${column}" is not a calendar column: use ${CSV_COLUMNS.join(', ')}${column === 'at' || column.includes('time') || column.includes('date') ? ' (the time goes in scheduled_at)' : ''}`,
          });
        for (const column of header.filter((name, index) => header!.indexOf(name) !== index))
          reasons.push({ path: [column], code: 'duplicate_column', message: `"${column}" appears twice in the header: keep one` });
        if (reasons.length > 0) headerError = { line, reasons };
        return;
      }
      if (headerError !== undefined) return;
      const issues: ValidationIssue[] = result.errors.map((error) => ({ path: [], code: 'csv_syntax', message: error.message }));
      if (cells.length !== header.length)
        issues.push({
          path: [],
          code: 'column_count',
          message: `has ${cells.length} cells but the header has ${header.length}: check quotes and commas`,
        });
      const cell = (column: string): string => unescapeFormula(cells[header!.indexOf(column)] ?? '');
      const accountKey = cell('account').trim();
      const zone = zoneOf(accountKey);
      if (accountKey === '') issues.push({ path: ['account'], code: 'required', message: 'must name the account as platform:id' });
      else if (zone === undefined)
        issues.push({
          path: ['account'],
          code: 'unknown_account',
          message: `"${accountKey}" is not a configured account (keys are platform:id)`,
        });
      let scheduledAt: string | undefined;
      const when = cell('scheduled_at').trim();
      if (when !== '') {
        const read = readPlannedTime(when, zone);
        if ('ms' in read) scheduledAt = new Date(read.ms).toISOString();
        // An unknown account is reported already; its local times cannot be read.
        else if (read.code !== 'needs_zone') issues.push({ path: ['scheduled_at'], code: read.code, message: read.message });
      }
      const placementCell = cell('placement').trim();
      let placement: CsvRow['placement'];
      if (placementCell === 'queue' || placementCell === 'pinned') placement = placementCell;
      else if (placementCell !== '')
        issues.push({ path: ['placement'], code: 'invalid_placement', message: 'must be queue, pinned or empty' });
      if (placement === 'pinned' && scheduledAt === undefined && !issues.some((issue) => issue.path[0] === 'scheduled_at')) {
        issues.push({ path: ['scheduled_at'], code: 'required', message: 'a pinned row needs scheduled_at' });
      }
      const media = parseJsonCell(cell('media'), 'media', issues);
      const thread = parseJsonCell(cell('thread'), 'thread', issues);
      const variants = parseJsonObjectCell(cell('variants'), 'variants', issues);
      const tags = cell('tags')
        .split(TAG_SEPARATOR)
        .map((tag) => tag.trim())
        .filter(Boolean);
      const draft: Record<string, unknown> = { text: cell('text'), tags };
      const optional: Array<[string, string]> = [
        ['link', cell('link').trim()],
        ['campaign', cell('campaign').trim()],
        ['visibility', cell('visibility').trim()],
        ['language', cell('language').trim()],
      ];
      for (const [key, value] of optional) if (value !== '') draft[key] = value;
      if (media !== undefined) draft.media = media;
      if (thread !== undefined) draft.thread = thread;
      if (variants !== undefined) draft.variants = variants;
      if (issues.length > 0) errors.push({ line, reasons: issues });
      else
        rows.push({
          line,
          accountKey,
          draft: draft as PostDraftInput,
          scheduledAt,
          placement: placement ?? (scheduledAt === undefined ? 'queue' : 'pinned'),
        });
    },
  });
  return { rows, errors, headerError };
}
