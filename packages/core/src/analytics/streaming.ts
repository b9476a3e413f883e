import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { CANONICAL_METRICS, TimeZoneSchema, parseWithSchema, type CanonicalMetric, type MetricSnapshot } from '../model/index.js';
import { DEFAULT_ENGAGEMENT_INTERACTIONS } from './engagement.js';
import { safeRatio } from './metric-values.js';
import type { ColumnarSnapshots, MetricColumn } from './columnar-snapshots.js';
import { USED_UNIT, rowsOf, usedOf, type FoldColumns, type FoldTarget } from './fold-rows.js';
import { foldsFor, releaseSharedColumns } from './fold-specialisation.js';
import { ZoneDayIndex } from './zone-day-index.js';

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
  return engagementAggregatorWithLimits(options, GRID_LIMITS);
}

/**
 * Sizes (in cells) between the aggregator's storages, see `engagementAggregatorWithLimits`:
 * `grid`, the cells a grid may always have; `firstGrid`, the cells the first grid may have
 * before any row is in; `dense`, the cells a grid may have while a third of them have rows.
 * @internal
 */
export interface GridLimits {
  grid: number;
  firstGrid: number;
  dense: number;
}

/** 24 MB, 96 MB (64 days of 65,536 accounts) and 192 MB of grid (at 24 bytes a cell). @internal */
export const GRID_LIMITS: GridLimits = { grid: 1 << 20, firstGrid: 1 << 22, dense: 1 << 23 };

/**
 * {@link createEngagementAggregator} with other limits (tests reach every change of storage
 * with small data this way) and `storage`, which storage is in use.
 * @internal
 */
