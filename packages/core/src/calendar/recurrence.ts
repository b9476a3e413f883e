import type { ValidationIssue } from '../errors/index.js';
import { RRULE_WEEKDAYS, rruleParts } from './rrule-parts.js';

// RFC 5545 §3.3.10 recurrence expansion, in wall-clock time read as UTC (no DST here: the
// zone places each wall time later). It follows python-dateutil's `rrule`, the reference
// our differential fixtures come from, where RFC 5545 leaves room:
// - the BY… parts of a period are intersected (a day must pass every one), so
//   `FREQ=YEARLY;BYYEARDAY=60;BYMONTHDAY=1` is 1 March only in non-leap years;
// - BYWEEKNO without BYDAY names every day of those weeks;
// - DTSTART is an occurrence only when it matches the rule, and COUNT counts from it;
// - BYSETPOS picks among the (day × time) instances of each period, days before DTSTART
//   included (then dropped), and the first WEEKLY period starts on DTSTART's day.
// rrule-temporal (used before) unions YEARLY's BY parts instead, and rrule.js sorts and
// positions differently; both disagreed with python-dateutil on random rules.

const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;
const YEARLY = 0;
const MONTHLY = 1;
const WEEKLY = 2;
const DAILY = 3;
const HOURLY = 4;
const MINUTELY = 5;
const SECONDLY = 6;
const DAY_S = 86_400;

/** A checked RRULE, ready to expand. */
interface Rule {
  freq: number;
  interval: number;
  count: number | null;
  wkst: number;
  /** DTSTART, wall seconds since 1970-01-01 read as UTC. */
  start: number;
  bymonth: Set<number> | null;
  byweekno: number[] | null;
  byyearday: Set<number> | null;
  bymonthday: Set<number>;
  bynmonthday: Set<number>;
  byweekday: Set<number> | null;
  bynweekday: Array<[weekday: number, n: number]> | null;
  byhour: Set<number> | null;
  byminute: Set<number> | null;
  bysecond: Set<number> | null;
  bysetpos: number[] | null;
  /** Seconds into the day of each instance, ascending (YEARLY … DAILY). */
  timeset: number[];
  /** Seconds into an hour (HOURLY) or a minute (MINUTELY) of each instance, ascending. */
  subset: number[];
}

const numbers = (value: string | undefined): number[] | null => (value === undefined ? null : value.split(',').map(Number));
const sorted = (values: Iterable<number>): number[] => [...new Set(values)].sort((a, b) => a - b);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const floorMod = (a: number, b: number): number => ((a % b) + b) % b;

interface CivilDate {
  year: number;
  month: number;
  mday: number;
}

function civil(day: number): CivilDate {
  const date = new Date(day * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, mday: date.getUTCDate() };
}
const dayOf = (year: number, month: number, mday: number): number => Date.UTC(year, month - 1, mday) / 86_400_000;
const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Monday = 0; 1970-01-01 (day 0) was a Thursday. */
const weekdayOf = (day: number): number => floorMod(day + 3, 7);

