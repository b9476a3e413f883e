import { makeFoldRows, type FoldColumns } from './fold-rows.js';

/** The loops over one set of columns. */
export type Folds = ReturnType<typeof makeFoldRows>;

/**
 * Why specialise: V8 compiles a function whose closure is the only one of its kind with the
 * values it captured as constants — a typed array's address and length become part of the
 * machine code, so the loop keeps no pointer or length per column in registers and checks no
 * bounds against a loaded length. A plain loop written over a module's own arrays gets this
 * for free; a library function handed its arrays does not (measured with `bench/analytics`:
 * the same loop ran at about 0.6–0.75× when it received its arrays as arguments).
 *
 * So a batch whose arrays were already seen — its columns and the zone's day table (one per
 * zone and process, see `ZoneDayIndex.shared`): a reader that refills the same buffers batch
 * after batch, the way to keep memory flat — gets loops compiled for those arrays: a fresh
 * copy of {@link makeFoldRows} from its source text, whose closures are then the only ones of
 * their kind. Only arrays seen twice are compiled (a copy starts cold and V8 compiles it
 * again, a cost paid once per set of arrays), so fresh arrays per batch cost nothing but the
 * lookup; a runtime that forbids `new Function` (a Content-Security-Policy without
 * `unsafe-eval`) or alters the source (coverage instrumentation) keeps the shared loops,
 * which compute the same totals.
 */
const seen = new WeakMap<Float64Array, SeenSet[]>();

/**
 * A column set seen under one `observedAtMs` array, by the ids of its arrays (see `idOf`).
 * Until it is compiled it holds no array: a reader that refills only some of its arrays, or
 * hands over fresh ones batch after batch, must not have other batches' columns kept alive
 * here. Compiled loops hold theirs (the set was reused, so it lives on).
 */
interface SeenSet {
  ids: number[];
  count: number;
  folds?: Folds;
}

/**
 * A number per array, held in a WeakMap: it names an array without keeping it alive. Not a
 * WeakRef: a WeakRef made during a job keeps its target until the job ends, so a synchronous
 * loop over fresh batches would keep every one of them (memory growing with rows).
 */
const ids = new WeakMap<object, number>();
let lastId = 0;
const idOf = (array: object): number => {
  let id = ids.get(array);
  if (id === undefined) ids.set(array, (id = ++lastId));
  return id;
};

/** The arrays of a set besides its key (`times`), in a fixed order. */
const arraysOf = (columns: FoldColumns): object[] => [
  columns.starts,
  columns.accounts,
  columns.denominators,
  columns.c0,
  columns.c1,
  columns.c2,
  columns.c3,
  columns.c4,
  columns.c5,
];

/**
 * Column sets remembered per `observedAtMs` array, most recent first: a few aggregators (a
 * zone each, or a denominator each) may take turns on one set of buffers.
 */
const SETS_PER_ARRAY = 4;

/** `undefined` until first needed; then whether compiled copies of the source work here. */
let compiles: boolean | undefined;

/**
 * A fresh copy of {@link makeFoldRows}. `__name` is esbuild's helper for `keepNames` builds
 * (tsx, some test runners): it wraps inner functions in the source text, so the copy gets a
 * stand-in that keeps the function as it is.
 */
const compileCopy = (): typeof makeFoldRows =>
  new Function('__name', `return (${makeFoldRows.toString()});`)((fn: unknown) => fn) as typeof makeFoldRows;

/** Columns of no rows: what the shared loops hold before the first batch. */
function emptyColumns(): FoldColumns {
  const none = new Float64Array(0);
  return {
    times: none,
    starts: none,
    accounts: new Uint32Array(0),
    denominators: none,
    count: 1,
    c0: none,
    c1: none,
    c2: none,
    c3: none,
    c4: none,
    c5: none,
  };
}

/**
 * The shared loops: one instance for the whole process, handed each batch's columns through
 * `sharedColumns` (read at the start of every call). One instance, not one per batch: V8 then
 * keeps a single compiled copy whose inner calls it can inline without a check per row. (It
 * holds the last batch's arrays until the next batch replaces them.)
 */
