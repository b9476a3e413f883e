import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { TimeZoneSchema, parseWithSchema } from '../model/index.js';
import { InstantRangeSchema } from './instant-range.js';
import { wallTimeToMs } from './local-time.js';
import { Recurrence } from './recurrence.js';
import {
  SlotRuleSchema,
  WEEKDAYS,
  parseWeeklySlots,
  rruleBody,
  rruleUntilMs,
  wallToUtcZoned,
  type SlotRule,
  type SlotRuleInput,
} from './slot-rules.js';

const DAY_MS = 86_400_000;
/** Slots are expanded and cached in UTC-aligned chunks of this length. */
const CHUNK_MS = 7 * DAY_MS;
/** Wall-clock margin around a chunk: covers every UTC offset (−12:00…+14:00) with room to spare. */
const MARGIN_MS = 2 * DAY_MS;

/**
 * Slots of one chunk: instants (epoch ms, ascending) and each one's local day (days since
 * 1970-01-01 in the account's zone). @internal
 */
export interface SlotChunk {
  readonly ms: readonly number[];
  readonly days: readonly number[];
  /** `ms` as ISO strings, made once per chunk and shared by every account using it. */
  readonly iso: readonly string[];
}

// Wall-clock times are handled as "the same fields read in UTC" (epoch ms of the wall
// reading): UTC has no DST, so day and weekday arithmetic on them is plain calendar
// arithmetic. Only the step from wall time to instant involves the zone, and that is
// always Temporal's.

function wallMsToPlain(wall: number): Temporal.PlainDateTime {
  return Temporal.Instant.fromEpochMilliseconds(wall).toZonedDateTimeISO('UTC').toPlainDateTime();
}

/** A wall time (wall ms) as an instant in `zone`, by the DST rule of {@link wallTimeToMs}. */
function wallToInstant(wall: number, zone: string): number {
  return wallTimeToMs(wallMsToPlain(wall), zone);
}

function parseTime(time: string): number {
  return (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000;
}

function wallsOfWeekly(rule: Extract<SlotRule, { kind: 'weekly' }>, from: number, to: number, out: number[]): void {
  const isoDays = new Set(rule.days.map((day) => WEEKDAYS.indexOf(day) + 1));
  const times = rule.times.map(parseTime);
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day += 1) {
    const isoDay = ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
    if (!isoDays.has(isoDay)) continue;
    for (const time of times) {
      const wall = day * DAY_MS + time;
      if (wall >= from && wall < to) out.push(wall, Infinity);
    }
  }
}

const recurrences = new WeakMap<SlotRule, Recurrence>();

function wallsOfRecurrence(rule: Extract<SlotRule, { kind: 'rrule' }>, from: number, to: number, out: number[]): void {
  // The rule runs on wall times (read as UTC), so it yields every wall-clock time it names,
  // those in a DST gap of the account's zone too; the DST rule above places them.
  // UNTIL is an instant: it is left out here and applied once the zone gives each wall time
  // its instant (comparing it with wall times read as UTC is off by the zone's offset).
  let recurrence = recurrences.get(rule);
  if (recurrence === undefined) {
    recurrence = new Recurrence(rruleBody(rule), rule.start);
    recurrences.set(rule, recurrence);
  }
  const until = rruleUntilMs(rule);
  const excluded = new Set(rule.exdates.map((wall) => wallToUtcZoned(wall).epochMilliseconds));
  for (const wall of recurrence.walls(from, to)) {
    if (!excluded.has(wall)) out.push(wall, until);
  }
  for (const rdate of rule.rdates) {
    const wall = wallToUtcZoned(rdate).epochMilliseconds;
    // RDATEs are not bounded by UNTIL (RFC 5545: the set is RRULE ∪ RDATE − EXDATE).
    if (wall >= from && wall < to && !excluded.has(wall)) out.push(wall, Infinity);
  }
}

/**
 * Sorted, de-duplicated wall times the rules name in `[from, to)` (wall ms), each with the
 * latest instant it may take (its rule's UNTIL, else Infinity). Zone-free. The rules append
 * flat pairs `wall, until` to one array while collecting.
 */
function wallsOf(rules: readonly SlotRule[], from: number, to: number): { walls: number[]; until: number[] } {
  const collected: number[] = [];
  for (const rule of rules) {
    if (rule.kind === 'weekly') wallsOfWeekly(rule, from, to, collected);
    else wallsOfRecurrence(rule, from, to, collected);
  }
  const order: number[] = [];
  for (let i = 0; i < collected.length; i += 2) order.push(i);
  order.sort((a, b) => collected[a]! - collected[b]!);
  const walls: number[] = [];
  const until: number[] = [];
  for (const i of order) {
    const wall = collected[i]!;
    const bound = collected[i + 1]!;
    // A wall time named by two rules stays if either rule allows it.
    if (walls.length > 0 && walls[walls.length - 1] === wall) until[until.length - 1] = Math.max(until[until.length - 1]!, bound);
    else {
      walls.push(wall);
      until.push(bound);
    }
  }
  return { walls, until };
}

/**
 * The zone's offset (ms) if it is the same over all of `[from, to)`, else `null`. Transitions
 * come from Temporal (`getTimeZoneTransition`), never from hand-written tables.
 */
function steadyOffset(zone: string, from: number, to: number): number | null {
  const start = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(zone);
  const next = start.getTimeZoneTransition('next');
  if (next !== null && next.epochMilliseconds < to) return null;
  return start.offsetNanoseconds / 1e6;
}