function parseRule(body: string, startWall: string): Rule {
  const parts = rruleParts(body);
  const freq = FREQS.indexOf(parts.get('FREQ')!.toUpperCase() as (typeof FREQS)[number]);
  const start = Date.parse(`${startWall.length === 16 ? `${startWall}:00` : startWall}Z`) / 1000;
  const startDay = Math.floor(start / DAY_S);
  const startDate = civil(startDay);
  const startSeconds = start - startDay * DAY_S;
  const startHour = Math.floor(startSeconds / 3600);
  const startMinute = Math.floor(startSeconds / 60) % 60;
  const startSecond = startSeconds % 60;

  let bymonth = numbers(parts.get('BYMONTH'));
  let monthdays = numbers(parts.get('BYMONTHDAY'));
  let byday = parts.get('BYDAY')?.toUpperCase().split(',') ?? null;
  const byweekno = numbers(parts.get('BYWEEKNO'));
  const byyearday = numbers(parts.get('BYYEARDAY'));
  // RFC 5545: what the rule does not say is taken from DTSTART.
  if (byweekno === null && byyearday === null && monthdays === null && byday === null) {
    if (freq === YEARLY) {
      bymonth ??= [startDate.month];
      monthdays = [startDate.mday];
    } else if (freq === MONTHLY) monthdays = [startDate.mday];
    else if (freq === WEEKLY) byday = [RRULE_WEEKDAYS[weekdayOf(startDay)]!];
  }
  let byweekday: Set<number> | null = null;
  let bynweekday: Array<[number, number]> | null = null;
  for (const item of byday ?? []) {
    const weekday = RRULE_WEEKDAYS.indexOf(item.slice(-2) as (typeof RRULE_WEEKDAYS)[number]);
    const n = item.length > 2 ? Number(item.slice(0, -2)) : 0;
    // A position counts only within a month or a year; elsewhere the weekday alone counts.
    if (n === 0 || freq > MONTHLY) (byweekday ??= new Set()).add(weekday);
    else (bynweekday ??= []).push([weekday, n]);
  }
  const byhour = numbers(parts.get('BYHOUR')) ?? (freq < HOURLY ? [startHour] : null);
  const byminute = numbers(parts.get('BYMINUTE')) ?? (freq < MINUTELY ? [startMinute] : null);
  const bysecond = numbers(parts.get('BYSECOND')) ?? (freq < SECONDLY ? [startSecond] : null);
  const timeset: number[] = [];
  const subset: number[] = [];
  if (freq < HOURLY) for (const h of byhour!) for (const m of byminute!) for (const s of bysecond!) timeset.push(h * 3600 + m * 60 + s);
  else if (freq === HOURLY) for (const m of byminute!) for (const s of bysecond!) subset.push(m * 60 + s);
  else if (freq === MINUTELY) subset.push(...bysecond!);
  return {
    freq,
    interval: Number(parts.get('INTERVAL') ?? 1),
    count: parts.has('COUNT') ? Number(parts.get('COUNT')) : null,
    wkst: RRULE_WEEKDAYS.indexOf((parts.get('WKST') ?? 'MO').toUpperCase() as (typeof RRULE_WEEKDAYS)[number]),
    start,
    bymonth: bymonth === null ? null : new Set(bymonth),
    byweekno,
    byyearday: byyearday === null ? null : new Set(byyearday),
    bymonthday: new Set((monthdays ?? []).filter((n) => n > 0)),
    bynmonthday: new Set((monthdays ?? []).filter((n) => n < 0)),
    byweekday,
    bynweekday,
    byhour: byhour === null ? null : new Set(byhour),
    byminute: byminute === null ? null : new Set(byminute),
    bysecond: bysecond === null ? null : new Set(bysecond),
    bysetpos: numbers(parts.get('BYSETPOS')),
    timeset: sorted(timeset),
    subset: sorted(subset),
  };
}

/**
 * The days of `year` (index 0 = 1 January, up to 7 days into the next year) in the weeks
 * BYWEEKNO names, with WKST as the first day of the week and week 1 the first with at least
 * 4 days in the year (ISO 8601 when WKST is Monday) — python-dateutil's computation, its
 * handling of week 1 of the next year and the last week of the previous one included.
 */
