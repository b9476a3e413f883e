// Engagement rate by (account, local day) over 10,000,000 rows of 1,000 accounts.
//
// Input: each row is one post's daily insights window (many posts × 50 days), accounts on
// three networks (X, Bluesky, Mastodon) reporting different metrics — Mastodon has no
// quotes, only X reports clicks — and some rows without reach.
// Streaming path: `createEngagementAggregator().addColumns()` on columnar batches (typed
// arrays, NaN = absent), generated chunk by chunk into the same arrays so row count does not
// grow memory. It validates every row (finite instant, account index inside `accounts`),
// maps the batch's account indexes to its own, finds the local day in any zone and grows its
// grid as days and accounts arrive. From the second batch on the same arrays it folds them
// with loops compiled for those arrays (fold-specialisation.ts); a last part feeds it a new
// copy of every chunk instead, which goes through its shared loops.
//
// Two baselines, same process and same chunks, each a plain typed-array loop written for
// this data — local-day table precomputed for the known days (53 local midnights), a dense
// account × day grid in four Float64Arrays, one pass per row, the five interaction columns
// and reach named in the code, no checks — computing the same totals (Σ engagements,
// Σ reach, rows, rows used):
// - "plain loop on module constants" (`plainLoop`, the original baseline): reads the batch,
//   the day table and the loop bound (CHUNK) from this module's constants. V8 compiles such
//   a function once for those exact arrays: their addresses and lengths become constants in
//   the machine code (no per-access type check or pointer and length loads; measured, this
//   is what makes it faster — a variable loop bound or day table alone changes little). No
//   library function can be compiled that way: it is handed its arrays.
// - "plain loop on arguments" (`plainLoopOnArguments`, the fair baseline): the same loop,
//   line for line, receiving the batch, the day table, the totals and the stride as
//   arguments and looping to `batch.length` — what any function handed its data compiles to.
// The line "arguments ÷ module constants" shows what that specialisation alone is worth.
// Both orders are run: rows in time order and in random order. Target: aggregator ≥ 0.9×
// the plain loop in both orders (PASS/MISS against each baseline, not a hard failure), and
// memory that does not grow from 1M to 10M rows. The totals of the aggregator are
// cross-checked group by group against both loops, every round.
//
// Timing is paired: each chunk is folded by all three back to back, the order rotating from
// chunk to chunk (each goes first, second and third equally often); a round is 10M rows
// through a fresh aggregator and fresh plain totals, its ratio is baseline time ÷ aggregator
// time (= aggregator throughput ÷ baseline throughput), and the median of ROUNDS rounds is
// printed with the spread (min–max). Time is the process's CPU time (`process.cpuUsage`),
// not wall time: on a shared machine wall time also counts the time spent waiting for a
// core. `result()` is timed apart (not in the ratio).
//
// Run: npx tsx --expose-gc bench/analytics.bench.ts
import {
  calendarBuckets,
  createEngagementAggregator,
  type ColumnarSnapshots,
  type EngagementGroup,
} from '../packages/core/src/analytics/index.js';
import { seededRandom } from './seeded-random.js';

const ACCOUNTS = 1_000;
const TOTAL_ROWS = 10_000_000;
const CHUNK = 500_000;
const DAYS = 50; // every chunk covers the same 50 local days (a batch per export), so groups stay 50 × 1,000
const TIME_ZONE = 'Europe/Bucharest'; // crosses the 2026-03-29 DST change
const START = Date.parse('2026-02-01T00:00:00Z');
const TARGET_RATIO = 0.9;
const ROUNDS = 7; // paired rounds per order; the median ratio is reported
const FRESH_ROUNDS = 3; // paired rounds per order on fresh arrays

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with --expose-gc for steadier memory figures');
const memory = () => {
  // Two full collections: array buffers freed by the first may be released only by the next.
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const mrows = (rows: number, ms: number) => `${(((rows / ms) * 1000) / 1e6).toFixed(1)} M rows/s`;

// Deterministic values: every run sees the same data.
const { random, reseed } = seededRandom(0x9e3779b9);

const NETWORKS = ['x', 'bluesky', 'mastodon'] as const;
const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `${NETWORKS[index % 3]}:acct-${index}`);
const batch: ColumnarSnapshots & {
  metrics: Required<Pick<ColumnarSnapshots['metrics'], 'likes' | 'comments' | 'shares' | 'quotes' | 'clicks' | 'reach'>>;
} = {
  length: CHUNK,
  accounts,
  account: new Uint32Array(CHUNK),
  observedAtMs: new Float64Array(CHUNK),
  metrics: {
    likes: new Float64Array(CHUNK),
    comments: new Float64Array(CHUNK),
    shares: new Float64Array(CHUNK),
    quotes: new Float64Array(CHUNK),
    clicks: new Float64Array(CHUNK),
    reach: new Float64Array(CHUNK),
  },
};

