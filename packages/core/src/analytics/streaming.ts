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
  // Per account: local day number → group slot. Slots created by the columnar loop are added
  // lazily (`mapped` = slots registered so far), just before the maps are next read.
  const slotsByAccount: Array<Map<number, number>> = [];
  let mapped = 0;
  // Group sums interleaved per slot — [engagements, denominator, rows, used] — so one group's
  // update touches one cache line (rows in random order hit groups at random).
  let capacity = 1024;
  let sums = new Float64Array(capacity * 4);
  let slotAccount = new Int32Array(capacity);
  let slotDay = new Float64Array(capacity);
  let groups = 0;
  // Dense cache (account × day of the zone table) → slot + 1, 0 = not cached. Rebuilt when the
  // day table grows; skipped (Map only) when it would be too large.
  let table = new Int32Array(0);
  let tableVersion = -1;
  let tableStride = 0;
  let tableAccounts = 0;
  const TABLE_LIMIT = 1 << 22; // 16 MB of Int32
  // Scratch for interactions beyond the fused loop's six columns; as large as the largest batch, reused.
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

  const growSlots = (): void => {
    capacity *= 2;
    const grown = new Float64Array(capacity * 4);
    grown.set(sums);
    sums = grown;
    const accountsGrown = new Int32Array(capacity);
    accountsGrown.set(slotAccount);
    slotAccount = accountsGrown;
    const daysGrown = new Float64Array(capacity);
    daysGrown.set(slotDay);
    slotDay = daysGrown;
  };

  const slotFor = (account: number, day: number): number => {
    for (; mapped < groups; mapped += 1) slotsByAccount[slotAccount[mapped]!]!.set(slotDay[mapped]!, mapped);
    const slots = slotsByAccount[account]!;
    let slot = slots.get(day);
    if (slot === undefined) {
      slot = groups;
      groups += 1;
      if (slot >= capacity) growSlots();
      slotAccount[slot] = account;
      slotDay[slot] = day;
      slots.set(day, slot);
      mapped = groups;
      // Keep the dense table complete for the cells it covers (a stale table is refilled on rebuild).
      const offset = day - days.firstEpochDay;
      if (tableStride > 0 && tableVersion === days.version && account < tableAccounts && offset >= 0 && offset < tableStride) {
        table[account * tableStride + offset] = slot + 1;
      }
    }
    return slot;
  };

  /** Makes the dense cache match the day table and the accounts; false when it would be too large. */
  const syncTable = (): boolean => {
    const stride = days.starts.length - 1;
    if (tableVersion === days.version && tableAccounts >= accountNames.length) return tableStride > 0;
    const rows = Math.max(accountNames.length, tableAccounts * 2, 64);
    if (rows * stride > TABLE_LIMIT) {
      tableStride = 0;
      tableVersion = days.version;
      tableAccounts = accountNames.length;
      return false;
    }
    table = new Int32Array(rows * stride);
    tableStride = stride;
    tableVersion = days.version;
    tableAccounts = rows;
    // Refill from every slot known: the table is authoritative for the cells it covers.
    const first = days.firstEpochDay;
    for (let slot = 0; slot < groups; slot += 1) {
      const offset = slotDay[slot]! - first;
      if (offset >= 0 && offset < stride) table[slotAccount[slot]! * stride + offset] = slot + 1;
    }
    return true;
  };

  const addRow = (account: number, at: number, engagement: number, denominator: number): void => {
    const base = slotFor(account, days.dayOf(at)) * 4;
    sums[base + 2]! += 1;
    if (engagement !== engagement || denominator !== denominator) return;
    sums[base]! += engagement;
    sums[base + 1]! += denominator;
    sums[base + 3]! += 1;
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
      if (length === 0) return;
      // Six interaction columns are read in the row loop itself (absent ones padded with an
      // all-NaN column); more go through a scratch pass first.
      if (nanColumn.length < length) nanColumn = new Float64Array(length).fill(NaN);
      const pad = nanColumn;
      const c0 = columns[0] ?? pad;
      const c1 = columns[1] ?? pad;
      const c2 = columns[2] ?? pad;
      const c3 = columns[3] ?? pad;
      const c4 = columns[4] ?? pad;
      const c5 = columns[5] ?? pad;
      const extra = columns.length > 6;
      if (scratchEngagement.length < length) {
        scratchEngagement = new Float64Array(length);
        scratchReported = new Uint8Array(length);
        scratchDenominator = new Float64Array(length);
      }
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
      const extraEngagement = scratchEngagement;
      const extraReported = scratchReported;
      // One denominator column: `views` falling back to `videoViews` row by row, merged once here.
      let denominators: MetricColumn = primary ?? pad;
      if (fallback !== undefined) {
        const merged = scratchDenominator;
        for (let row = 0; row < length; row += 1) {
          const value = primary === undefined ? NaN : primary[row]!;
          merged[row] = value === value ? value : fallback[row]!;
        }
        denominators = merged;
      }
      days.dayOf(times[0]!);

      // The hot loop lives in a plain top-level function (no captured variables, so V8 keeps it
      // tight); it stops at the first row that needs the slow path — a day outside the zone
      // table or a group not yet in the dense cache — which is handled here before resuming.
      const params: FoldParams = {
        times,
        accounts: accountColumn,
        translate,
        starts: days.starts,
        cache: table,
        stride: tableStride,
        cachedAccounts: tableAccounts,
        sums,
        slotAccount,
        slotDay,
        groups,
        capacity,
        firstDay: days.firstEpochDay,
        c0,
        c1,
        c2,
        c3,
        c4,
        c5,
        extra,
        extraEngagement,
        extraReported,
        denominators,
        length,
      };
      const account = (row: number) => translate[accountColumn[row]!]!;
      const refresh = () => {
        const useTable = syncTable();
        params.starts = days.starts;
        params.cache = table;
        params.stride = useTable ? tableStride : 0;
        params.cachedAccounts = useTable ? tableAccounts : 0;
        params.sums = sums;
        params.slotAccount = slotAccount;
        params.slotDay = slotDay;
        params.groups = groups;
        params.capacity = capacity;
        params.firstDay = days.firstEpochDay;
      };
      refresh();
      let row = 0;
      while (row < length) {
        row = foldRows(params, row);
        groups = params.groups; // the loop creates groups in the dense table itself
        if (row >= length) break;
        // Slow path for this row: grow the day table or the slot arrays, or place it without a table.
        const at = times[row]!;
        const starts = params.starts;
        if (!(at >= starts[0]! && at < starts[starts.length - 1]!)) {
          days.dayOf(at);
          refresh();
          continue; // the fast path places it now
        }
        if (groups >= capacity) {
          growSlots();
          refresh();
          continue;
        }
        const slot = slotFor(account(row), days.dayOf(at));
        params.groups = groups;
        params.sums = sums;
        params.slotAccount = slotAccount;
        params.slotDay = slotDay;
        params.capacity = capacity;
        foldOne(params, row, slot);
        row += 1;
      }
    },
    get groups() {
      return groups;
    },
    result() {
      // Sort slots by account name, then day, with numbers (ranks) rather than string compares.
      const rank = new Int32Array(accountNames.length);
      accountNames
        .map((name, index) => [name, index] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .forEach(([, index], position) => {
          rank[index] = position;
        });
      const order = Array.from({ length: groups }, (_, slot) => slot).sort(
        (a, b) => rank[slotAccount[a]!]! - rank[slotAccount[b]!]! || slotDay[a]! - slotDay[b]!,
      );
      return order.map((slot): EngagementGroup => {
        const base = slot * 4;
        const used = sums[base + 3]!;
        return {
          account: accountNames[slotAccount[slot]!]!,
          date: days.label(slotDay[slot]!),
          rows: sums[base + 2]!,
          used,
          engagements: sums[base]!,
          denominator: sums[base + 1]!,
          rate: used === 0 ? null : safeRatio(sums[base]!, sums[base + 1]!),
        };
      });
    },
  };
}

