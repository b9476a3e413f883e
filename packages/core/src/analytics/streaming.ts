import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { CANONICAL_METRICS, TimeZoneSchema, parseWithSchema, type CanonicalMetric, type MetricSnapshot } from '../model/index.js';
import { DEFAULT_ENGAGEMENT_INTERACTIONS } from './engagement.js';
import { safeRatio } from './metric-values.js';
import { ZoneDayIndex } from './zone-day-index.js';

/** A numeric column; `NaN` marks a value the network did not report (absent, not 0). */
export type MetricColumn = Float64Array | Float32Array;

/**
 * Snapshots in columnar form, for volume: row `i` is account `accounts[account[i]]`, observed
 * (or window starting) at `observedAtMs[i]`, with `metrics.likes[i]`, … (NaN = absent).
 * Reuse the arrays between batches to keep memory flat.
 *
 * @example
 * ```ts
 * const batch: ColumnarSnapshots = {
 *   length: 2, accounts: ['x:1', 'x:2'], account: new Uint32Array([0, 1]),
 *   observedAtMs: new Float64Array([Date.parse('2026-03-01T10:00:00Z'), Date.parse('2026-03-01T11:00:00Z')]),
 *   metrics: { likes: new Float64Array([3, 5]), reach: new Float64Array([100, NaN]) },
 * };
 * ```
 */
export interface ColumnarSnapshots {
  length: number;
  /** Account names; rows refer to them by index. */
  accounts: readonly string[];
  account: Uint32Array | Uint16Array | Uint8Array | Int32Array;
  observedAtMs: Float64Array;
  metrics: Partial<Record<CanonicalMetric, MetricColumn>>;
}

/** Engagement totals and rate of one account on one local day. */
export interface EngagementGroup {
  /** `platform:accountId` for snapshots; the name from `accounts` for columnar rows. */
  account: string;
  /** Local date `YYYY-MM-DD` in the aggregator's zone. */
  date: string;
  /** Rows seen for this group. */
  rows: number;
  /** Rows that reported both an interaction and the denominator (the rows in the rate). */
  used: number;
  engagements: number;
  denominator: number;
  /** engagements ÷ denominator; `null` when the denominator is 0 or no row was usable. */
  rate: number | null;
}

/** Options of {@link createEngagementAggregator}. */
export interface EngagementAggregatorOptions {
  timeZone: string;
  /** Denominator metric (default `'reach'`); `'views'` falls back to `videoViews` per row. */
  by?: 'reach' | 'impressions' | 'views';
  interactions?: readonly CanonicalMetric[];
}

/** Accumulates engagement by account and local day; memory grows with groups, not rows. */
export interface EngagementAggregator {
  add(snapshot: MetricSnapshot): void;
  addColumns(batch: ColumnarSnapshots): void;
  /** Number of (account, day) groups so far. */
  readonly groups: number;
  /** Groups sorted by account, then date. */
  result(): EngagementGroup[];
}

const OptionsSchema = z.object({
  timeZone: TimeZoneSchema,
  by: z.enum(['reach', 'impressions', 'views'], { error: "must be 'reach', 'impressions' or 'views'" }).optional(),
  interactions: z.array(z.enum(CANONICAL_METRICS)).optional(),
});

/**
 * Streaming engagement rate by account and local day: **Σ engagements ÷ Σ denominator** per
 * (account, day in `timeZone`), over rows that report both (the same rule as
 * `engagementRate`). Each row is added as given, so feed **windowed** snapshots (one day of an
 * insights API) or one final snapshot per post; for repeated cumulative snapshots use
 * `toSeries`. A row is placed by its `window.start` when it has one, else by `observedAt`.
 *
 * @example
 * ```ts
 * const aggregator = createEngagementAggregator({ timeZone: 'Europe/Bucharest', by: 'reach' });
 * for await (const snapshot of source) aggregator.add(snapshot);
 * aggregator.result(); // [{ account: 'x:42', date: '2026-03-29', rate: 0.031, … }]
 * ```
 */
