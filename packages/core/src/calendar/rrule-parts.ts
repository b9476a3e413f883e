import { Temporal } from 'temporal-polyfill';
import type { ValidationIssue } from '../errors/index.js';

// RFC 5545 §3.3.10 (RECUR), checked part by part before the rule is expanded
// (recurrence.ts assumes a checked rule): out-of-range values (BYHOUR=25) are refused,
// naming the part. The checks follow python-dateutil, which refuses the same rules.

const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
/** RRULE weekday codes, Monday first (index = python's `date.weekday()`). @internal */
export const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAYS: readonly string[] = RRULE_WEEKDAYS;

interface NumberPart {
  min: number;
  max: number;
  /** Negative values count from the end (-1 = last); 0 is never allowed then. */
  signed: boolean;
  unit: string;
}

const NUMBER_PARTS: Record<string, NumberPart> = {
  BYSECOND: { min: 0, max: 60, signed: false, unit: 'seconds are 0 to 60' },
  BYMINUTE: { min: 0, max: 59, signed: false, unit: 'minutes are 0 to 59' },
  BYHOUR: { min: 0, max: 23, signed: false, unit: 'hours are 0 to 23' },
  BYMONTHDAY: { min: 1, max: 31, signed: true, unit: 'days of the month are 1 to 31 or -31 to -1' },
  BYYEARDAY: { min: 1, max: 366, signed: true, unit: 'days of the year are 1 to 366 or -366 to -1' },
  BYWEEKNO: { min: 1, max: 53, signed: true, unit: 'week numbers are 1 to 53 or -53 to -1' },
  BYMONTH: { min: 1, max: 12, signed: false, unit: 'months are 1 to 12' },
  BYSETPOS: { min: 1, max: 366, signed: true, unit: 'positions are 1 to 366 or -366 to -1' },
};
const KNOWN = new Set(['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYDAY', 'WKST', ...Object.keys(NUMBER_PARTS)]);

/** An RRULE's parts by name (upper-cased), as written. @internal */
export function rruleParts(rule: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const part of rule.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    parts.set((eq < 0 ? part : part.slice(0, eq)).trim().toUpperCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
  }
  return parts;
}

/** An RFC 5545 UTC date-time (`20260609T120000Z`) as epoch ms, or `null`. */
function utcDateTimeMs(value: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  try {
    // Temporal rejects impossible dates (Feb 30) instead of rolling them over.
    return Temporal.ZonedDateTime.from(
      { year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: s!, timeZone: 'UTC' },
      { overflow: 'reject' },
    ).epochMilliseconds;
  } catch {
    return null;
  }
}

/**
 * Every RFC 5545 problem of an RRULE body (no `RRULE:` prefix) whose DTSTART is a wall time
 * in the account's zone, each naming the part. Empty when the rule is valid. @internal
 */