function weekNumberMask(year: number, rule: Rule): Uint8Array {
  const byweekno = rule.byweekno!;
  const wkst = rule.wkst;
  const yearLen = isLeap(year) ? 366 : 365;
  const firstDay = dayOf(year, 1, 1);
  const yearWeekday = weekdayOf(firstDay);
  const mask = new Uint8Array(yearLen + 7);
  const weekdayAt = (i: number) => floorMod(yearWeekday + i, 7);
  const firstWkst = floorMod(7 - yearWeekday + wkst, 7);
  let no1wkst = firstWkst;
  let weekYearLen: number;
  if (no1wkst >= 4) {
    no1wkst = 0;
    weekYearLen = yearLen + floorMod(yearWeekday - wkst, 7);
  } else weekYearLen = yearLen - no1wkst;
  const weeks = Math.floor(weekYearLen / 7) + Math.floor((weekYearLen % 7) / 4);
  const markWeek = (from: number) => {
    let i = from;
    for (let j = 0; j < 7; j += 1) {
      mask[i] = 1;
      i += 1;
      if (weekdayAt(i) === wkst) break;
    }
  };
  for (const number of byweekno) {
    const n = number < 0 ? number + weeks + 1 : number;
    if (!(n > 0 && n <= weeks)) continue;
    let i = no1wkst;
    if (n > 1) {
      i = no1wkst + (n - 1) * 7;
      if (no1wkst !== firstWkst) i -= 7 - firstWkst;
    }
    markWeek(i);
  }
  if (byweekno.includes(1)) {
    // Week 1 of the next year may start in this one.
    let i = no1wkst + weeks * 7;
    if (no1wkst !== firstWkst) i -= 7 - firstWkst;
    if (i < yearLen) markWeek(i);
  }
  if (no1wkst !== 0) {
    // The first days of the year may belong to the previous year's last week.
    let lastWeeks: number;
    if (byweekno.includes(-1)) lastWeeks = -1;
    else {
      const lastYearWeekday = weekdayOf(dayOf(year - 1, 1, 1));
      const lastYearLen = isLeap(year - 1) ? 366 : 365;
      const lastNo1wkst = floorMod(7 - lastYearWeekday + wkst, 7);
      lastWeeks =
        lastNo1wkst >= 4
          ? 52 + Math.floor(((lastYearLen + floorMod(lastYearWeekday - wkst, 7)) % 7) / 4)
          : 52 + Math.floor(((yearLen - no1wkst) % 7) / 4); // (python-dateutil reads this year's length here)
    }
    if (byweekno.includes(lastWeeks)) for (let i = 0; i < no1wkst; i += 1) mask[i] = 1;
  }
  return mask;
}

/** Days (epoch day numbers) the positioned weekdays (`2MO`, `-1FR`) name in [first, last]. */
function nthWeekdays(first: number, last: number, rule: Rule, out: Set<number>): void {
  for (const [weekday, n] of rule.bynweekday!) {
    let day: number;
    if (n < 0) {
      day = last + (n + 1) * 7;
      day -= floorMod(weekdayOf(day) - weekday, 7);
    } else {
      day = first + (n - 1) * 7;
      day += floorMod(7 - weekdayOf(day) + weekday, 7);
    }
    if (day >= first && day <= last) out.add(day);
  }
}

/** Per-year facts the day filter needs, made once per year. */
interface YearInfo {
  firstDay: number;
  yearLen: number;
  weekNumbers: Uint8Array | null;
  /** Days the positioned weekdays name (YEARLY: the whole year or each BYMONTH month). */
  nthDays: Set<number> | null;
}

function yearInfo(year: number, rule: Rule): YearInfo {
  const firstDay = dayOf(year, 1, 1);
  const yearLen = isLeap(year) ? 366 : 365;
  let nthDays: Set<number> | null = null;
  if (rule.bynweekday !== null && rule.freq === YEARLY) {
    nthDays = new Set();
    if (rule.bymonth === null) nthWeekdays(firstDay, firstDay + yearLen - 1, rule, nthDays);
    else for (const month of rule.bymonth) nthWeekdays(dayOf(year, month, 1), dayOf(year, month + 1, 1) - 1, rule, nthDays);
  }
  return { firstDay, yearLen, weekNumbers: rule.byweekno === null ? null : weekNumberMask(year, rule), nthDays };
}

/**
 * Whether `day` passes every BY… day part (the period's days are intersected). `info` is the
 * year of `day`, `date` its calendar fields.
 */
