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

  // Two storages, one in use at a time. **Grid** (the usual case): sums for every (account, day
  // of the zone table) cell, interleaved [engagements, denominator, rows, used] so a row's
  // update touches one cache line, laid out account-major and re-laid when the day table or
  // the accounts grow. **Sparse**, when the grid would pass GRID_LIMIT cells (many accounts
  // over a long span): a slot per group found through a Map per account. The grid moves into
  // slots once, the first time it would grow too large.
  const GRID_LIMIT = 1 << 20; // cells: 32 MB of sums at most
  let sparse = false;
  let grid = new Float64Array(0);
  let gridRows = 0; // accounts the grid has room for
  let gridStride = 0; // days per account row: only the span of days seen, with some slack
  let gridFirstDay = 0; // day number of column 0

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

  /** Calls `visit(account, day, base, store)` for every group with rows. */
  const forEachGroup = (visit: (account: number, day: number, base: number, store: Float64Array) => void): void => {
    if (!sparse) {
      for (let account = 0; account < gridRows; account += 1) {
        for (let column = 0; column < gridStride; column += 1) {
          const base = (account * gridStride + column) * 4;
          if (grid[base + 2]! > 0) visit(account, gridFirstDay + column, base, grid);
        }
      }
    }
    for (let slot = 0; slot < slots; slot += 1) visit(slotAccount[slot]!, slotDay[slot]!, slot * 4, sums);
  };

  /**
   * Lays the grid out for the accounts and, with `needDay`, a span of days that includes it
   * (grown by doubling, so re-layouts are rare); moves to sparse when too large. Returns
   * whether the grid is in use.
   */
  const syncGrid = (needDay?: number): boolean => {
    if (sparse) return false;
    let first = gridFirstDay;
    let stride = gridStride;
    if (needDay !== undefined) {
      if (stride === 0) {
        first = needDay - 7;
        stride = 64;
      } else if (needDay < first) {
        const grow = Math.max(first - needDay + 7, stride);
        first -= grow;
        stride += grow;
      } else if (needDay >= first + stride) {
        stride = Math.max(needDay - first + 8, stride * 2);
      }
    }
    const rows = accountNames.length > gridRows ? Math.max(accountNames.length, gridRows * 2, 16) : gridRows;
    if (first === gridFirstDay && stride === gridStride && rows === gridRows) return true;
    const old = grid;
    const oldRows = gridRows;
    const oldStride = gridStride;
    const oldFirst = gridFirstDay;
    if (rows * stride > GRID_LIMIT) {
      // Too large: every group with rows becomes a slot, and the grid is dropped for good.
      for (let account = 0; account < oldRows; account += 1) {
        for (let column = 0; column < oldStride; column += 1) {
          const from = (account * oldStride + column) * 4;
          if (old[from + 2]! === 0) continue;
          const to = slotFor(account, oldFirst + column) * 4;
          for (let k = 0; k < 4; k += 1) sums[to + k]! += old[from + k]!;
        }
      }
      sparse = true;
      grid = new Float64Array(0);
      gridRows = 0;
      gridStride = 0;
      return false;
    }
    const next = new Float64Array(rows * stride * 4);
    const shift = oldFirst - first; // the old column 0 in the new layout
    for (let account = 0; account < oldRows; account += 1) {
      for (let column = 0; column < oldStride; column += 1) {
        const from = (account * oldStride + column) * 4;
        if (old[from + 2]! === 0) continue;
        const to = (account * stride + column + shift) * 4;
        for (let k = 0; k < 4; k += 1) next[to + k] = old[from + k]!;
      }
    }
    grid = next;
    gridRows = rows;
    gridStride = stride;
    gridFirstDay = first;
    return true;
  };

  /** The store and base of one (account, day) group, creating it. */
  const locate = (account: number, day: number): { store: Float64Array; base: number } => {
    if (syncGrid(day)) {
      const column = day - gridFirstDay;
      if (column >= 0 && column < gridStride) return { store: grid, base: (account * gridStride + column) * 4 };
    }
    const base = slotFor(account, day) * 4;
    return { store: sums, base };
  };

  const addRow = (account: number, at: number, engagement: number, denominator: number): void => {
    const { store, base } = locate(account, days.dayOf(at));
    store[base + 2]! += 1;
    if (engagement !== engagement || denominator !== denominator) return;
    store[base]! += engagement;
    store[base + 1]! += denominator;
    store[base + 3]! += 1;
  };

  return {
    add(snapshot) {
      const subject = (snapshot as { subject?: { platform?: unknown; accountId?: unknown } } | null)?.subject;
      const at = Date.parse(snapshot?.window?.start ?? snapshot?.observedAt);
      // A light door check: full schema validation per row would dominate a streaming loop.
      if (
        typeof subject?.platform !== 'string' ||
        typeof subject.accountId !== 'string' ||
        subject.accountId === '' ||
        !Number.isFinite(at)
      ) {
        throw new ValidationError('createEngagementAggregator snapshot', [
          {
            path: ['subject'],
            code: 'invalid_type',
            message: 'must be a MetricSnapshot with subject.platform, subject.accountId and an ISO observedAt',
          },
        ]);
      }
      const account = internAccount(`${subject.platform}:${subject.accountId}`);
      let engagement = NaN;
      for (const name of interactions) {
        const value = snapshot.metrics[name]?.value;
        if (value !== undefined) engagement = engagement !== engagement ? value : engagement + value;
      }
      const metrics = snapshot.metrics;
      const denominator = (by === 'views' ? (metrics.views ?? metrics.videoViews) : metrics[by])?.value ?? NaN;
      addRow(account, at, engagement, denominator);
    },
    addColumns(batch) {
      const length = batch.length;
      if (length === 0) return;
      const translate = new Int32Array(batch.accounts.length);
      batch.accounts.forEach((name, index) => {
        translate[index] = internAccount(name);
      });
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
      checkTime(times[0]!, 0);
      days.dayOf(times[0]!);
      const params: FoldParams = {
        times,
        accounts: batch.account,
        translate,
        starts: days.starts,
        grid,
        stride: gridStride,
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
      // tight). It stops at a row outside the day table (grown here, then resumed) and, in
      // sparse mode, folds nothing: those rows go through the slots one by one.
      let row = 0;
      let useGrid = syncGrid();
      while (row < length) {
        params.starts = days.starts;
        params.grid = grid;
        params.stride = gridStride;
        params.dayShift = days.firstEpochDay - gridFirstDay;
        if (useGrid) {
          row = foldRows(params, row);
          if (row >= length) break;
          // A day outside the day table or the grid's span: grow them, then resume.
          checkTime(times[row]!, row);
          useGrid = syncGrid(days.dayOf(times[row]!));
          continue;
        }
        for (; row < length; row += 1) {
          const at = times[row]!;
          checkTime(at, row);
          const base = slotFor(translate[batch.account[row]!]!, days.dayOf(at)) * 4;
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
      const groups: Array<{ account: number; day: number; base: number; store: Float64Array }> = [];
      forEachGroup((account, day, base, store) => groups.push({ account, day, base, store }));
      // Sort by account name, then day, with numbers (ranks) rather than string compares.
      const rank = new Int32Array(accountNames.length);
      accountNames
        .map((name, index) => [name, index] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .forEach(([, index], position) => {
          rank[index] = position;
        });
      groups.sort((a, b) => rank[a.account]! - rank[b.account]! || a.day - b.day);
      return groups.map(({ account, day, base, store }): EngagementGroup => {
        const used = store[base + 3]!;
        return {
          account: accountNames[account]!,
          date: days.label(day),
          rows: store[base + 2]!,
          used,
          engagements: store[base]!,
          denominator: store[base + 1]!,
          rate: used === 0 ? null : safeRatio(store[base]!, store[base + 1]!),
        };
      });
    },
  };
}

function checkTime(at: number, row: number): void {
  if (!Number.isFinite(at)) {
    throw new ValidationError('createEngagementAggregator batch', [
      { path: ['observedAtMs', row], code: 'invalid_type', message: 'must be a finite epoch-milliseconds instant' },
    ]);
  }
}

/** What the hot loop reads. */
interface FoldParams {
  times: Float64Array;
  accounts: ColumnarSnapshots['account'];
  translate: Int32Array;
  /** Local-midnight instants of the zone table. */
  starts: Float64Array;
  /** Interleaved [engagements, denominator, rows, used] per (account × day) cell. */
  grid: Float64Array;
  /** Days per account row of the grid. */
  stride: number;
  /** Grid column of day-table index 0 (day-table index + dayShift = grid column). */
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

/** Folds rows from `from` into the grid; returns the first row outside the day table or the grid's days (or `length`). */
function foldRows(p: FoldParams, from: number): number {
  const { times, accounts, translate, starts, grid, stride, dayShift, count, c0, c1, c2, c3, c4, c5, denominators, length } = p;
  const { extra, extraEngagement, extraReported } = p;
  const lo = starts[0]!;
  const hi = starts[starts.length - 1]!;
  const span = starts.length - 1;
  for (let row = from; row < length; row += 1) {
    const at = times[row]!;
    if (!(at >= lo && at < hi)) return row;
    let day = ((at - lo) / 86_400_000) | 0;
    if (day >= span) day = span - 1;
    while (starts[day]! > at) day -= 1;
    while (starts[day + 1]! <= at) day += 1;
    const column = day + dayShift;
    if (column < 0 || column >= stride) return row;
    const base = (translate[accounts[row]!]! * stride + column) * 4;
    grid[base + 2]! += 1;
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
    const denominator = denominators[row]!;
    if (!reported || denominator !== denominator) continue;
    grid[base]! += engagement;
    grid[base + 1]! += denominator;
    grid[base + 3]! += 1;
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