export function engagementAggregatorWithLimits(
  options: EngagementAggregatorOptions,
  limits: GridLimits,
): EngagementAggregator & { readonly storage: 'grid' | 'sparse' } {
  const {
    timeZone,
    by = 'reach',
    interactions = [...DEFAULT_ENGAGEMENT_INTERACTIONS],
  } = parseWithSchema(OptionsSchema, options, 'createEngagementAggregator options');
  const days = ZoneDayIndex.shared(timeZone);
  const accountIndex = new Map<string, number>();
  const accountNames: string[] = [];
  // `platform` → `accountId` → index, so `add` builds no key string per row.
  const bySubject = new Map<string, Map<string, number>>();

  // Two storages, one in use at a time. **Grid** (the usual case): every (day of the span seen,
  // account) cell, laid out **day-major** — the rows of one day, in whatever account order,
  // land in one stretch of memory, which is what a time-ordered feed produces — in three
  // parallel columns (Σ engagements, Σ denominator, and rows and used packed into one number,
  // see USED_UNIT). Measured against one interleaved array of 4-number cells, the columns fold
  // random-order rows faster once the cache is cold (the misses of a row overlap). **Sparse**:
  // a slot per group found through a Map per account, about 75 bytes a group against the
  // grid's 24 a cell (40 once counts were carried, see makeRoomForRows). The grid is used up
  // to `limits.grid` cells whatever it holds (the first one, laid out over a whole batch's
  // days, up to `limits.firstGrid`), and up to `limits.dense` while at least a third of its
  // cells have rows (then it costs no more memory than the slots would); past that the groups
  // move into slots, and move back into a grid once they fill a third of one.
  let sparse = false;
  let grid = emptyGrid(0);
  // Rows counted into the grid's packed counts since they were last carried: kept below
  // USED_UNIT, so every cell's packed count stays exact.
  let packedRows = 0;
  let gridAccounts = 0; // accounts per day row of the grid
  let gridDays = 0; // days the grid has room for
  let gridFirstDay = 0; // day number of grid row 0

  const slotsByAccount: Array<Map<number, number>> = [];
  let capacity = 0;
  let sums = new Float64Array(0);
  let slotAccount = new Int32Array(0);
  let slotDay = new Float64Array(0);
  let slots = 0;
  // Days of the slots (for the grid they could move into) and when to consider it next.
  let slotsFirstDay = Infinity;
  let slotsLastDay = -Infinity;
  const denseCheckEvery = Math.ceil(limits.grid / 256); // 4,096 groups
  let denseCheckAt = Math.ceil(limits.grid / 3);

  // Scratch for more than six interaction columns summed into one and for `views` → `videoViews`; reused.
  let scratchEngagement = new Float64Array(0);
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
      if (day < slotsFirstDay) slotsFirstDay = day;
      if (day > slotsLastDay) slotsLastDay = day;
    }
    return slot;
  };

  /** Calls `visit` for every group with rows. */
  const forEachGroup = (
    visit: (account: number, day: number, engagements: number, denominator: number, rows: number, used: number) => void,
  ): void => {
    if (!sparse) {
      const { packed, carriedRows, carriedUsed } = grid;
      for (let row = 0; row < gridDays; row += 1) {
        for (let account = 0; account < gridAccounts; account += 1) {
          const at = row * gridAccounts + account;
          let rows = rowsOf(packed[at]!);
          let used = usedOf(packed[at]!);
          if (carriedRows !== undefined) ((rows += carriedRows[at]!), (used += carriedUsed![at]!));
          if (rows > 0) visit(account, gridFirstDay + row, grid.engagements[at]!, grid.denominators[at]!, rows, used);
        }
      }
    }
    for (let slot = 0; slot < slots; slot += 1) {
      const base = slot * 4;
      visit(slotAccount[slot]!, slotDay[slot]!, sums[base]!, sums[base + 1]!, sums[base + 2]!, sums[base + 3]!);
    }
  };

  /**
   * Lays the grid out for the accounts and, with `needDay` (to `needLast`, default the same
   * day), a span of days that includes them (grown by doubling, so re-layouts are rare); moves
   * to sparse when too large. Returns whether the grid is in use.
   */
  const syncGrid = (needDay?: number, needLast = needDay): boolean => {
    if (sparse) return false;
    let first = gridFirstDay;
    let span = gridDays;
    if (needDay !== undefined && needLast !== undefined) {
      if (span === 0) {
        first = needDay - 7;
        span = Math.max(64, needLast - first + 8);
      } else {
        if (needDay < first) {
          const grow = Math.max(first - needDay + 7, span);
          first -= grow;
          span += grow;
        }
        if (needLast >= first + span) span = Math.max(needLast - first + 8, span * 2);
      }
    }
    const width = accountNames.length > gridAccounts ? Math.max(accountNames.length, gridAccounts * 2, 16) : gridAccounts;
    if (first === gridFirstDay && span === gridDays && width === gridAccounts) return true;
    const visitOld = forEachGroup;
    const cells = width * span;
    // The first grid is taken on trust further: many accounts over a few weeks is the usual
    // wide report.
    const trusted = gridDays === 0 ? limits.firstGrid : limits.grid;
    if (cells > trusted && !(cells <= limits.dense && countGroups() * 3 >= cells)) {
      // Too large for the groups it would hold: every group with rows becomes a slot.
      visitOld((account, day, engagements, denominator, rows, used) => {
        const to = slotFor(account, day) * 4;
        sums[to] = engagements;
        sums[to + 1] = denominator;
        sums[to + 2] = rows;
        sums[to + 3] = used;
      });
      sparse = true;
      // Not back into a grid before the groups have doubled: no back and forth.
      denseCheckAt = Math.max(denseCheckAt, slots * 2);
      grid = emptyGrid(0);
      gridAccounts = 0;
      gridDays = 0;
      return false;
    }
    const next = emptyGrid(width * span);
    if (grid.carriedRows !== undefined) carryInto(next);
    const sources = gridColumns(grid);
    const targets = gridColumns(next);
    for (let row = 0; row < gridDays; row += 1) {
      // A day row moves whole: its accounts stay in order, only the row width changes.
      const from = row * gridAccounts;
      const to = (row + gridFirstDay - first) * width;
      sources.forEach((column, index) => targets[index]!.set(column.subarray(from, from + gridAccounts), to));
    }
    grid = next;
    gridAccounts = width;
    gridDays = span;
    gridFirstDay = first;
    return true;
  };

  /** Groups with rows. */
  const countGroups = (): number => {
    let count = 0;
    forEachGroup(() => {
      count += 1;
    });
    return count;
  };

  /**
   * In sparse mode, every `denseCheckEvery` new groups: moves them into a grid
   * over their days if at least a third of its cells would have rows and it stays within
   * `limits.dense`. Returns whether the grid is in use again.
   */
  const considerDense = (): boolean => {
    if (!sparse || slots < denseCheckAt) return false;
    denseCheckAt = slots + denseCheckEvery; // a look costs a few operations, a move O(groups) once
    const first = slotsFirstDay - 7;
    const span = Math.max(64, slotsLastDay - first + 8);
    const width = Math.max(accountNames.length, 16);
    const cells = width * span;
    if (cells > limits.dense || slots * 3 < cells) return false;
    const next = emptyGrid(cells);
    // Rows of any one group so far: the packed counts take them if far below USED_UNIT.
    let most = 0;
    for (let slot = 0; slot < slots; slot += 1) most = Math.max(most, sums[slot * 4 + 2]!);
    const carry = most >= USED_UNIT / 2;
    if (carry) carryInto(next);
    for (let slot = 0; slot < slots; slot += 1) {
      const at = (slotDay[slot]! - first) * width + slotAccount[slot]!;
      const base = slot * 4;
      next.engagements[at] = sums[base]!;
      next.denominators[at] = sums[base + 1]!;
      if (carry) ((next.carriedRows![at] = sums[base + 2]!), (next.carriedUsed![at] = sums[base + 3]!));
      else next.packed[at] = sums[base + 2]! + sums[base + 3]! * USED_UNIT;
    }
    grid = next;
    gridAccounts = width;
    gridDays = span;
    gridFirstDay = first;
    packedRows = carry ? 0 : most;
    sparse = false;
    for (const own of slotsByAccount) own.clear();
    capacity = 0;
    slots = 0;
    sums = new Float64Array(0);
    slotAccount = new Int32Array(0);
    slotDay = new Float64Array(0);
    slotsFirstDay = Infinity;
    slotsLastDay = -Infinity;
    return true;
  };

  /**
   * Makes room for `rows` more rows in the grid's packed counts (at most the room one carry
   * leaves): when they would reach USED_UNIT, every cell's counts move to the carried columns
   * first (made then): O(cells), once per 67 million rows.
   */
  const makeRoomForRows = (rows: number): void => {
    if (packedRows + rows < USED_UNIT) return;
    if (grid.carriedRows === undefined) carryInto(grid);
    const { packed, carriedRows, carriedUsed } = grid;
    for (let at = 0; at < grid.cells; at += 1) {
      carriedRows![at]! += rowsOf(packed[at]!);
      carriedUsed![at]! += usedOf(packed[at]!);
      packed[at] = 0;
    }
    packedRows = 0;
  };

  const addRow = (account: number, at: number, engagement: number, denominator: number): void => {
    const day = days.dayOf(at);
    const usable = engagement === engagement && denominator === denominator;
    if (syncGrid(day)) {
      const at = (day - gridFirstDay) * gridAccounts + account;
      makeRoomForRows(1);
      packedRows += 1;
      if (!usable) {
        grid.packed[at]! += 1;
        return;
      }
      grid.engagements[at]! += engagement;
      grid.denominators[at]! += denominator;
      grid.packed[at]! += USED_UNIT + 1;
      return;
    }
    // slotFor may grow `sums`: take the array after it.
    const base = slotFor(account, day) * 4;
    sums[base + 2]! += 1;
    if (usable) {
      sums[base]! += engagement;
      sums[base + 1]! += denominator;
      sums[base + 3]! += 1;
    }
    considerDense();
  };

  // `add` parses ISO strings; consecutive snapshots often share one (a daily export).
  let lastIso = '';
  let lastAt = NaN;
  const refuse = (field: string, message: string): never => {
    throw new ValidationError('createEngagementAggregator snapshot', [{ path: field.split('.'), code: 'invalid_type', message }]);
  };

  return {
    get storage() {
      return sparse ? ('sparse' as const) : ('grid' as const);
    },
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
      if (!isDatable(at)) refuse(snapshot.window ? 'window.start' : 'observedAt', `must be an ISO 8601 instant ${DATABLE}`);
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
      // `direct`: the batch numbers its accounts as the aggregator does (the usual case, one
      // `accounts` list reused batch after batch), so the loops use a row's index as it is.
      let direct = true;
      for (let index = 0; index < translate.length; index += 1) {
        translate[index] = internAccount(batch.accounts[index]!);
        if (translate[index] !== index) direct = false;
      }
      const columns = interactions.map((name) => batch.metrics[name]).filter((column): column is MetricColumn => column !== undefined);
      const primary = batch.metrics[by === 'views' ? 'views' : by];
      const fallback = by === 'views' ? batch.metrics.videoViews : undefined;
      const times = batch.observedAtMs;
      // Up to six interaction columns are read in the row loop itself; more are summed first,
      // column by column in the same order, into one. Scratch columns and the all-NaN column
      // (for a batch without interactions or denominator) are made only when needed, and kept.
      const pad = (): Float64Array => {
        if (nanColumn.length < length) nanColumn = new Float64Array(length).fill(NaN);
        return nanColumn;
      };
      if (columns.length > 6) {
        if (scratchEngagement.length < length) scratchEngagement = new Float64Array(length);
        const summed = scratchEngagement;
        summed.fill(NaN, 0, length);
        for (const column of columns) {
          for (let row = 0; row < length; row += 1) {
            const value = column[row]!;
            const sum = summed[row]!;
            if (value === value) summed[row] = (sum === sum ? sum : 0) + value;
          }
        }
        columns.splice(0, columns.length, summed);
      }
      if (columns.length === 0) columns.push(pad());
      // One denominator column: `views` falling back to `videoViews` row by row, merged once here.
      let denominators: MetricColumn = primary ?? pad();
      if (fallback !== undefined) {
        if (scratchDenominator.length < length) scratchDenominator = new Float64Array(length);
        for (let row = 0; row < length; row += 1) {
          const value = primary === undefined ? NaN : primary[row]!;
          scratchDenominator[row] = value === value ? value : fallback[row]!;
        }
        denominators = scratchDenominator;
      }
      checkRow(batch, 0);
      days.dayOf(times[0]!);
      let foldColumns: FoldColumns = {
        times,
        starts: days.starts,
        accounts: batch.account,
        denominators,
        // Slots past `count` are never read: they hold the first column only to keep one type.
        count: columns.length,
        c0: columns[0]!,
        c1: columns[1] ?? columns[0]!,
        c2: columns[2] ?? columns[0]!,
        c3: columns[3] ?? columns[0]!,
        c4: columns[4] ?? columns[0]!,
        c5: columns[5] ?? columns[0]!,
      };
      let folds = foldsFor(foldColumns);
      const target: FoldTarget = {
        sums: grid.all,
        cells: grid.cells,
        width: gridAccounts,
        days: gridDays,
        dayShift: days.firstEpochDay - gridFirstDay,
        translate,
        direct,
        length,
      };
      // The hot loop (fold-rows.ts) stops at a row it cannot place — outside the day table or
      // the grid, or a bad row (checked then, so validation costs the loop one compare) — and,
      // in sparse mode, folds nothing: those rows go through the slots one by one.
      try {
        let row = 0;
        let useGrid = syncGrid();
        while (row < length) {
          if (useGrid) {
            if (foldColumns.starts !== days.starts) {
              // The day table grew: loops compiled for the old one must not run on.
              foldColumns = { ...foldColumns, starts: days.starts };
              folds = foldsFor(foldColumns);
            }
            target.sums = grid.all;
            target.cells = grid.cells;
            target.width = gridAccounts;
            target.days = gridDays;
            target.dayShift = days.firstEpochDay - gridFirstDay;
            // No more rows than the packed counts have room for (USED_UNIT: a carry per 67 million rows).
            makeRoomForRows(Math.min(length - row, USED_UNIT - 1));
            const stop = Math.min(length, row + (USED_UNIT - 1 - packedRows));
            target.length = stop;
            const folded = folds.foldRows(target, row);
            packedRows += folded - row;
            row = folded;
            if (row >= length) break;
            if (row === stop) continue; // out of room: carry, then go on
            // A bad row, or a day outside the day table or the grid's span: grow them, then resume.
            checkRow(batch, row);
            // The rest of the batch's days at once: a shuffled batch would otherwise grow the
            // grid a doubling at a time, passing through sizes it cannot justify.
            const { earliest, latest } = instantSpan(times, row, length);
            useGrid = syncGrid(days.dayOf(earliest), days.dayOf(latest));
            continue;
          }
          for (; row < length; row += 1) {
            checkRow(batch, row);
            const base = slotFor(translate[batch.account[row]!]!, days.dayOf(times[row]!)) * 4;
            folds.foldOne(row, sums, base);
            if (considerDense()) {
              // Back on a grid: the rest of the batch goes through the loops.
              row += 1;
              useGrid = true;
              break;
            }
          }
        }
      } finally {
        releaseSharedColumns(); // the shared loops keep no batch alive
      }
    },
    get groups() {
      return countGroups();
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

/**
 * The earliest and latest valid instants of rows [from, to) (`times[from]` must be valid).
 * A function of its own: V8 compiles a small loop within a few thousand rows, where inside
 * `addColumns` it ran interpreted for the first batches of every new aggregator (measured:
 * about 20 ms of a 500,000-row batch).
 */
function instantSpan(times: Float64Array, from: number, to: number): { earliest: number; latest: number } {
  let earliest = times[from]!;
  let latest = earliest;
  for (let row = from + 1; row < to; row += 1) {
    const at = times[row]!;
    // Instants out of range are bad rows (refused when the fold reaches them), not days.
    if (at < earliest && at >= FIRST_DATABLE_MS) earliest = at;
    else if (at > latest && at < END_DATABLE_MS) latest = at;
  }
  return { earliest, latest };
}

/**
 * Instants whose local date has a four-digit year in any zone (groups are dated `YYYY-MM-DD`):
 * 0001-01-02 to 9999-12-30 UTC. Outside, Temporal either refuses the date (a RangeError) or
 * the day table would be grown day by day to it (an instant in year 250,000: minutes).
 */
const FIRST_DATABLE_MS = Date.parse('0001-01-02T00:00:00.000Z');
const DATABLE = 'between 0001-01-02 and 9999-12-30 (UTC)';
const END_DATABLE_MS = Date.parse('9999-12-30T00:00:00.000Z');
const isDatable = (at: number): boolean => at >= FIRST_DATABLE_MS && at < END_DATABLE_MS;

/** Throws when row `row` cannot be placed: an instant out of range or an account index outside `accounts`. */
function checkRow(batch: ColumnarSnapshots, row: number): void {
  if (!isDatable(batch.observedAtMs[row]!))
    throw batchError(['observedAtMs', row], `must be a finite epoch-milliseconds instant ${DATABLE}`);
  if (!(batch.account[row]! < batch.accounts.length))
    throw batchError(['account', row], `must index \`accounts\` (0 … ${batch.accounts.length - 1})`);
}

/**
 * The dense grid: one entry per (day × account) cell in each column. The three columns the
 * hot loop writes are views of one buffer (`all`, column k at k × `cells`), so the loop
 * touches one array: V8 checks each typed array a loop touches on every iteration.
 */
interface GridColumns {
  all: Float64Array;
  cells: number;
  engagements: Float64Array;
  denominators: Float64Array;
  /** Rows and used rows packed into one number (see `USED_UNIT`), since the last carry. */
  packed: Float64Array;
  /** Rows and used rows carried out of `packed`; made at the first carry. */
  carriedRows?: Float64Array;
  carriedUsed?: Float64Array;
}

function emptyGrid(cells: number): GridColumns {
  const all = new Float64Array(cells * 3);
  const column = (index: number) => all.subarray(index * cells, (index + 1) * cells);
  return { all, cells, engagements: column(0), denominators: column(1), packed: column(2) };
}

/** Gives `grid` its carried columns (zero). */
function carryInto(grid: GridColumns): void {
  grid.carriedRows = new Float64Array(grid.cells);
  grid.carriedUsed = new Float64Array(grid.cells);
}

/** The grid's columns in a fixed order (the carried ones when it has them). */
function gridColumns(grid: GridColumns): Float64Array[] {
  const columns = [grid.engagements, grid.denominators, grid.packed];
  if (grid.carriedRows !== undefined) columns.push(grid.carriedRows, grid.carriedUsed!);
  return columns;
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
