import type { ColumnarSnapshots, MetricColumn } from './columnar-snapshots.js';

/**
 * The arrays a fold reads, fixed for one batch (and for every later batch that reuses the
 * same arrays).
 */
export interface FoldColumns {
  times: Float64Array;
  /** Local-midnight instants of the zone table (replaced, never changed, when the table grows). */
  starts: Float64Array;
  accounts: ColumnarSnapshots['account'];
  /** The denominator per row (NaN = absent), `views` already falling back to `videoViews`. */
  denominators: MetricColumn;
  /** Interaction columns present (c0 … c5; at least 1, the rest repeat c0 and are never read). */
  count: number;
  c0: MetricColumn;
  c1: MetricColumn;
  c2: MetricColumn;
  c3: MetricColumn;
  c4: MetricColumn;
  c5: MetricColumn;
}

/**
 * The grid's count column holds two counts in one double: rows + used × `USED_UNIT`. One
 * column instead of two is a quarter less memory for a row to touch (measured with
 * `bench/analytics`: random-order rows folded about 10 % faster), and it is exact while a
 * cell's rows stay below `USED_UNIT` (rows + used × 2²⁶ < 2⁵³): the caller moves the counts
 * to plain columns ({@link rowsOf}, {@link usedOf}) before that many rows have been folded.
 */
export const USED_UNIT = 2 ** 26;

/** The used rows of a packed count (see {@link USED_UNIT}). */
export const usedOf = (packed: number): number => Math.floor(packed / USED_UNIT);

/** The rows of a packed count (see {@link USED_UNIT}). */
export const rowsOf = (packed: number): number => packed - usedOf(packed) * USED_UNIT;

/** What a fold writes into; it changes as the grid grows. */
export interface FoldTarget {
  /**
   * The grid's three columns in one buffer: Σ engagements at 0, Σ denominator at `cells`, the
   * packed count (rows + used × {@link USED_UNIT}) at 2 × `cells`.
   */
  sums: Float64Array;
  cells: number;
  /** Accounts per day row of the grid. */
  width: number;
  /** Day rows of the grid. */
  days: number;
  /** Grid row of day-table index 0 (day-table index + dayShift = grid row). */
  dayShift: number;
  /** The batch's account index → the aggregator's. */
  translate: Int32Array;
  /** `translate` is the identity: rows' account indexes are the aggregator's. */
  direct: boolean;
  /** Rows to fold up to (exclusive): at most the batch's rows. */
  length: number;
}

/**
 * Folds rows from `from` into the grid; returns the first row it cannot place (outside the
 * day table or the grid's days, a non-finite instant, an account index outside the batch's
 * names) or `length`.
 */
export type FoldRows = (target: FoldTarget, from: number) => number;

/** Folds one row into `store` at `base` ([engagements, denominator, rows, used]; the sparse path). */
export type FoldOne = (row: number, store: Float64Array, base: number) => void;

/**
 * Builds the hot loops of `createEngagementAggregator().addColumns`. With `fixed`, the loops
 * read the arrays of `columns` as they are now, for good; without, they read `columns` at
 * the start of every call (the caller refills it batch after batch).
 *
 * **Self-contained**: nothing in this function's body names anything outside it but
 * JavaScript's built-ins, because fold-specialisation.ts compiles fresh copies of its source
 * text. Keep it that way: an outside name would be a ReferenceError in a copy (the copy is
 * checked against the original once per process and not used if they differ, and the
 * specialisation tests fail).
 *
 * Rows go in blocks, each through one of two loops chosen from how often the local day changes
 * over the block's first rows: while rows mostly stay on one day (a time-ordered feed) the day
 * is looked up only when a row leaves it; when it changes often, each row's day is looked up
 * directly (faster there: no run bookkeeping).
 */