function expandChunk(named: { walls: readonly number[]; until: readonly number[] }, zone: string, from: number, to: number): SlotChunk {
  const { walls, until } = named;
  // Most weeks have no DST change: then every wall time is one subtraction away from its
  // instant. Weeks with a change take Temporal's exact path for each slot.
  const offset = steadyOffset(zone, from - MARGIN_MS, to + MARGIN_MS);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < walls.length; i += 1) {
    const wall = walls[i]!;
    const instant = offset === null ? wallToInstant(wall, zone) : wall - offset;
    if (instant >= from && instant < to && instant <= until[i]!) pairs.push([instant, Math.floor(wall / DAY_MS)]);
  }
  if (offset === null) pairs.sort((a, b) => a[0] - b[0]);
  const ms: number[] = [];
  const days: number[] = [];
  for (const [instant, day] of pairs) {
    // Two wall times can meet at one instant (a gap time moved onto an existing one): one slot.
    if (ms.length > 0 && ms[ms.length - 1] === instant) continue;
    ms.push(instant);
    days.push(day);
  }
  return { ms, days, iso: ms.map((instant) => new Date(instant).toISOString()) };
}

/**
 * Expands slot rules in a zone, chunk by chunk, caching wall times per rule set (zone-free)
 * and instants per (zone, rule set): ten thousand accounts that share a zone and a rule set
 * share one expansion. @internal
 */
export class SlotExpander {
  private readonly walls = new Map<string, { walls: number[]; until: number[] }>();
  // Two levels so the hot path hashes one long key per call, not one per chunk.
  private readonly chunks = new Map<string, Map<string, Map<number, SlotChunk>>>();
  private size = 0;

  constructor(private readonly maxChunks = 200_000) {}

  chunk(rulesKey: string, rules: readonly SlotRule[], zone: string, index: number, byIndex = this.chunksOf(rulesKey, zone)): SlotChunk {
    let chunk = byIndex.get(index);
    if (chunk === undefined) {
      if (this.size >= this.maxChunks) {
        this.chunks.clear();
        this.walls.clear();
        this.size = 0;
      }
      this.size += 1;
      const wallKey = `${rulesKey}\u0000${index}`;
      let walls = this.walls.get(wallKey);
      if (walls === undefined) {
        walls = wallsOf(rules, index * CHUNK_MS - MARGIN_MS, (index + 1) * CHUNK_MS + MARGIN_MS);
        this.walls.set(wallKey, walls);
      }
      chunk = expandChunk(walls, zone, index * CHUNK_MS, (index + 1) * CHUNK_MS);
      byIndex.set(index, chunk);
    }
    return chunk;
  }

  private chunksOf(rulesKey: string, zone: string): Map<number, SlotChunk> {
    // Callers pass the same rulesKey string object each time, so its hash is cached.
    let byZone = this.chunks.get(rulesKey);
    if (byZone === undefined) this.chunks.set(rulesKey, (byZone = new Map()));
    let byIndex = byZone.get(zone);
    if (byIndex === undefined) byZone.set(zone, (byIndex = new Map()));
    return byIndex;
  }

  /**
   * Calls `visit(ms, day)` for each slot at or after `from` and before `until`, ascending,
   * until it returns `false`. A callback rather than a generator: this is the hot loop of
   * bulk queue filling.
   */
  forEach(
    rulesKey: string,
    rules: readonly SlotRule[],
    zone: string,
    from: number,
    until: number,
    visit: (ms: number, day: number, iso: string) => boolean,
  ): void {
    const byIndex = this.chunksOf(rulesKey, zone);
    for (let index = Math.floor(from / CHUNK_MS); index * CHUNK_MS < until; index += 1) {
      const chunk = this.chunk(rulesKey, rules, zone, index, byIndex);
      const ms = chunk.ms;
      let i = 0;
      if (index * CHUNK_MS < from) {
        let high = ms.length;
        while (i < high) {
          const mid = (i + high) >> 1;
          if (ms[mid]! < from) i = mid + 1;
          else high = mid;
        }
      }
      for (; i < ms.length; i += 1) {
        if (ms[i]! >= until) return;
        if (!visit(ms[i]!, chunk.days[i]!, chunk.iso[i]!)) return;
      }
    }
  }
}

/**
 * Every slot the rules produce in `zone` between `from` (inclusive) and `to` (exclusive), as
 * ISO-8601 UTC instants. Wall-clock times are kept across DST; a time in a spring-forward gap
 * moves forward by the gap, a time in a fall-back overlap takes the earlier instant.
 *
 * @throws ValidationError for bad rules, zone or instants, or `to` before `from`.
 * @example
 * ```ts
 * expandSlots('Mon 10:00', 'Europe/Bucharest', '2026-03-23T00:00:00Z', '2026-04-06T00:00:00Z');
 * // ['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z']
 * ```
 */
export function expandSlots(rules: readonly SlotRuleInput[] | string, zone: string, from: string, to: string): string[] {
  const parsed = typeof rules === 'string' ? parseWeeklySlots(rules) : parseWithSchema(z.array(SlotRuleSchema), rules, 'slot rules');
  const bounds = parseWithSchema(z.object({ zone: TimeZoneSchema }).and(InstantRangeSchema), { zone, from, to }, 'expandSlots arguments');
  const out: string[] = [];
  new SlotExpander().forEach(JSON.stringify(parsed), parsed, bounds.zone, Date.parse(from), Date.parse(to), (_ms, _day, iso) => {
    out.push(iso);
    return true;
  });
  return out;
}

/** The local day (days since 1970-01-01 in `zone`) of an instant. @internal */
export function localDayOf(ms: number, zone: string): number {
  const offset = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
  return Math.floor((ms + offset) / DAY_MS);
}

/** A local day number as YYYY-MM-DD. @internal */
export function formatLocalDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
