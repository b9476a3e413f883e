// Engagement rate by (account, local day) over 10,000,000 snapshots of 1,000 accounts.
//
// Streaming path: `createEngagementAggregator().addColumns()` on columnar batches (typed
// arrays, NaN = absent), generated chunk by chunk into the same arrays so row count does not
// grow memory. Baseline, same process: the naive way — an array of snapshot objects and a
// `reduce` into a Map per group, local day from a cached Intl.DateTimeFormat. The baseline
// runs on fewer rows (it must hold them all in memory) and its throughput is scaled: the
// printed ratio compares rows per second. Target: ≥ 10,000,000 rows/s streaming (PASS/MISS,
// not a hard failure) and peak memory that does not grow from 1M to 10M rows.
//
// Run: npx tsx --expose-gc bench/analytics.bench.ts
import { createEngagementAggregator, type ColumnarSnapshots, type EngagementGroup } from '../packages/core/src/analytics/index.js';
import type { MetricSnapshot } from '../packages/core/src/model/index.js';

const ACCOUNTS = 1_000;
const TOTAL_ROWS = 10_000_000;
const CHUNK = 500_000;
const DAYS = 50; // every chunk covers the same 50 local days (a batch per export), so groups stay 50 × 1,000
const BASELINE_ROWS = 1_000_000;
const TIME_ZONE = 'Europe/Bucharest'; // crosses the 2026-03-29 DST change
const START = Date.parse('2026-02-01T00:00:00Z');
const TARGET = 10_000_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with --expose-gc for steadier memory figures');
const memory = () => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const rate = (rows: number, ms: number) => `${(((rows / ms) * 1000) / 1e6).toFixed(1)} M rows/s`;

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

/** Fills the shared arrays with rows [offset, offset + CHUNK). */
function fillChunk(offset: number): void {
  const { metrics } = batch;
  for (let index = 0; index < CHUNK; index += 1) {
    const row = offset + index;
    const position = (index / CHUNK) * DAYS; // rows of a chunk in time order across the days
    batch.account[index] = row % ACCOUNTS;
    batch.observedAtMs[index] = START + Math.floor(position * 86_400_000);
    const reach = 200 + Math.floor(random() * 2000);
    metrics.reach[index] = row % 50 === 0 ? NaN : reach; // some rows without reach
    metrics.likes[index] = Math.floor(random() * reach * 0.05);
    metrics.comments[index] = Math.floor(random() * 10);
    metrics.shares[index] = Math.floor(random() * 8);
    metrics.quotes[index] = row % 3 === 0 ? NaN : Math.floor(random() * 3); // not every network reports quotes
    metrics.clicks[index] = Math.floor(random() * 20);
  }
}

function runStreaming(rows: number): { ms: number; peak: number; groups: number; result: EngagementGroup[] } {
  seed = 0x9e3779b9;
  gc?.();
  const before = memory();
  let peak = 0;
  let ms = 0;
  const aggregator = createEngagementAggregator({ timeZone: TIME_ZONE, by: 'reach' });
  for (let offset = 0; offset < rows; offset += CHUNK) {
    fillChunk(offset); // generation is not timed
    const started = performance.now();
    aggregator.addColumns(batch);
    ms += performance.now() - started;
    peak = Math.max(peak, memory() - before);
  }
  const started = performance.now();
  const result = aggregator.result();
  ms += performance.now() - started;
  peak = Math.max(peak, memory() - before);
  return { ms, peak, groups: aggregator.groups, result };
}

// The naive baseline: objects shaped like MetricSnapshot, then reduce per group.
function buildObjects(rows: number): MetricSnapshot[] {
  seed = 0x9e3779b9;
  const snapshots: MetricSnapshot[] = [];
  for (let offset = 0; offset < rows; offset += CHUNK) {
    fillChunk(offset);
    for (let index = 0; index < Math.min(CHUNK, rows - offset); index += 1) {
      const metrics: MetricSnapshot['metrics'] = {};
      for (const name of ['likes', 'comments', 'shares', 'quotes', 'clicks', 'reach'] as const) {
        const value = batch.metrics[name][index]!;
        if (!Number.isNaN(value)) metrics[name] = { value, platformName: name };
      }
      snapshots.push({
        subject: { type: 'account', platform: 'bluesky', accountId: `acct-${batch.account[index]}` },
        observedAt: new Date(batch.observedAtMs[index]!).toISOString(),
        metrics,
      });
    }
  }
  return snapshots;
}