/** What the hot loop reads; refreshed by the aggregator after each slow-path step. */
interface FoldParams {
  times: Float64Array;
  accounts: ColumnarSnapshots['account'];
  translate: Int32Array;
  /** Local-midnight instants of the zone table. */
  starts: Float64Array;
  /** Dense (account × day) → slot + 1; stride 0 = no cache. */
  cache: Int32Array;
  stride: number;
  cachedAccounts: number;
  /** Interleaved [engagements, denominator, rows, used] per slot. */
  sums: Float64Array;
  /** Account and local day number of each slot; `groups` slots used of `capacity`. */
  slotAccount: Int32Array;
  slotDay: Float64Array;
  groups: number;
  capacity: number;
  /** Day number of `starts[0]`. */
  firstDay: number;
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

/** Folds rows from `from` on; returns the first row it could not place (or `length`). */
function foldRows(p: FoldParams, from: number): number {
  const { times, accounts, translate, starts, cache, stride, cachedAccounts, sums, slotAccount, slotDay, capacity, firstDay } = p;
  const { c0, c1, c2, c3, c4, c5, denominators, length } = p;
  let groups = p.groups;
  const { extra, extraEngagement, extraReported } = p;
  const lo = starts[0]!;
  const hi = starts[starts.length - 1]!;
  const span = starts.length - 1;
  if (stride === 0) return from; // no dense cache: every row takes the slow path
  for (let row = from; row < length; row += 1) {
    const at = times[row]!;
    if (!(at >= lo && at < hi)) {
      p.groups = groups;
      return row;
    }
    let day = ((at - lo) / 86_400_000) | 0;
    if (day >= span) day = span - 1;
    while (starts[day]! > at) day -= 1;
    while (starts[day + 1]! <= at) day += 1;
    const account = translate[accounts[row]!]!;
    if (account >= cachedAccounts) {
      p.groups = groups;
      return row;
    }
    const cell = account * stride + day;
    let slot = cache[cell]! - 1;
    if (slot < 0) {
      // A new group: created right here while the slot arrays have room.
      if (groups >= capacity) {
        p.groups = groups;
        return row;
      }
      slot = groups;
      groups += 1;
      slotAccount[slot] = account;
      slotDay[slot] = firstDay + day;
      cache[cell] = slot + 1;
    }
    const base = slot * 4;
    sums[base + 2]! += 1;
    // Six interaction columns, absent ones padded with a shared all-NaN column (no branch on the count).
    let engagement = 0;
    let reported = false;
    let value = c0[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = c1[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = c2[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = c3[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = c4[row]!;
    if (value === value) ((engagement += value), (reported = true));
    value = c5[row]!;
    if (value === value) ((engagement += value), (reported = true));
    if (extra && extraReported[row] === 1) ((engagement += extraEngagement[row]!), (reported = true));
    const denominator = denominators[row]!;
    if (!reported || denominator !== denominator) continue;
    sums[base]! += engagement;
    sums[base + 1]! += denominator;
    sums[base + 3]! += 1;
  }
  p.groups = groups;
  return length;
}

/** Folds one row into a known slot (the path without a dense cache). */
function foldOne(p: FoldParams, row: number, slot: number): void {
  const base = slot * 4;
  p.sums[base + 2]! += 1;
  let engagement = 0;
  let reported = false;
  for (const column of [p.c0, p.c1, p.c2, p.c3, p.c4, p.c5]) {
    const value = column[row]!;
    if (value === value) ((engagement += value), (reported = true));
  }
  if (p.extra && p.extraReported[row] === 1) ((engagement += p.extraEngagement[row]!), (reported = true));
  const denominator = p.denominators[row]!;
  if (!reported || denominator !== denominator) return;
  p.sums[base]! += engagement;
  p.sums[base + 1]! += denominator;
  p.sums[base + 3]! += 1;
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