function dayMatches(day: number, date: CivilDate, info: YearInfo, rule: Rule, nthDays: Set<number> | null): boolean {
  if (rule.bymonth !== null && !rule.bymonth.has(date.month)) return false;
  if (info.weekNumbers !== null && info.weekNumbers[day - info.firstDay] !== 1) return false;
  if (rule.byweekday !== null && !rule.byweekday.has(weekdayOf(day))) return false;
  if (nthDays !== null && !nthDays.has(day)) return false;
  if (rule.bymonthday.size + rule.bynmonthday.size > 0) {
    const monthLen = dayOf(date.year, date.month + 1, 1) - dayOf(date.year, date.month, 1);
    if (!rule.bymonthday.has(date.mday) && !rule.bynmonthday.has(date.mday - monthLen - 1)) return false;
  }
  if (rule.byyearday !== null) {
    const yday = day - info.firstDay + 1;
    if (!rule.byyearday.has(yday) && !rule.byyearday.has(yday - info.yearLen - 1)) return false;
  }
  return true;
}

/** BYSETPOS over a period's instances (ascending): the named positions, ascending, once each. */
function pickPositions(instances: number[], positions: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const position of positions) {
    const index = position > 0 ? position - 1 : instances.length + position;
    if (index >= 0 && index < instances.length) picked.add(instances[index]!);
  }
  return sorted(picked);
}

/**
 * An RRULE body (checked by `rruleIssues`, no UNTIL) from a wall-clock DTSTART, expanded
 * into wall times. `walls(from, to)` lists the occurrences in `[from, to)` as wall ms.
 * @internal
 */
export class Recurrence {
  private readonly rule: Rule;
  /** With COUNT: every occurrence, made once (COUNT bounds them). */
  private counted: number[] | null = null;
  private readonly years = new Map<number, YearInfo>();

  /** BYSETPOS names only positions past the most slots a period can hold: no slot, ever. */
  private readonly never: boolean;

  constructor(body: string, startWall: string) {
    const rule = (this.rule = parseRule(body, startWall));
    const times = rule.freq < HOURLY ? rule.timeset.length : rule.freq === SECONDLY ? 1 : rule.subset.length;
    const most = times * [366, 31, 7, 1, 1, 1, 1][rule.freq]!;
    // (python-dateutil searches such a rule to year 9999; a COUNT rule here would walk 400 years.)
    this.never = rule.bysetpos !== null && rule.bysetpos.every((position) => Math.abs(position) > most);
  }

  /**
   * Occurrences in `[from, to)`, wall ms ascending.
   *
   * @example
   * ```ts
   * new Recurrence('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', '2026-01-01T09:00').walls(Date.parse('2026-01-01Z'), Date.parse('2027-01-01Z'));
   * // [Date.parse('2026-02-13T09:00Z'), Date.parse('2026-03-13T09:00Z'), Date.parse('2026-11-13T09:00Z')]
   * ```
   */
  walls(from: number, to: number): number[] {
    const out: number[] = [];
    if (this.never) return out;
    if (this.rule.count !== null) {
      // COUNT counts from DTSTART: expand from there once (at most COUNT occurrences), then slice.
      this.counted ??= this.expand(this.rule.start, Infinity, this.rule.count);
      for (const second of this.counted) if (second * 1000 >= from && second * 1000 < to) out.push(second * 1000);
      return out;
    }
    for (const second of this.expand(Math.floor(from / 1000), Math.ceil(to / 1000), Infinity)) {
      if (second * 1000 >= from && second * 1000 < to) out.push(second * 1000);
    }
    return out;
  }

  private year(year: number): YearInfo {
    let info = this.years.get(year);
    if (info === undefined) {
      if (this.years.size > 64) this.years.clear();
      info = yearInfo(year, this.rule);
      this.years.set(year, info);
    }
    return info;
  }

  /**
   * Occurrences (wall seconds) at or after both DTSTART and `from` and before `to`, at most
   * `limit` counted from DTSTART. Without COUNT the first period is the one holding `from`
   * (periods before it cannot reach `from`); with COUNT it is DTSTART's.
   */
  private expand(from: number, to: number, limit: number): number[] {
    const rule = this.rule;
    const out: number[] = [];
    let left = limit;
    // The latest horizon a COUNT rule is followed to when its occurrences run out early.
    const end = Number.isFinite(to) ? to : rule.start + 400 * 366 * DAY_S;
    const emit = (second: number): boolean => {
      if (second >= end) return false;
      if (second < rule.start) return true;
      left -= 1;
      if (left < 0) return false;
      if (second >= from) out.push(second);
      return true;
    };
    if (rule.freq <= DAILY) this.expandDays(from, end, emit);
    else this.expandTimes(from, end, emit);
    return out;
  }