function runNaive(snapshots: MetricSnapshot[]): Map<string, { engagements: number; reach: number; rate: number | null }> {
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const interactions = ['likes', 'comments', 'shares', 'quotes', 'saves', 'clicks'] as const;
  const groups = snapshots.reduce((acc, snapshot) => {
    const reach = snapshot.metrics.reach?.value;
    const present = interactions.filter((name) => snapshot.metrics[name] !== undefined);
    const key = `${snapshot.subject.platform}:${snapshot.subject.accountId}|${dayFormat.format(new Date(snapshot.observedAt))}`;
    const group = acc.get(key) ?? { engagements: 0, reach: 0, rate: null as number | null };
    if (reach !== undefined && present.length > 0) {
      group.engagements += present.reduce((sum, name) => sum + snapshot.metrics[name]!.value, 0);
      group.reach += reach;
    }
    acc.set(key, group);
    return acc;
  }, new Map<string, { engagements: number; reach: number; rate: number | null }>());
  for (const group of groups.values()) group.rate = group.reach > 0 ? group.engagements / group.reach : null;
  return groups;
}

console.log(`engagement rate by account × local day (${TIME_ZONE}), ${ACCOUNTS} accounts`);

// Warm up the JIT on one chunk.
runStreaming(CHUNK);

const oneMillion = runStreaming(1_000_000);
const tenMillion = runStreaming(TOTAL_ROWS);
console.log(
  `streaming columnar  1M rows: ${rate(1_000_000, oneMillion.ms)} (${oneMillion.ms.toFixed(0)} ms), ${oneMillion.groups} groups, peak +${mb(oneMillion.peak)}`,
);
console.log(
  `streaming columnar 10M rows: ${rate(TOTAL_ROWS, tenMillion.ms)} (${tenMillion.ms.toFixed(0)} ms), ${tenMillion.groups} groups, peak +${mb(tenMillion.peak)}`,
);

const objects = buildObjects(BASELINE_ROWS);
gc?.();
runNaive(objects.slice(0, 50_000)); // warm-up
const naiveStarted = performance.now();
const naive = runNaive(objects);
const naiveMs = performance.now() - naiveStarted;
const naiveObjectsMemory = memory();
console.log(
  `naive objects+reduce ${(BASELINE_ROWS / 1e6).toFixed(0)}M rows: ${rate(BASELINE_ROWS, naiveMs)} (${naiveMs.toFixed(0)} ms; ≈ ${((naiveMs * TOTAL_ROWS) / BASELINE_ROWS / 1000).toFixed(1)} s scaled to 10M), holds every row: heap+buffers ${mb(naiveObjectsMemory)}`,
);

// Same answer on the rows both saw.
const check = runStreaming(BASELINE_ROWS).result;
let mismatches = 0;
for (const group of check) {
  const other = naive.get(`${group.account}|${group.date}`);
  if (!other || (group.rate === null ? other.rate !== null : Math.abs(group.rate - (other.rate ?? NaN)) > 1e-12)) mismatches += 1;
}
console.log(`cross-check on ${BASELINE_ROWS.toLocaleString('en-US')} rows: ${check.length} groups, ${mismatches} mismatches`);

const streamingRate = (TOTAL_ROWS / tenMillion.ms) * 1000;
const naiveRate = (BASELINE_ROWS / naiveMs) * 1000;
console.log(`ratio streaming / naive: ${(streamingRate / naiveRate).toFixed(1)}×`);
console.log(
  `memory 10M vs 1M rows: ${mb(tenMillion.peak)} vs ${mb(oneMillion.peak)} (${(tenMillion.peak / Math.max(1, oneMillion.peak)).toFixed(2)}×; groups ${tenMillion.groups} vs ${oneMillion.groups})`,
);
console.log(
  `${streamingRate >= TARGET ? 'PASS' : 'MISS'}: streaming ${(streamingRate / 1e6).toFixed(1)} M rows/s (target ≥ ${TARGET / 1e6} M rows/s)`,
);
if (mismatches > 0) {
  console.error('FAIL: streaming and naive results differ');
  process.exit(1);
}
