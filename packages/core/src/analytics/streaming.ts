import { z } from 'zod';
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
  // Per account: the last (day, slot) seen, so runs of rows skip the map.
  let lastDay = new Float64Array(64).fill(NaN);
  let lastSlot = new Int32Array(64);
  // Per account: local day number → group slot (small integer keys hash fast).
  const slotsByAccount: Array<Map<number, number>> = [];
  let capacity = 1024;
  let engagementSums = new Float64Array(capacity);
  let denominatorSums = new Float64Array(capacity);
  let rowCounts = new Float64Array(capacity);
  let usedCounts = new Float64Array(capacity);
  let slotAccount = new Int32Array(capacity);
  let slotDay = new Float64Array(capacity);
  let groups = 0;
  // Per-row engagement of the current batch; as large as the largest batch, reused.
  let scratchEngagement = new Float64Array(0);
  let scratchReported = new Uint8Array(0);

  const internAccount = (name: string): number => {
    let index = accountIndex.get(name);
    if (index !== undefined) return index;
    index = accountNames.length;
    accountNames.push(name);
    slotsByAccount.push(new Map());
    accountIndex.set(name, index);
    if (index >= lastDay.length) {
      const day = new Float64Array(lastDay.length * 2).fill(NaN);
      day.set(lastDay);
      const slot = new Int32Array(lastSlot.length * 2);
      slot.set(lastSlot);
      lastDay = day;
      lastSlot = slot;
    }
    return index;
  };

  const grow = (): void => {
    capacity *= 2;
    const copy = <T extends Float64Array | Int32Array>(array: T, next: T): T => {
      next.set(array);
      return next;
    };
    engagementSums = copy(engagementSums, new Float64Array(capacity));
    denominatorSums = copy(denominatorSums, new Float64Array(capacity));
    rowCounts = copy(rowCounts, new Float64Array(capacity));
    usedCounts = copy(usedCounts, new Float64Array(capacity));
    slotAccount = copy(slotAccount, new Int32Array(capacity));
    slotDay = copy(slotDay, new Float64Array(capacity));
  };

  const slotFor = (account: number, day: number): number => {
    if (lastDay[account] === day) return lastSlot[account]!;
    const slots = slotsByAccount[account]!;
    let slot = slots.get(day);
    if (slot === undefined) {
      slot = groups;
      groups += 1;
      if (slot >= capacity) grow();
      slotAccount[slot] = account;
      slotDay[slot] = day;
      slots.set(day, slot);
    }
    lastDay[account] = day;
    lastSlot[account] = slot;
    return slot;
  };

  const addRow = (account: number, at: number, engagement: number, denominator: number): void => {
    const slot = slotFor(account, days.dayOf(at));
    rowCounts[slot]! += 1;
    if (engagement !== engagement || denominator !== denominator) return;
    engagementSums[slot]! += engagement;
    denominatorSums[slot]! += denominator;
    usedCounts[slot]! += 1;
  };

  return {
    add(snapshot) {
      const account = internAccount(`${snapshot.subject.platform}:${snapshot.subject.accountId}`);
      const at = Date.parse(snapshot.window?.start ?? snapshot.observedAt);
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
      const translate = new Int32Array(batch.accounts.length);
      batch.accounts.forEach((name, index) => {
        translate[index] = internAccount(name);
      });
      const columns = interactions.map((name) => batch.metrics[name]).filter((column): column is MetricColumn => column !== undefined);
      const primary = batch.metrics[by === 'views' ? 'views' : by];
      const fallback = by === 'views' ? batch.metrics.videoViews : undefined;
      const accountColumn = batch.account;
      const times = batch.observedAtMs;
      const length = batch.length;
      // Column by column first (tight loops over one array each), then one pass by row.
      if (scratchEngagement.length < length) {
        scratchEngagement = new Float64Array(length);
        scratchReported = new Uint8Array(length);
      }
      const rowEngagement = scratchEngagement;
      const rowReported = scratchReported;
      rowEngagement.fill(0, 0, length);
      rowReported.fill(0, 0, length);
      for (const column of columns) {
        for (let row = 0; row < length; row += 1) {
          const value = column[row]!;
          if (value === value) {
            rowEngagement[row]! += value;
            rowReported[row] = 1;
          }
        }
      }
      // Hot loop: everything it touches is a local, refreshed only on the rare new-group path.
      let engagementsLocal = engagementSums;
      let denominatorsLocal = denominatorSums;
      let rowsLocal = rowCounts;
      let usedLocal = usedCounts;
      let lastDayLocal = lastDay;
      let lastSlotLocal = lastSlot;
      let dayStart = days.lastStart;
      let dayEnd = days.lastEnd;
      let currentDay = days.lastDay;
      for (let row = 0; row < length; row += 1) {
        const at = times[row]!;
        if (!(at >= dayStart && at < dayEnd)) {
          currentDay = days.dayOf(at);
          dayStart = days.lastStart;
          dayEnd = days.lastEnd;
        }
        const account = translate[accountColumn[row]!]!;
        let slot: number;
        if (lastDayLocal[account] === currentDay) slot = lastSlotLocal[account]!;
        else {
          slot = slotFor(account, currentDay);
          engagementsLocal = engagementSums;
          denominatorsLocal = denominatorSums;
          rowsLocal = rowCounts;
          usedLocal = usedCounts;
          lastDayLocal = lastDay;
          lastSlotLocal = lastSlot;
        }
        rowsLocal[slot]! += 1;
        let denominator = primary === undefined ? NaN : primary[row]!;
        if (denominator !== denominator && fallback !== undefined) denominator = fallback[row]!;
        if (denominator !== denominator || rowReported[row] === 0) continue;
        engagementsLocal[slot]! += rowEngagement[row]!;
        denominatorsLocal[slot]! += denominator;
        usedLocal[slot]! += 1;
      }
    },
    get groups() {
      return groups;
    },
    result() {
      const rows: EngagementGroup[] = [];
      for (let slot = 0; slot < groups; slot += 1) {
        const used = usedCounts[slot]!;
        rows.push({
          account: accountNames[slotAccount[slot]!]!,
          date: days.label(slotDay[slot]!),
          rows: rowCounts[slot]!,
          used,
          engagements: engagementSums[slot]!,
          denominator: denominatorSums[slot]!,
          rate: used === 0 ? null : safeRatio(engagementSums[slot]!, denominatorSums[slot]!),
        });
      }
      return rows.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    },
  };
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