  /** YEARLY … DAILY: each period's matching days × the time set, BYSETPOS per period. */
  private expandDays(from: number, end: number, emit: (second: number) => boolean): void {
    const rule = this.rule;
    const startDay = Math.floor(rule.start / DAY_S);
    const start = civil(startDay);
    const fromDay = Math.floor(Math.max(from, rule.start) / DAY_S);
    const first = civil(fromDay);
    const periodsBefore = (units: number) => Math.max(0, Math.floor(units / rule.interval) - 1);
    let k: number;
    if (rule.freq === YEARLY) k = periodsBefore(first.year - start.year);
    else if (rule.freq === MONTHLY) k = periodsBefore((first.year - start.year) * 12 + first.month - start.month);
    else if (rule.freq === WEEKLY) k = periodsBefore(Math.floor((fromDay - (startDay - floorMod(weekdayOf(startDay) - rule.wkst, 7))) / 7));
    else k = periodsBefore(fromDay - startDay);
    for (; ; k += 1) {
      let firstDay: number;
      let lastDay: number; // inclusive
      if (rule.freq === YEARLY) {
        const year = start.year + k * rule.interval;
        firstDay = dayOf(year, 1, 1);
        lastDay = dayOf(year + 1, 1, 1) - 1;
      } else if (rule.freq === MONTHLY) {
        const months = start.month - 1 + k * rule.interval;
        const year = start.year + Math.floor(months / 12);
        firstDay = dayOf(year, (months % 12) + 1, 1);
        lastDay = dayOf(year, (months % 12) + 2, 1) - 1;
      } else if (rule.freq === WEEKLY) {
        // The first period runs from DTSTART's day to the end of its week (WKST), as python-dateutil's.
        const weekStart = startDay - floorMod(weekdayOf(startDay) - rule.wkst, 7) + k * rule.interval * 7;
        firstDay = k === 0 ? startDay : weekStart;
        lastDay = weekStart + 6;
      } else {
        firstDay = startDay + k * rule.interval;
        lastDay = firstDay;
      }
      if (firstDay * DAY_S >= end) return;
      let nthDays: Set<number> | null = null;
      if (rule.bynweekday !== null && rule.freq === MONTHLY) nthWeekdays(firstDay, lastDay, rule, (nthDays = new Set()));
      const instances: number[] = [];
      for (let day = firstDay; day <= lastDay; day += 1) {
        const date = civil(day);
        const info = this.year(date.year);
        if (!dayMatches(day, date, info, rule, rule.freq === YEARLY ? info.nthDays : nthDays)) continue;
        for (const time of rule.timeset) instances.push(day * DAY_S + time);
      }
      for (const second of rule.bysetpos === null ? instances : pickPositions(instances, rule.bysetpos)) {
        if (!emit(second)) return;
      }
    }
  }