export function createEngagementAggregator(options: EngagementAggregatorOptions): EngagementAggregator {
  const {
    timeZone,
    by = 'reach',
    interactions = [...DEFAULT_ENGAGEMENT_INTERACTIONS],
  } = parseWithSchema(OptionsSchema, options, 'createEngagementAggregator options');
  const days = new ZoneDayIndex(timeZone);
  const accountIndex = new Map<string, number>();
  const accountNames: string[] = [];
  // `platform` → `accountId` → index, so `add` builds no key string per row.
  const bySubject = new Map<string, Map<string, number>>();

  // Two storages, one in use at a time. **Grid** (the usual case): every (day of the span seen,
  // account) cell, laid out **day-major** — the rows of one day, in whatever account order,
  // land in one stretch of memory, which is what a time-ordered feed produces — as interleaved
  // [engagements, denominator, rows, used], so a row updates one cache line. **Sparse**, when
  // the grid would pass GRID_LIMIT cells (many accounts over a long span): a slot per group
  // found through a Map per account. The grid moves into slots once, the first time it would
  // grow too large.
  const GRID_LIMIT = 1 << 20; // cells: 32 MB at most
  let sparse = false;
  let grid = new Float64Array(0);
  let gridAccounts = 0; // accounts per day row of the grid
  let gridDays = 0; // days the grid has room for
  let gridFirstDay = 0; // day number of grid row 0

  const slotsByAccount: Array<Map<number, number>> = [];
  let capacity = 0;
  let sums = new Float64Array(0);
  let slotAccount = new Int32Array(0);
  let slotDay = new Float64Array(0);
  let slots = 0;

  // Scratch for interactions beyond the fused loop's six columns and for `views` → `videoViews`; reused.
  let scratchEngagement = new Float64Array(0);
  let scratchReported = new Uint8Array(0);
  let scratchDenominator = new Float64Array(0);
  let nanColumn = new Float64Array(0);

  const internAccount = (name: string): number => {
    let index = accountIndex.get(name);
    if (index !== undefined) return index;
    index = accountNames.length;
    accountNames.push(name);
    slotsByAccount.push(new Map());
    accountIndex.set(name, index);
    return index;
  };

  const internSubject = (platform: string, accountId: string): number => {
    let own = bySubject.get(platform);
    if (own === undefined) bySubject.set(platform, (own = new Map()));
    let index = own.get(accountId);
    if (index === undefined) own.set(accountId, (index = internAccount(`${platform}:${accountId}`)));
    return index;
  };

  const slotFor = (account: number, day: number): number => {
    const own = slotsByAccount[account]!;
    let slot = own.get(day);
    if (slot === undefined) {
      slot = slots;
      slots += 1;
      if (slot >= capacity) {
        capacity = Math.max(1024, capacity * 2);
        const grown = new Float64Array(capacity * 4);
        grown.set(sums);
        sums = grown;
        const accountsGrown = new Int32Array(capacity);
        accountsGrown.set(slotAccount);
        slotAccount = accountsGrown;
        const daysGrown = new Float64Array(capacity);
        daysGrown.set(slotDay);
        slotDay = daysGrown;
      }
      slotAccount[slot] = account;
      slotDay[slot] = day;
      own.set(day, slot);
    }
    return slot;
  };

  /** Calls `visit` for every group with rows. */
  const forEachGroup = (
    visit: (account: number, day: number, engagements: number, denominator: number, rows: number, used: number) => void,
  ): void => {
    if (!sparse) {
      for (let row = 0; row < gridDays; row += 1) {
        for (let account = 0; account < gridAccounts; account += 1) {
          const at = (row * gridAccounts + account) * 4;
          if (grid[at + 2]! > 0) visit(account, gridFirstDay + row, grid[at]!, grid[at + 1]!, grid[at + 2]!, grid[at + 3]!);
        }
      }
    }
    for (let slot = 0; slot < slots; slot += 1) {
      const base = slot * 4;
      visit(slotAccount[slot]!, slotDay[slot]!, sums[base]!, sums[base + 1]!, sums[base + 2]!, sums[base + 3]!);
    }
  };

  /**
   * Lays the grid out for the accounts and, with `needDay`, a span of days that includes it
   * (grown by doubling, so re-layouts are rare); moves to sparse when too large. Returns
   * whether the grid is in use.
   */
  const syncGrid = (needDay?: number): boolean => {
    if (sparse) return false;
    let first = gridFirstDay;
    let span = gridDays;
    if (needDay !== undefined) {
      if (span === 0) {
        first = needDay - 7;
        span = 64;
      } else if (needDay < first) {
        const grow = Math.max(first - needDay + 7, span);
        first -= grow;
        span += grow;
      } else if (needDay >= first + span) {
        span = Math.max(needDay - first + 8, span * 2);
      }
    }
    const width = accountNames.length > gridAccounts ? Math.max(accountNames.length, gridAccounts * 2, 16) : gridAccounts;
    if (first === gridFirstDay && span === gridDays && width === gridAccounts) return true;
    const visitOld = forEachGroup;
    if (width * span > GRID_LIMIT) {
      // Too large: every group with rows becomes a slot, and the grid is dropped for good.
      visitOld((account, day, engagements, denominator, rows, used) => {
        const to = slotFor(account, day) * 4;
        sums[to] = engagements;
        sums[to + 1] = denominator;
        sums[to + 2] = rows;
        sums[to + 3] = used;
      });
      sparse = true;
      grid = new Float64Array(0);
      gridAccounts = 0;
      gridDays = 0;
      return false;
    }
    const next = new Float64Array(width * span * 4);
    for (let row = 0; row < gridDays; row += 1) {
      // A day row moves whole: its accounts stay in order, only the row width changes.
      const from = row * gridAccounts * 4;
      next.set(grid.subarray(from, from + gridAccounts * 4), (row + gridFirstDay - first) * width * 4);
    }
    grid = next;
    gridAccounts = width;
    gridDays = span;
    gridFirstDay = first;
    return true;
  };

  const addRow = (account: number, at: number, engagement: number, denominator: number): void => {
    const day = days.dayOf(at);
    const usable = engagement === engagement && denominator === denominator;
    const inGrid = syncGrid(day);
    // slotFor may grow `sums`: take the array after it.
    const base = inGrid ? ((day - gridFirstDay) * gridAccounts + account) * 4 : slotFor(account, day) * 4;
    const store = inGrid ? grid : sums;
    store[base + 2]! += 1;
    if (!usable) return;
    store[base]! += engagement;
    store[base + 1]! += denominator;
    store[base + 3]! += 1;
  };

  // `add` parses ISO strings; consecutive snapshots often share one (a daily export).
  let lastIso = '';
  let lastAt = NaN;
  const refuse = (field: string, message: string): never => {
    throw new ValidationError('createEngagementAggregator snapshot', [{ path: field.split('.'), code: 'invalid_type', message }]);
  };

  return {
    add(snapshot) {
      const subject = (snapshot as { subject?: { platform?: unknown; accountId?: unknown } } | null)?.subject;
      // A light door check: full schema validation per row would dominate a streaming loop.
      if (typeof subject?.platform !== 'string' || subject.platform === '') refuse('subject.platform', 'must be a non-empty string');
      if (typeof subject!.accountId !== 'string' || subject!.accountId === '') refuse('subject.accountId', 'must be a non-empty string');
      const iso = snapshot.window?.start ?? snapshot.observedAt;
      if (iso !== lastIso) {
        lastAt = typeof iso === 'string' ? Date.parse(iso) : NaN;
        lastIso = iso;
      }
      const at = lastAt;
      if (!Number.isFinite(at)) refuse(snapshot.window ? 'window.start' : 'observedAt', 'must be an ISO 8601 instant');
      const metrics = snapshot.metrics;
      if (typeof metrics !== 'object' || metrics === null) refuse('metrics', 'must be an object of metric values');
      const account = internSubject(subject!.platform as string, subject!.accountId as string);
      let engagement = NaN;
      for (let index = 0; index < interactions.length; index += 1) {
        const value = metrics[interactions[index]!]?.value;
        if (value !== undefined) engagement = engagement !== engagement ? value : engagement + value;
      }
      const denominator = (by === 'views' ? (metrics.views ?? metrics.videoViews) : metrics[by])?.value ?? NaN;
      addRow(account, at, engagement, denominator);
    },
    addColumns(batch) {
      const length = batch.length;
      checkBatch(batch);
      if (length === 0) return;
      const translate = new Int32Array(batch.accounts.length);
      for (let index = 0; index < translate.length; index += 1) translate[index] = internAccount(batch.accounts[index]!);
      const columns = interactions.map((name) => batch.metrics[name]).filter((column): column is MetricColumn => column !== undefined);
      const primary = batch.metrics[by === 'views' ? 'views' : by];
      const fallback = by === 'views' ? batch.metrics.videoViews : undefined;
      const times = batch.observedAtMs;
      // Six interaction columns are read in the row loop itself (absent ones padded with an
      // all-NaN column); more are summed into a scratch column first.
      if (nanColumn.length < length) nanColumn = new Float64Array(length).fill(NaN);
      const pad = nanColumn;
      if (scratchEngagement.length < length) {
        scratchEngagement = new Float64Array(length);
        scratchReported = new Uint8Array(length);
        scratchDenominator = new Float64Array(length);
      }
      const extra = columns.length > 6;
      if (extra) {
        scratchEngagement.fill(0, 0, length);
        scratchReported.fill(0, 0, length);
        for (const column of columns.slice(6)) {
          for (let row = 0; row < length; row += 1) {
            const value = column[row]!;
            if (value === value) {
              scratchEngagement[row]! += value;
              scratchReported[row] = 1;
            }
          }
        }
      }
      // One denominator column: `views` falling back to `videoViews` row by row, merged once here.
      let denominators: MetricColumn = primary ?? pad;
      if (fallback !== undefined) {
        for (let row = 0; row < length; row += 1) {
          const value = primary === undefined ? NaN : primary[row]!;
          scratchDenominator[row] = value === value ? value : fallback[row]!;
        }
        denominators = scratchDenominator;
      }
      checkRow(batch, 0);
      days.dayOf(times[0]!);
      const params: FoldParams = {
        times,
        accounts: batch.account,
        translate,
        starts: days.starts,
        grid,
        width: gridAccounts,
        days: gridDays,
        dayShift: days.firstEpochDay - gridFirstDay,
        count: Math.max(1, Math.min(columns.length, 6)),
        c0: columns[0] ?? pad,
        c1: columns[1] ?? pad,
        c2: columns[2] ?? pad,
        c3: columns[3] ?? pad,
        c4: columns[4] ?? pad,
        c5: columns[5] ?? pad,
        extra,
        extraEngagement: scratchEngagement,
        extraReported: scratchReported,
        denominators,
        length,
      };
      // The hot loop lives in a plain top-level function (no captured variables, so V8 keeps it
      // tight). It stops at a row it cannot place — outside the day table or the grid, or a bad
      // row (checked then, so validation costs the loop one compare) — and, in sparse mode,
      // folds nothing: those rows go through the slots one by one.
      let row = 0;
      let useGrid = syncGrid();
      while (row < length) {
        if (useGrid) {
          params.starts = days.starts;
          params.grid = grid;
          params.width = gridAccounts;
          params.days = gridDays;
          params.dayShift = days.firstEpochDay - gridFirstDay;
          row = foldRows(params, row);
          if (row >= length) break;
          // A bad row, or a day outside the day table or the grid's span: grow them, then resume.
          checkRow(batch, row);
          useGrid = syncGrid(days.dayOf(times[row]!));
          continue;
        }
        for (; row < length; row += 1) {
          checkRow(batch, row);
          const base = slotFor(translate[batch.account[row]!]!, days.dayOf(times[row]!)) * 4;
          foldOne(params, row, sums, base);
        }
      }
    },
    get groups() {
      let count = 0;
      forEachGroup(() => {
        count += 1;
      });
      return count;
    },
    result() {
      const groups: Array<{ account: number; day: number; engagements: number; denominator: number; rows: number; used: number }> = [];
      forEachGroup((account, day, engagements, denominator, rows, used) =>
        groups.push({ account, day, engagements, denominator, rows, used }),
      );
      // Sort by account name, then day, with numbers (ranks) rather than string compares.
      const rank = new Int32Array(accountNames.length);
      accountNames
        .map((name, index) => [name, index] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .forEach(([, index], position) => {
          rank[index] = position;
        });
      groups.sort((a, b) => rank[a.account]! - rank[b.account]! || a.day - b.day);
      return groups.map(({ account, day, engagements, denominator, rows, used }): EngagementGroup => {
        return {
          account: accountNames[account]!,
          date: days.label(day),
          rows,
          used,
          engagements,
          denominator,
          rate: used === 0 ? null : safeRatio(engagements, denominator),
        };
      });
    },
  };
}

const batchError = (path: Array<string | number>, message: string): ValidationError =>
  new ValidationError('createEngagementAggregator batch', [{ path, code: 'invalid_type', message }]);

/** The batch's shape, once per batch: columns long enough for `length` (a short one would read as absent). */
function checkBatch(batch: ColumnarSnapshots): void {
  const length = batch.length;
  if (!Number.isSafeInteger(length) || length < 0) throw batchError(['length'], 'must be a whole number of rows ≥ 0');
  if (!Array.isArray(batch.accounts)) throw batchError(['accounts'], 'must be an array of account names');
  if (!(batch.account?.length >= length)) throw batchError(['account'], `must be an integer typed array of at least ${length} rows`);
  if (!(batch.observedAtMs instanceof Float64Array) || batch.observedAtMs.length < length)
    throw batchError(['observedAtMs'], `must be a Float64Array of at least ${length} rows`);
  for (const [name, column] of Object.entries(batch.metrics ?? {})) {
    if (column !== undefined && !(column.length >= length))
      throw batchError(['metrics', name], `must have at least ${length} rows (NaN = absent)`);
  }
}

/** Throws when row `row` cannot be placed: a non-finite instant or an account index outside `accounts`. */
function checkRow(batch: ColumnarSnapshots, row: number): void {
  if (!Number.isFinite(batch.observedAtMs[row])) throw batchError(['observedAtMs', row], 'must be a finite epoch-milliseconds instant');
  if (!(batch.account[row]! < batch.accounts.length))
    throw batchError(['account', row], `must index \`accounts\` (0 … ${batch.accounts.length - 1})`);
}

/** What the hot loop reads. */
interface FoldParams {
  times: Float64Array;
  accounts: ColumnarSnapshots['account'];
  translate: Int32Array;
  /** Local-midnight instants of the zone table. */
  starts: Float64Array;
  /** [engagements, denominator, rows, used] per (day × account) cell of the grid. */
  grid: Float64Array;
  /** Accounts per day row of the grid. */
  width: number;
  /** Day rows of the grid. */
  days: number;
  /** Grid row of day-table index 0 (day-table index + dayShift = grid row). */
  dayShift: number;
  /** Interaction columns present (c0 … c5; at least 1, the rest are the NaN pad). */
  count: number;
  c0: MetricColumn;
  c1: MetricColumn;
  c2: MetricColumn;
  c3: MetricColumn;
  c4: MetricColumn;
  c5: MetricColumn;
  extra: boolean;
  extraEngagement: Float64Array;
  extraReported: Uint8Array;
  /** The denominator per row (NaN = absent), `views` already falling back to `videoViews`. */
  denominators: MetricColumn;
  length: number;
}

/** Rows per block of {@link foldRows}: its scratch stays in L1. */
const BLOCK = 512;
const blockCells = new Int32Array(BLOCK);
const blockEngagements = new Float64Array(BLOCK);

/**
 * Folds rows from `from` into the grid; returns the first row it cannot place (outside the
 * day table or the grid's days, a non-finite instant, an account index outside the batch's
 * names) or `length`. Works in blocks: a sequential pass finds each row's cell and
 * engagements, then a short pass adds them to the grid — that pass is so small that the
 * CPU keeps many of its cache misses (random order) in flight at once.
 */
function foldRows(p: FoldParams, from: number): number {
  const { times, accounts, translate, starts, grid, width, days, dayShift, count, c0, c1, c2, c3, c4, c5, denominators, length } = p;
  const { extra, extraEngagement, extraReported } = p;
  const cells = blockCells;
  const engagements = blockEngagements;
  const lo = starts[0]!;
  const hi = starts[starts.length - 1]!;
  const span = starts.length - 1;
  const known = translate.length;
  // The day of the last row, so a run of rows from one day skips the lookup.
  let dayStart = 0;
  let dayEnd = 0;
  let gridRow = 0;
  for (let block = from; block < length; block += BLOCK) {
    let end = Math.min(length, block + BLOCK);
    for (let row = block; row < end; row += 1) {
      const at = times[row]!;
      if (!(at >= dayStart && at < dayEnd)) {
        if (!(at >= lo && at < hi)) {
          end = row; // NaN too
          break;
        }
        let day = ((at - lo) / 86_400_000) | 0;
        if (day >= span) day = span - 1;
        while (starts[day]! > at) day -= 1;
        while (starts[day + 1]! <= at) day += 1;
        gridRow = day + dayShift;
        if (gridRow < 0 || gridRow >= days) {
          end = row;
          break;
        }
        dayStart = starts[day]!;
        dayEnd = starts[day + 1]!;
      }
      const account = accounts[row]!;
      if (account >= known) {
        end = row;
        break;
      }
      cells[row - block] = (gridRow * width + translate[account]!) * 4;
      let engagement = 0;
      let reported = false;
      // Only the columns present are read (the count branches are perfectly predicted).
      let value = c0[row]!;
      if (value === value) ((engagement += value), (reported = true));
      if (count > 1) {
        value = c1[row]!;
        if (value === value) ((engagement += value), (reported = true));
        if (count > 2) {
          value = c2[row]!;
          if (value === value) ((engagement += value), (reported = true));
          if (count > 3) {
            value = c3[row]!;
            if (value === value) ((engagement += value), (reported = true));
            if (count > 4) {
              value = c4[row]!;
              if (value === value) ((engagement += value), (reported = true));
              if (count > 5) {
                value = c5[row]!;
                if (value === value) ((engagement += value), (reported = true));
              }
            }
          }
        }
      }
      if (extra && extraReported[row] === 1) ((engagement += extraEngagement[row]!), (reported = true));
      engagements[row - block] = reported ? engagement : NaN;
    }
    for (let row = block; row < end; row += 1) {
      const cell = cells[row - block]!;
      grid[cell + 2]! += 1;
      const engagement = engagements[row - block]!;
      const denominator = denominators[row]!;
      if (engagement !== engagement || denominator !== denominator) continue;
      grid[cell]! += engagement;
      grid[cell + 1]! += denominator;
      grid[cell + 3]! += 1;
    }
    if (end < Math.min(length, block + BLOCK)) return end;
  }
  return length;
}

/** Folds one row into `store` at `base` (the sparse path). */
function foldOne(p: FoldParams, row: number, store: Float64Array, base: number): void {
  store[base + 2]! += 1;
  let engagement = 0;
  let reported = false;
  const columns = [p.c0, p.c1, p.c2, p.c3, p.c4, p.c5];
  for (let index = 0; index < p.count; index += 1) {
    const value = columns[index]![row]!;
    if (value === value) ((engagement += value), (reported = true));
  }
  if (p.extra && p.extraReported[row] === 1) ((engagement += p.extraEngagement[row]!), (reported = true));
  const denominator = p.denominators[row]!;
  if (!reported || denominator !== denominator) return;
  store[base]! += engagement;
  store[base + 1]! += denominator;
  store[base + 3]! += 1;
}

function isColumnar(item: MetricSnapshot | ColumnarSnapshots): item is ColumnarSnapshots {
  return 'observedAtMs' in item;
}

/**
 * Consumes an (async) iterable of snapshots or columnar batches and returns engagement by
 * account and local day (see {@link createEngagementAggregator}). Memory is bounded by the
 * number of groups: rows are folded in as they arrive and never kept.
 *
 * @example
 * ```ts
 * const groups = await aggregateEngagement(readSnapshots(), { timeZone: 'UTC', by: 'impressions' });
 * ```
 */
export async function aggregateEngagement(
  source: AsyncIterable<MetricSnapshot | ColumnarSnapshots> | Iterable<MetricSnapshot | ColumnarSnapshots>,
  options: EngagementAggregatorOptions,
): Promise<EngagementGroup[]> {
  const aggregator = createEngagementAggregator(options);
  for await (const item of source) {
    if (isColumnar(item)) aggregator.addColumns(item);
    else aggregator.add(item);
  }
  return aggregator.result();
}