// A fixed random permutation of a chunk's positions (Fisher–Yates on the xorshift).
const permutation = new Uint32Array(CHUNK).map((_, index) => index);
for (let index = CHUNK - 1; index > 0; index -= 1) {
  const other = Math.floor(random() * (index + 1));
  const swap = permutation[index]!;
  permutation[index] = permutation[other]!;
  permutation[other] = swap;
}

/** Fills the shared arrays with rows [offset, offset + CHUNK), in time order or shuffled. */
function fillChunk(offset: number, order: 'time' | 'random'): void {
  const { metrics } = batch;
  for (let index = 0; index < CHUNK; index += 1) {
    const row = offset + index;
    const at = order === 'time' ? index : permutation[index]!;
    const position = (index / CHUNK) * DAYS; // rows of a chunk spread over the days
    batch.account[at] = row % ACCOUNTS;
    batch.observedAtMs[at] = START + Math.floor(position * 86_400_000);
    const reach = 200 + Math.floor(random() * 2000);
    metrics.reach[at] = row % 50 === 0 ? NaN : reach; // some rows without reach
    metrics.likes[at] = Math.floor(random() * reach * 0.05);
    metrics.comments[at] = Math.floor(random() * 10);
    metrics.shares[at] = Math.floor(random() * 8);
    const network = (row % ACCOUNTS) % 3; // 0 X, 1 Bluesky, 2 Mastodon
    metrics.quotes[at] = network === 2 ? NaN : Math.floor(random() * 3); // Mastodon has no quotes
    metrics.clicks[at] = network === 0 ? Math.floor(random() * 20) : NaN; // only X reports clicks
  }
}

// The plain loop's local-day table, precomputed for the days the data covers (not timed).
const buckets = calendarBuckets(START, START + (DAYS + 2) * 86_400_000, 'day', TIME_ZONE);
const dayStarts = Float64Array.from([...buckets.map((bucket) => bucket.startMs), buckets[buckets.length - 1]!.endMs]);
const dayLabels = buckets.map((bucket) => bucket.label);

interface PlainTotals {
  engagements: Float64Array;
  denominator: Float64Array;
  rows: Float64Array;
  used: Float64Array;
}

function plainTotals(): PlainTotals {
  const cells = ACCOUNTS * (DAYS + 2);
  return {
    engagements: new Float64Array(cells),
    denominator: new Float64Array(cells),
    rows: new Float64Array(cells),
    used: new Float64Array(cells),
  };
}