export function rruleIssues(rule: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (part: string, message: string) => issues.push({ path: ['rrule'], code: 'invalid_rrule', message: `${part}: ${message}` });
  const seen = new Set<string>();
  for (const part of rule.split(';')) {
    if (part.trim() === '') continue;
    const name = part.split('=')[0]!.trim().toUpperCase();
    if (!part.includes('=')) add(part, 'must be NAME=VALUE');
    else if (!KNOWN.has(name)) add(name, `is not an RRULE part (RFC 5545 parts: ${[...KNOWN].join(', ')})`);
    else if (seen.has(name)) add(name, 'appears twice: each part may appear once');
    seen.add(name);
  }
  const parts = rruleParts(rule);
  const freq = parts.get('FREQ');
  if (freq === undefined) add('FREQ', `is required, one of ${FREQS.join(', ')}`);
  else if (!(FREQS as readonly string[]).includes(freq.toUpperCase())) add(`FREQ=${freq}`, `must be one of ${FREQS.join(', ')}`);
  const f = freq?.toUpperCase();

  const until = parts.get('UNTIL');
  if (until !== undefined && utcDateTimeMs(until.toUpperCase()) === null) {
    add(
      `UNTIL=${until}`,
      'must be a real UTC date-time such as 20261231T235959Z: queue slots start at a time in the account zone, and RFC 5545 then requires UNTIL in UTC',
    );
  }
  if (until !== undefined && parts.has('COUNT')) add('COUNT', 'must not be used with UNTIL (RFC 5545): keep one of them');
  for (const name of ['COUNT', 'INTERVAL']) {
    const value = parts.get(name);
    if (value !== undefined && !/^[1-9]\d*$/.test(value)) add(`${name}=${value}`, 'must be a whole number 1 or more');
  }
  for (const [name, range] of Object.entries(NUMBER_PARTS)) {
    const value = parts.get(name);
    if (value === undefined) continue;
    for (const item of value.split(',')) {
      const n = /^[+-]?\d+$/.test(item) ? Number(item) : NaN;
      const ok = range.signed
        ? Number.isInteger(n) && Math.abs(n) >= range.min && Math.abs(n) <= range.max
        : n >= range.min && n <= range.max;
      if (!ok || (!range.signed && item.startsWith('-'))) add(`${name}=${item}`, `is out of range: ${range.unit}`);
    }
  }
  const byday = parts.get('BYDAY');
  if (byday !== undefined) {
    for (const item of byday.split(',')) {
      const match = /^([+-]?\d{1,2})?([A-Za-z]{2})$/.exec(item);
      const ord = match?.[1] === undefined ? undefined : Number(match[1]);
      if (match === null || !DAYS.includes(match[2]!.toUpperCase()))
        add(`BYDAY=${item}`, `must be a weekday ${DAYS.join(', ')}, optionally with a position such as 1MO or -1FR`);
      else if (ord !== undefined && (ord === 0 || Math.abs(ord) > 53))
        add(`BYDAY=${item}`, 'is out of range: positions are 1 to 53 or -53 to -1');
      else if (ord !== undefined && f !== 'MONTHLY' && f !== 'YEARLY')
        add(`BYDAY=${item}`, 'a position (such as 1MO) needs FREQ=MONTHLY or FREQ=YEARLY');
      else if (ord !== undefined && f === 'YEARLY' && parts.has('BYWEEKNO'))
        add(`BYDAY=${item}`, 'a position cannot be combined with BYWEEKNO');
    }
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined && !DAYS.includes(wkst.toUpperCase())) add(`WKST=${wkst}`, `must be one of ${DAYS.join(', ')}`);
  if (parts.has('BYMONTHDAY') && f === 'WEEKLY') add('BYMONTHDAY', 'cannot be used with FREQ=WEEKLY');
  if (parts.has('BYYEARDAY') && (f === 'DAILY' || f === 'WEEKLY' || f === 'MONTHLY')) add('BYYEARDAY', `cannot be used with FREQ=${f}`);
  if (parts.has('BYWEEKNO') && f !== undefined && f !== 'YEARLY') add('BYWEEKNO', 'needs FREQ=YEARLY');
  if (parts.has('BYSETPOS') && ![...parts.keys()].some((name) => name.startsWith('BY') && name !== 'BYSETPOS'))
    add('BYSETPOS', 'needs another BY… part to pick from');
  return issues;
}

/** The rule without its UNTIL part (the bound is applied to instants, in the account zone). @internal */
export function withoutUntil(rule: string): string {
  return rule
    .split(';')
    .filter((part) => part.trim() !== '' && part.split('=')[0]!.trim().toUpperCase() !== 'UNTIL')
    .join(';');
}

/** The rule's UNTIL as epoch ms (inclusive), or `Infinity` without one. Assumes a checked rule. @internal */
export function untilMs(rule: string): number {
  const until = rruleParts(rule).get('UNTIL');
  return until === undefined ? Infinity : (utcDateTimeMs(until.toUpperCase()) ?? Infinity);
}