  /**
   * HOURLY, MINUTELY, SECONDLY: the periods are DTSTART + k × INTERVAL units; a period
   * counts when its day passes the day parts and its hour (minute, second) is in BYHOUR
   * (BYMINUTE, BYSECOND). Days, hours and minutes that cannot match are skipped whole.
   */
  private expandTimes(from: number, end: number, emit: (second: number) => boolean): void {
    const rule = this.rule;
    const unit = rule.freq === HOURLY ? 3600 : rule.freq === MINUTELY ? 60 : 1;
    const step = unit * rule.interval;
    // The first period whose instances can reach `from` (an HOURLY period spans an hour).
    const firstPeriod = (at: number) => Math.max(0, Math.ceil((at - unit + 1 - rule.start) / step));
    // Skipping: the first period that starts at or after `at`, and always a later one.
    const skipTo = (at: number) => Math.max(k + 1, Math.ceil((at - rule.start) / step));
    let k = firstPeriod(Math.max(from, rule.start));
    while (true) {
      const at = rule.start + k * step;
      if (at >= end) return;
      const day = Math.floor(at / DAY_S);
      const date = civil(day);
      if (!dayMatches(day, date, this.year(date.year), rule, null)) {
        k = skipTo((day + 1) * DAY_S);
        continue;
      }
      const inDay = at - day * DAY_S;
      const hourStart = at - (inDay % 3600);
      if (rule.byhour !== null && !rule.byhour.has(Math.floor(inDay / 3600))) {
        k = skipTo(hourStart + 3600);
        continue;
      }
      if (rule.freq >= MINUTELY && rule.byminute !== null && !rule.byminute.has(Math.floor(inDay / 60) % 60)) {
        k = skipTo(at - (inDay % 60) + 60);
        continue;
      }
      if (rule.freq === SECONDLY && rule.bysecond !== null && !rule.bysecond.has(inDay % 60)) {
        k += 1;
        continue;
      }
      const base = rule.freq === HOURLY ? hourStart : at - (inDay % 60);
      const instances = rule.freq === SECONDLY ? [at] : rule.subset.map((offset) => base + offset);
      for (const second of rule.bysetpos === null ? instances : pickPositions(instances, rule.bysetpos)) {
        if (!emit(second)) return;
      }
      k += 1;
    }
  }
}

/**
 * BY… values the rule can never reach from DTSTART, as python-dateutil refuses them: with
 * `FREQ=HOURLY;INTERVAL=4` from 17:00 the hours are 17, 21, 1, 5, 9 and 13, so `BYHOUR=23`
 * alone yields nothing (likewise BYMINUTE with MINUTELY, BYSECOND with SECONDLY, and BYHOUR
 * with MINUTELY). Assumes a rule `rruleIssues` accepts. @internal
 */
export function unreachableIssues(body: string, startWall: string): ValidationIssue[] {
  const rule = parseRule(body, startWall);
  const issues: ValidationIssue[] = [];
  const startSeconds = floorMod(rule.start, DAY_S);
  const check = (name: string, values: Set<number> | null, startValue: number, base: number) => {
    if (values === null) return;
    const step = gcd(rule.interval, base);
    const reached = [...values].filter((value) => floorMod(value - startValue, step) === 0);
    if (reached.length > 0) return;
    const reachable = sorted(Array.from({ length: base / step }, (_, i) => floorMod(startValue + i * step, base)));
    issues.push({
      path: ['rrule'],
      code: 'invalid_rrule',
      message: `${name}=${[...values].join(',')}: never reached — with INTERVAL=${rule.interval} from start ${startWall} the ${name === 'BYHOUR' ? 'hours' : name === 'BYMINUTE' ? 'minutes' : 'seconds'} are ${reachable.join(', ')}; change INTERVAL, start or ${name}`,
    });
  };
  if (rule.freq === HOURLY) check('BYHOUR', rule.byhour, Math.floor(startSeconds / 3600), 24);
  if (rule.freq === MINUTELY) check('BYMINUTE', rule.byminute, Math.floor(startSeconds / 60) % 60, 60);
  if (rule.freq === SECONDLY) check('BYSECOND', rule.bysecond, startSeconds % 60, 60);
  if (rule.freq === MINUTELY && issues.length === 0 && rule.byhour !== null) {
    // The minute of the day steps by INTERVAL: which hours does it visit (with BYMINUTE)?
    const step = gcd(rule.interval, 1440);
    const startMinute = Math.floor(startSeconds / 60);
    let reached = false;
    for (let i = 0; i < 1440 / step && !reached; i += 1) {
      const minute = floorMod(startMinute + i * step, 1440);
      reached = rule.byhour.has(Math.floor(minute / 60)) && (rule.byminute === null || rule.byminute.has(minute % 60));
    }
    if (!reached)
      issues.push({
        path: ['rrule'],
        code: 'invalid_rrule',
        message: `BYHOUR=${[...rule.byhour].join(',')}: never reached — with INTERVAL=${rule.interval} minutes from start ${startWall} no slot falls in those hours${rule.byminute === null ? '' : ' at those minutes'}; change INTERVAL, start, BYHOUR or BYMINUTE`,
      });
  }
  return issues;
}