/** The plain typed-array loop: same totals, written for this data. */
function plainLoop(totals: PlainTotals): void {
  const { likes, comments, shares, quotes, clicks, reach } = batch.metrics;
  const account = batch.account;
  const times = batch.observedAtMs;
  const { engagements, denominator, rows, used } = totals;
  const first = dayStarts[0]!;
  const stride = DAYS + 2;
  for (let row = 0; row < CHUNK; row += 1) {
    const at = times[row]!;
    let day = ((at - first) / 86_400_000) | 0;
    while (dayStarts[day]! > at) day -= 1;
    while (dayStarts[day + 1]! <= at) day += 1;
    const cell = account[row]! * stride + day;
    rows[cell]! += 1;
    let engagement = 0;
    let reported = false;
    let value = likes[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = comments[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = shares[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = quotes[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = clicks[row]!;
    if (value === value) ((engagement += value), (reported = true));
    const bottom = reach[row]!;
    if (!reported || bottom !== bottom) continue;
    engagements[cell]! += engagement;
    denominator[cell]! += bottom;
    used[cell]! += 1;
  }
}

/**
 * The same plain loop written as an ordinary function: it receives the batch, the day table
 * and the totals as arguments (as any function that is handed its data does) instead of
 * reading this module's constants. Only that differs from {@link plainLoop}.
 */
function plainLoopOnArguments(input: typeof batch, starts: Float64Array, totals: PlainTotals, stride: number): void {
  const { likes, comments, shares, quotes, clicks, reach } = input.metrics;
  const account = input.account;
  const times = input.observedAtMs;
  const length = input.length;
  const { engagements, denominator, rows, used } = totals;
  const first = starts[0]!;
  for (let row = 0; row < length; row += 1) {
    const at = times[row]!;
    let day = ((at - first) / 86_400_000) | 0;
    while (starts[day]! > at) day -= 1;
    while (starts[day + 1]! <= at) day += 1;
    const cell = account[row]! * stride + day;
    rows[cell]! += 1;
    let engagement = 0;
    let reported = false;
    let value = likes[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = comments[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = shares[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = quotes[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = clicks[row]!;
    if (value === value) ((engagement += value), (reported = true));
    const bottom = reach[row]!;
    if (!reported || bottom !== bottom) continue;
    engagements[cell]! += engagement;
    denominator[cell]! += bottom;
    used[cell]! += 1;
  }
}

/** The chunk copied into new arrays: what a reader that allocates per batch hands over. */
function freshCopy(): typeof batch {
  const { metrics } = batch;
  return {
    ...batch,
    account: batch.account.slice(),
    observedAtMs: batch.observedAtMs.slice(),
    metrics: {
      likes: metrics.likes.slice(),
      comments: metrics.comments.slice(),
      shares: metrics.shares.slice(),
      quotes: metrics.quotes.slice(),
      clicks: metrics.clicks.slice(),
      reach: metrics.reach.slice(),
    },
  };
}

/** CPU milliseconds of this process since `from` (see the header). */
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

interface Round {
  aggregatorMs: number;
  plainMs: number;
  argumentsMs: number;
  resultMs: number;
  result: EngagementGroup[];
  totals: PlainTotals;
  argumentsTotals: PlainTotals;
}

type Contender = 'aggregator' | 'plain' | 'arguments';
const CONTENDERS: readonly Contender[] = ['aggregator', 'plain', 'arguments'];

/** One paired round: every chunk folded by all three, back to back, the order rotating from chunk to chunk. */
function pairedRound(rows: number, order: 'time' | 'random'): Round {
  reseed(0x1234567);
  const aggregator = createEngagementAggregator({ timeZone: TIME_ZONE, by: 'reach' });
  const totals = plainTotals();
  const argumentsTotals = plainTotals();
  const ms: Record<Contender, number> = { aggregator: 0, plain: 0, arguments: 0 };
  for (let offset = 0, chunk = 0; offset < rows; offset += CHUNK, chunk += 1) {
    fillChunk(offset, order); // generation is not timed
    const turn = [...CONTENDERS.slice(chunk % 3), ...CONTENDERS.slice(0, chunk % 3)];
    for (const which of chunk % 6 < 3 ? turn : turn.reverse()) {
      const started = process.cpuUsage();
      if (which === 'aggregator') aggregator.addColumns(batch);
      else if (which === 'plain') plainLoop(totals);
      else plainLoopOnArguments(batch, dayStarts, argumentsTotals, DAYS + 2);
      ms[which] += cpuMs(started);
    }
  }
  const started = process.cpuUsage();
  const result = aggregator.result();
  return {
    aggregatorMs: ms.aggregator,
    plainMs: ms.plain,
    argumentsMs: ms.arguments,
    resultMs: cpuMs(started),
    result,
    totals,
    argumentsTotals,
  };
}

/** Groups whose four totals differ from the plain loop's. */
function mismatches(result: EngagementGroup[], totals: PlainTotals): number {
  let count = 0;
  const stride = DAYS + 2;
  for (const group of result) {
    const accountIndex = Number(group.account.slice(group.account.indexOf(':acct-') + ':acct-'.length));
    const cell = accountIndex * stride + dayLabels.indexOf(group.date);
    if (
      totals.rows[cell] !== group.rows ||
      totals.used[cell] !== group.used ||
      totals.engagements[cell] !== group.engagements ||
      totals.denominator[cell] !== group.denominator
    )
      count += 1;
  }
  // Every row counted once: the plain loop's rows all appear in some group.
  const aggregatorRows = result.reduce((sum, group) => sum + group.rows, 0);
  const plainRows = totals.rows.reduce((sum, value) => sum + value, 0);
  return count + (aggregatorRows === plainRows ? 0 : 1);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
};

/**
 * Memory held while one aggregator folds `rows` rows: live heap + array buffers (collected
 * first, so garbage does not count) after 1M rows and after the last chunk, both against the
 * same start. `result()` is left out: its objects grow with groups, not rows.
 */
function foldMemory(rows: number, order: 'time' | 'random'): { atOneMillion: number; atEnd: number; groups: number } {
  reseed(0x1234567);
  gc?.();
  const before = memory();
  let atOneMillion = 0;
  let atEnd = 0;
  const aggregator = createEngagementAggregator({ timeZone: TIME_ZONE, by: 'reach' });
  for (let offset = 0; offset < rows; offset += CHUNK) {
    fillChunk(offset, order);
    aggregator.addColumns(batch);
    gc?.();
    atEnd = memory() - before;
    if (offset + CHUNK === 1_000_000) atOneMillion = atEnd;
  }
  return { atOneMillion, atEnd, groups: aggregator.groups };
}

console.log(
  `engagement rate by account × local day (${TIME_ZONE}), ${ACCOUNTS} accounts, ${DAYS} days, chunks of ${CHUNK.toLocaleString('en-US')}`,
);
// Warm up the JIT on a few chunks of each order.
pairedRound(4 * CHUNK, 'time');
pairedRound(4 * CHUNK, 'random');

let failed = false;
const spread = (values: number[]) => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;
const verdict = (ratio: number) => `${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'} (target ≥ ${TARGET_RATIO}×)`;
for (const order of ['time', 'random'] as const) {
  const ratios: number[] = [];
  const fairRatios: number[] = [];
  const specialisation: number[] = [];
  const aggregatorMs: number[] = [];
  const plainMs: number[] = [];
  const argumentsMs: number[] = [];
  const resultMs: number[] = [];
  let wrong = 0;
  let groups = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    const run = pairedRound(TOTAL_ROWS, order);
    ratios.push(run.plainMs / run.aggregatorMs);
    fairRatios.push(run.argumentsMs / run.aggregatorMs);
    specialisation.push(run.plainMs / run.argumentsMs);
    aggregatorMs.push(run.aggregatorMs);
    plainMs.push(run.plainMs);
    argumentsMs.push(run.argumentsMs);
    resultMs.push(run.resultMs);
    wrong += mismatches(run.result, run.totals) + mismatches(run.result, run.argumentsTotals);
    groups = run.result.length;
  }
  const took = (values: number[]) => `${mrows(TOTAL_ROWS, median(values))} (${median(values).toFixed(0)} ms)`;
  console.log(
    `${order.padEnd(6)} order, 10M rows: aggregator ${took(aggregatorMs)}, plain loop on module constants ${took(plainMs)}, plain loop on arguments ${took(argumentsMs)}`,
  );
  console.log(
    `${order.padEnd(6)} order ratio, median of ${ROUNDS} paired rounds (spread): vs plain loop on module constants ${median(ratios).toFixed(2)}× (${spread(ratios)}) ${verdict(median(ratios))}; vs plain loop on arguments ${median(fairRatios).toFixed(2)}× (${spread(fairRatios)}) ${verdict(median(fairRatios))}; arguments ÷ module constants ${median(specialisation).toFixed(2)}×`,
  );
  console.log(
    `${order.padEnd(6)} order cross-check: ${groups} groups × ${ROUNDS} rounds × 2 plain loops, ${wrong} mismatches; result() ${median(resultMs).toFixed(0)} ms (not in the ratio)`,
  );
  if (wrong > 0) failed = true;
}

// Fresh arrays for every batch (a reader that allocates per batch): the aggregator's shared
// loops, paired chunk by chunk with the plain loop on arguments reading the same new copy.
{
  const ratios: number[] = [];
  for (const order of ['time', 'random'] as const) {
    for (let round = 0; round < FRESH_ROUNDS; round += 1) {
      reseed(0x1234567);
      const aggregator = createEngagementAggregator({ timeZone: TIME_ZONE, by: 'reach' });
      const totals = plainTotals();
      let aggregatorMs = 0;
      let argumentsMs = 0;
      for (let offset = 0, chunk = 0; offset < TOTAL_ROWS; offset += CHUNK, chunk += 1) {
        fillChunk(offset, order);
        const copy = freshCopy(); // not timed
        gc?.(); // nor the collection of the last copies
        for (const which of chunk % 2 === 0 ? ['aggregator', 'arguments'] : ['arguments', 'aggregator']) {
          const started = process.cpuUsage();
          if (which === 'aggregator') aggregator.addColumns(copy);
          else plainLoopOnArguments(copy, dayStarts, totals, DAYS + 2);
          if (which === 'aggregator') aggregatorMs += cpuMs(started);
          else argumentsMs += cpuMs(started);
        }
      }
      if (mismatches(aggregator.result(), totals) > 0) failed = true;
      ratios.push(argumentsMs / aggregatorMs);
    }
    console.log(
      `${order.padEnd(6)} order, fresh arrays every batch (the shared loops), median of ${FRESH_ROUNDS} paired rounds: vs plain loop on arguments ${median(ratios).toFixed(2)}× (${spread(ratios)}) ${verdict(median(ratios))}`,
    );
    ratios.length = 0;
  }
}

const held = foldMemory(TOTAL_ROWS, 'random');
console.log(
  `memory held by one aggregator (random order): ${mb(held.atEnd)} after 10M rows vs ${mb(held.atOneMillion)} after 1M (${(held.atEnd / Math.max(1, held.atOneMillion)).toFixed(2)}×; ${held.groups} groups)`,
);
if (failed) {
  console.error('FAIL: aggregator and plain-loop totals differ');
  process.exit(1);
}