export function makeFoldRows(columns: FoldColumns, fixed: boolean): { foldRows: FoldRows; foldOne: FoldOne } {
  // Captured once: in a compiled copy these become constants of the machine code (`fixed` is
  // then a constant too, and every `fixed ? … : …` below folds away).
  const fixedTimes = columns.times;
  const fixedStarts = columns.starts;
  const fixedAccounts = columns.accounts;
  const fixedDenominators = columns.denominators;
  const fixedCount = columns.count | 0;
  const f0 = columns.c0;
  const f1 = columns.c1;
  const f2 = columns.c2;
  const f3 = columns.c3;
  const f4 = columns.c4;
  const f5 = columns.c5;
  /** Rows per block: the loop is chosen again for each block. */
  const BLOCK = 4096;
  /** Rows of a block sampled to choose its loop. */
  const SAMPLE = 64;
  /** Index 0 (no interaction reported): NaN; index 1: 0. */
  const NONE_REPORTED = new Float64Array([Number.NaN, 0]);
  /** A usable row's step of the packed count: one row and one used row (2²⁶ + 1, see `USED_UNIT`). */
  const USED_STEP = 67_108_865;

  /**
   * Σ of the interaction columns present at `row` (the first `count` of c0 … c5), or NaN when
   * none reports. Small enough for V8 to inline into the loops.
   */
  const interactionsAt = (
    count: number,
    c0: MetricColumn,
    c1: MetricColumn,
    c2: MetricColumn,
    c3: MetricColumn,
    c4: MetricColumn,
    c5: MetricColumn,
    row: number,
  ): number => {
    let engagement = 0;
    let reported = 0;
    // Only the columns present are read (the count branches are perfectly predicted).
    let value = c0[row]!;
    if (value === value) ((engagement += value), (reported = 1));
    if (count > 1) {
      value = c1[row]!;
      if (value === value) ((engagement += value), (reported = 1));
      if (count > 2) {
        value = c2[row]!;
        if (value === value) ((engagement += value), (reported = 1));
        if (count > 3) {
          value = c3[row]!;
          if (value === value) ((engagement += value), (reported = 1));
          if (count > 4) {
            value = c4[row]!;
            if (value === value) ((engagement += value), (reported = 1));
            if (count > 5) {
              value = c5[row]!;
              if (value === value) ((engagement += value), (reported = 1));
            }
          }
        }
      }
    }
    // NaN added by a table read, not chosen by `reported ? … : NaN`: with the ternary V8 kept
    // every row's sum as a tagged value, boxing and unboxing it (twice the loops' machine code).
    return engagement + NONE_REPORTED[reported]!;
  };

  /**
   * How many times the local day changes from row to row in [from, to), the first row counting
   * as one change; a row outside the day table ends the count (the fold stops there anyway).
   */
  const dayChanges = (times: Float64Array, starts: Float64Array, from: number, to: number): number => {
    const lo = starts[0]!;
    const hi = starts[starts.length - 1]!;
    let changes = 0;
    let last = -1;
    for (let row = from; row < to; row += 1) {
      const at = times[row]!;
      if (!(at >= lo && at < hi)) break;
      let day = Math.min(Math.floor((at - lo) / 86_400_000), starts.length - 2);
      while (starts[day]! > at) day -= 1;
      while (starts[day + 1]! <= at) day += 1;
      if (day !== last) ((changes += 1), (last = day));
    }
    return changes;
  };

  const foldRows: FoldRows = (target, from) => {
    const times = fixed ? fixedTimes : columns.times;
    const accounts = fixed ? fixedAccounts : columns.accounts;
    const denominators = fixed ? fixedDenominators : columns.denominators;
    const count = fixed ? fixedCount : columns.count | 0;
    const c0 = fixed ? f0 : columns.c0;
    const c1 = fixed ? f1 : columns.c1;
    const c2 = fixed ? f2 : columns.c2;
    const c3 = fixed ? f3 : columns.c3;
    const c4 = fixed ? f4 : columns.c4;
    const c5 = fixed ? f5 : columns.c5;
    const starts = fixed ? fixedStarts : columns.starts;
    const translate = target.translate;
    const sums = target.sums;
    const countAt = 2 * (target.cells | 0);
    const denominatorAt = target.cells | 0;
    // Small integers for V8 (`| 0`): a day number computed through Temporal may arrive as a
    // heap number, and one such value turns all the index arithmetic into doubles.
    const width = target.width | 0;
    const days = target.days | 0;
    const dayShift = target.dayShift | 0;
    const length = target.length | 0;
    const lo = starts[0]!;
    const span = starts.length - 1;
    // The instants the grid holds: [starts[first], starts[last]) of the day table. One range
    // check per row then covers both the table and the grid's days (a row whose instant is
    // inside lands on a grid row, as the day table only goes forward).
    const first = dayShift < 0 ? -dayShift : 0;
    const last = days - dayShift < span ? days - dayShift : span;
    const gridLo = first < last ? starts[first]! : 0;
    const gridHi = first < last ? starts[last]! : 0;
    const known = translate.length;
    // `=== true`: V8 then knows it holds a boolean (a plain read is tested as any value, on every row).
    const direct = target.direct === true;
    for (let block = from; block < length; block += BLOCK) {
      // (Not Math.min: V8 may hand back a heap number, and the row index would stop being a small integer.)
      const end = length - block > BLOCK ? block + BLOCK : length;
      const sample = end - block > SAMPLE ? block + SAMPLE : end;
      // A day change every 16 rows or more often in the block's first rows: look each row's day up.
      if (dayChanges(times, starts, block, sample) * 16 < sample - block) {
        // The day of the last row, so a run of rows from one day skips the lookup.
        let dayStart = 0;
        let dayEnd = 0;
        let rowBase = 0;
        for (let row = block; row < end; row += 1) {
          const at = times[row]!;
          if (!(at >= dayStart && at < dayEnd)) {
            if (!(at >= gridLo && at < gridHi)) return row; // NaN too
            let day = ((at - lo) / 86_400_000) | 0;
            if (day >= span) day = span - 1;
            while (starts[day]! > at) day -= 1;
            while (starts[day + 1]! <= at) day += 1;
            dayStart = starts[day]!;
            dayEnd = starts[day + 1]!;
            rowBase = Math.imul(day + dayShift, width);
          }
          const account = accounts[row]!;
          if (account >= known) return row;
          const engagement = interactionsAt(count, c0, c1, c2, c3, c4, c5, row);
          const cell = rowBase + (direct ? account : translate[account]!);
          const denominator = denominators[row]!;
          if (engagement !== engagement || denominator !== denominator) {
            sums[cell + countAt]! += 1;
            continue;
          }
          sums[cell]! += engagement;
          sums[cell + denominatorAt]! += denominator;
          sums[cell + countAt]! += USED_STEP;
        }
      } else {
        for (let row = block; row < end; row += 1) {
          const at = times[row]!;
          if (!(at >= gridLo && at < gridHi)) return row; // NaN too
          let day = ((at - lo) / 86_400_000) | 0;
          if (day >= span) day = span - 1;
          while (starts[day]! > at) day -= 1;
          while (starts[day + 1]! <= at) day += 1;
          const account = accounts[row]!;
          if (account >= known) return row;
          const engagement = interactionsAt(count, c0, c1, c2, c3, c4, c5, row);
          const cell = Math.imul(day + dayShift, width) + (direct ? account : translate[account]!);
          const denominator = denominators[row]!;
          if (engagement !== engagement || denominator !== denominator) {
            sums[cell + countAt]! += 1;
            continue;
          }
          sums[cell]! += engagement;
          sums[cell + denominatorAt]! += denominator;
          sums[cell + countAt]! += USED_STEP;
        }
      }
    }
    return length;
  };

  const foldOne: FoldOne = (row, store, base) => {
    store[base + 2]! += 1;
    const { c0, c1, c2, c3, c4, c5 } = columns;
    const engagement = interactionsAt(columns.count, c0, c1, c2, c3, c4, c5, row);
    const denominator = columns.denominators[row]!;
    if (engagement !== engagement || denominator !== denominator) return;
    store[base]! += engagement;
    store[base + 1]! += denominator;
    store[base + 3]! += 1;
  };

  return { foldRows, foldOne };
}