const EMPTY_COLUMNS = emptyColumns();
const sharedColumns: FoldColumns = emptyColumns();
const shared = makeFoldRows(sharedColumns, false);

/**
 * Whether a compiled copy of {@link makeFoldRows} works in this runtime: it compiles, and on a
 * small batch that goes through both loops and the one-row fold it gives exactly the totals of
 * the original. Checked once per process.
 */
function copiesWork(): boolean {
  try {
    const rows = 600;
    const times = new Float64Array(rows);
    const accounts = new Uint32Array(rows);
    const c0 = new Float64Array(rows);
    const c1 = new Float64Array(rows);
    const denominators = new Float64Array(rows);
    for (let row = 0; row < rows; row += 1) {
      // Rows 0–299 on one day each (the run loop), then a new day every row (the lookup loop).
      times[row] = row < 300 ? 1_000 + row : (row - 299) * 86_400_000 + 7;
      accounts[row] = row % 3;
      c0[row] = row % 5 === 0 ? Number.NaN : row;
      c1[row] = row % 2;
      denominators[row] = row % 7 === 0 ? Number.NaN : 10 + row;
    }
    const starts = Float64Array.from({ length: 302 }, (_, day) => day * 86_400_000);
    const columns: FoldColumns = { starts, times, accounts, denominators, count: 2, c0, c1, c2: c0, c3: c0, c4: c0, c5: c0 };
    const run = (folds: Folds): Float64Array => {
      const sums = new Float64Array(3 * 3 * 301 + 4);
      const target = {
        sums,
        cells: 3 * 301,
        width: 3,
        days: 301,
        dayShift: 0,
        translate: new Int32Array([0, 1, 2]),
        direct: true,
        length: rows,
      };
      if (folds.foldRows(target, 0) !== rows) return new Float64Array(0);
      folds.foldOne(5, sums, sums.length - 4);
      return sums;
    };
    const copy = run(compileCopy()(columns, true));
    // Against the shared loops, not a second instance of the original: V8 specialises the
    // shared loops only while they are the original's one instance.
    Object.assign(sharedColumns, columns);
    const original = run(shared);
    return copy.length === original.length && copy.length > 0 && copy.every((value, index) => Object.is(value, original[index]));
  } catch {
    return false;
  }
}

const isSet = (entry: SeenSet, columns: FoldColumns, arrayIds: number[]): boolean =>
  entry.count === columns.count && arrayIds.every((id, index) => entry.ids[index] === id);

/**
 * The loops for a batch's columns: compiled for these very arrays the second time they are
 * seen (and reused after), the shared loops otherwise. Both compute the same totals. The
 * loops returned are valid until the next call (the shared ones read `columns` then).
 */
export function foldsFor(columns: FoldColumns): Folds {
  let sets = seen.get(columns.times);
  if (sets === undefined) seen.set(columns.times, (sets = []));
  const arrayIds = arraysOf(columns).map(idOf);
  const at = sets.findIndex((entry) => isSet(entry, columns, arrayIds));
  if (at < 0) {
    // First sight: remembered, folded by the shared loops.
    sets.unshift({ ids: arrayIds, count: columns.count });
    sets.length = Math.min(sets.length, SETS_PER_ARRAY);
  } else {
    const entry = sets[at]!;
    if (at > 0) sets.unshift(...sets.splice(at, 1));
    if (entry.folds === undefined) {
      compiles ??= copiesWork();
      // A private copy of the set: the compiled loops read it for good.
      if (compiles) entry.folds = compileCopy()({ ...columns }, true);
    }
    if (entry.folds !== undefined) return entry.folds;
  }
  Object.assign(sharedColumns, columns);
  return shared;
}

/** Lets the shared loops drop the last batch's arrays (call when the batch is folded). */
export function releaseSharedColumns(): void {
  Object.assign(sharedColumns, EMPTY_COLUMNS);
}
