// Engagement rate by (account, local day) over 10,000,000 rows of 1,000 accounts.
//
// Streaming path: `createEngagementAggregator().addColumns()` on columnar batches (typed
// arrays, NaN = absent), generated chunk by chunk into the same arrays so row count does not
// grow memory. Baseline, same process and same chunks: a plain typed-array loop written for
// this data — local-day table precomputed for the known days, a dense account × day grid,
// one pass per row — computing the same totals (Σ engagements, Σ reach, rows, rows used).
// Both run with rows in time order and in random order. Target: aggregator ≥ 0.9× the plain
// loop in both orders (PASS/MISS, not a hard failure), and peak memory that does not grow
// from 1M to 10M rows. The totals are cross-checked group by group. Timed: `addColumns` vs.
// the loop (best of 3, alternating which goes first); `result()` is printed apart.
//
// Run: npx tsx --expose-gc bench/analytics.bench.ts
import {
  calendarBuckets,
  createEngagementAggregator,
  type ColumnarSnapshots,
  type EngagementGroup,
} from '../packages/core/src/analytics/index.js';

const ACCOUNTS = 1_000;
const TOTAL_ROWS = 10_000_000;
const CHUNK = 500_000;
const DAYS = 50; // every chunk covers the same 50 local days (a batch per export), so groups stay 50 × 1,000
const TIME_ZONE = 'Europe/Bucharest'; // crosses the 2026-03-29 DST change
const START = Date.parse('2026-02-01T00:00:00Z');
const TARGET_RATIO = 0.9;
const ROUNDS = 3; // best of, per order and path

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with --expose-gc for steadier memory figures');
const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const mrows = (rows: number, ms: number) => `${(((rows / ms) * 1000) / 1e6).toFixed(1)} M rows/s`;

// Deterministic values: a tiny xorshift so every run sees the same data.
let seed = 0x9e3779b9;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4_294_967_296;
};

const accounts = Array.from({ length: ACCOUNTS }, (_, index) => `bluesky:acct-${index}`);
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
    metrics.quotes[at] = row % 3 === 0 ? NaN : Math.floor(random() * 3); // not every network reports quotes
    metrics.clicks[at] = Math.floor(random() * 20);
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

interface Run {
  ms: number;
  peak: number;
}

function runAggregator(rows: number, order: 'time' | 'random'): Run & { result: EngagementGroup[]; groups: number; resultMs: number } {
  seed = 0x1234567;
  gc?.();
  const before = memory();
  let peak = 0;
  let ms = 0;
  const aggregator = createEngagementAggregator({ timeZone: TIME_ZONE, by: 'reach' });
  for (let offset = 0; offset < rows; offset += CHUNK) {
    fillChunk(offset, order); // generation is not timed
    const started = performance.now();
    aggregator.addColumns(batch);
    ms += performance.now() - started;
    peak = Math.max(peak, memory() - before);
  }
  // Reading the groups out (objects, labels, sorting) is timed apart: the ratio compares the
  // streaming fold with the plain loop, which leaves its totals in arrays.
  const started = performance.now();
  const result = aggregator.result();
  const resultMs = performance.now() - started;
  peak = Math.max(peak, memory() - before);
  return { ms, resultMs, peak, result, groups: aggregator.groups };
}

function runPlain(rows: number, order: 'time' | 'random'): Run & { totals: PlainTotals } {
  seed = 0x1234567;
  gc?.();
  const before = memory();
  let peak = 0;
  let ms = 0;
  const totals = plainTotals();
  for (let offset = 0; offset < rows; offset += CHUNK) {
    fillChunk(offset, order);
    const started = performance.now();
    plainLoop(totals);
    ms += performance.now() - started;
    peak = Math.max(peak, memory() - before);
  }
  return { ms, peak, totals };
}

console.log(
  `engagement rate by account × local day (${TIME_ZONE}), ${ACCOUNTS} accounts, ${DAYS} days, chunks of ${CHUNK.toLocaleString('en-US')}`,
);
// Warm up the JIT on a few chunks of each.
runAggregator(4 * CHUNK, 'time');
runPlain(4 * CHUNK, 'time');
runAggregator(4 * CHUNK, 'random');
runPlain(4 * CHUNK, 'random');

let failed = false;
for (const order of ['time', 'random'] as const) {
  let best = { aggregator: Infinity, plain: Infinity };
  let last: ReturnType<typeof runAggregator> | undefined;
  let plain: ReturnType<typeof runPlain> | undefined;
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate which runs first so neither always gets the warmer machine.
    if (round % 2 === 0) {
      last = runAggregator(TOTAL_ROWS, order);
      plain = runPlain(TOTAL_ROWS, order);
    } else {
      plain = runPlain(TOTAL_ROWS, order);
      last = runAggregator(TOTAL_ROWS, order);
    }
    best = { aggregator: Math.min(best.aggregator, last.ms), plain: Math.min(best.plain, plain.ms) };
  }
  const ratio = best.plain / best.aggregator; // throughput ratio: aggregator rows/s ÷ plain rows/s
  console.log(
    `${order.padEnd(6)} order, 10M rows: aggregator ${mrows(TOTAL_ROWS, best.aggregator)} (${best.aggregator.toFixed(0)} ms), plain loop ${mrows(TOTAL_ROWS, best.plain)} (${best.plain.toFixed(0)} ms) → ratio ${ratio.toFixed(2)}× ${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'} (target ≥ ${TARGET_RATIO}×)`,
  );
  // Cross-check every group's totals.
  let mismatches = 0;
  const stride = DAYS + 2;
  for (const group of last!.result) {
    const accountIndex = Number(group.account.slice('bluesky:acct-'.length));
    const cell = accountIndex * stride + dayLabels.indexOf(group.date);
    const t = plain!.totals;
    if (
      t.rows[cell] !== group.rows ||
      t.used[cell] !== group.used ||
      t.engagements[cell] !== group.engagements ||
      t.denominator[cell] !== group.denominator
    )
      mismatches += 1;
  }
  console.log(
    `${order.padEnd(6)} order cross-check: ${last!.result.length} groups, ${mismatches} mismatches; result() ${last!.resultMs.toFixed(0)} ms (not in the ratio)`,
  );
  if (mismatches > 0) failed = true;
}

const oneMillion = runAggregator(1_000_000, 'random');
const tenMillion = runAggregator(TOTAL_ROWS, 'random');
console.log(
  `memory 10M vs 1M rows (aggregator, random order): ${mb(tenMillion.peak)} vs ${mb(oneMillion.peak)} (${(tenMillion.peak / Math.max(1, oneMillion.peak)).toFixed(2)}×; groups ${tenMillion.groups} vs ${oneMillion.groups})`,
);
if (failed) {
  console.error('FAIL: aggregator and plain-loop totals differ');
  process.exit(1);
}
