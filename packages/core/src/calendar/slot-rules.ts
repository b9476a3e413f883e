import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors/index.js';
import { unreachableIssues } from './recurrence.js';
import { rruleIssues, untilMs, withoutUntil } from './rrule-parts.js';

/**
 * Weekday codes, Monday first (ISO 8601 day numbers 1–7).
 *
 * @example
 * ```ts
 * WEEKDAYS.indexOf('wed') + 1; // 3 (ISO day number)
 * ```
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A weekday code. */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A wall-clock time `HH:MM` (24-hour).
 *
 * @example
 * ```ts
 * LocalTimeSchema.parse('17:30');
 * ```
 */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a 24-hour wall-clock time HH:MM such as 09:00 or 17:30' });

/**
 * A wall-clock date-time `YYYY-MM-DDTHH:MM[:SS]` in the account's zone (no offset).
 *
 * @example
 * ```ts
 * LocalDateTimeSchema.parse('2026-04-06T09:00');
 * ```
 */
export const LocalDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
    error: 'must be a wall-clock date-time such as 2026-03-29T09:00 (no offset: it is read in the account zone)',
  })
  .refine(
    (value) => {
      try {
        Temporal.PlainDateTime.from(value, { overflow: 'reject' });
        return true;
      } catch {
        return false;
      }
    },
    { error: 'must be a real calendar date and time' },
  );

/**
 * Queue slots at fixed wall-clock times on some weekdays: "Mon/Wed/Fri 09:00 and 17:30".
 *
 * @example
 * ```ts
 * WeeklySlotsSchema.parse({ kind: 'weekly', days: ['mon', 'wed', 'fri'], times: ['09:00', '17:30'] });
 * ```
 */
export const WeeklySlotsSchema = z.object({
  kind: z.literal('weekly'),
  days: z.array(z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(', ')}` })).min(1, { error: 'must name at least one weekday' }),
  times: z.array(LocalTimeSchema).min(1, { error: 'must list at least one time such as 09:00' }),
});

/** Weekly queue slots. */
export interface WeeklySlots extends z.infer<typeof WeeklySlotsSchema> {}

function normaliseRrule(rule: string): string {
  return rule.trim().replace(/^RRULE:/i, '');
}

/**
 * Queue slots from an RFC 5545 recurrence: an `RRULE` (with or without the `RRULE:` prefix)
 * read in wall-clock time from `start`, plus `RDATE`s and minus `EXDATE`s, all as wall-clock
 * date-times in the account's zone. As RFC 5545 requires when DTSTART has a zone, `UNTIL` is
 * a UTC date-time (`UNTIL=20261231T235959Z`) and bounds the slots as instants (inclusive), as
 * python-dateutil does. Every part is checked against RFC 5545's ranges (`BYHOUR=25`,
 * `BYMONTHDAY=32`, `COUNT` with `UNTIL` … are refused, naming the part).
 *
 * @example
 * ```ts
 * RecurrenceSlotsSchema.parse({ kind: 'rrule', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=12;BYMINUTE=0', exdates: ['2026-12-24T12:00'] });
 * ```
 */
export const RecurrenceSlotsSchema = z
  .object({
    kind: z.literal('rrule'),
    rrule: z.string().min(1, { error: 'must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9;BYMINUTE=0' }),
    /** DTSTART as wall-clock time; sets the phase of INTERVAL and the defaults RFC 5545 takes from it. */
    start: LocalDateTimeSchema.default('2020-01-06T00:00'),
    exdates: z.array(LocalDateTimeSchema).default([]),
    rdates: z.array(LocalDateTimeSchema).default([]),
  })
  .superRefine((value, context) => {
    const rule = normaliseRrule(value.rrule);
    const issues = rruleIssues(rule);
    for (const issue of issues) context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    if (issues.length > 0) return;
    for (const issue of unreachableIssues(withoutUntil(rule), value.start))
      context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

/** RFC 5545 queue slots. */
export interface RecurrenceSlots extends z.infer<typeof RecurrenceSlotsSchema> {}

/**
 * One queue-slot rule.
 *
 * @example
 * ```ts
 * const rules = z.array(SlotRuleSchema).parse(input);
 * ```
 */
export const SlotRuleSchema = z.discriminatedUnion('kind', [WeeklySlotsSchema, RecurrenceSlotsSchema]);
/** One queue-slot rule. */
export type SlotRule = z.infer<typeof SlotRuleSchema>;
/** What {@link SlotRuleSchema} accepts. */
export type SlotRuleInput = z.input<typeof SlotRuleSchema>;

/** A wall-clock date-time expressed as the same fields in UTC, which has no DST. @internal */
export function wallToUtcZoned(wall: string): Temporal.ZonedDateTime {
  return Temporal.PlainDateTime.from(wall).toZonedDateTime('UTC');
}

/** The rule as it is expanded: no prefix, no UNTIL (applied to instants instead). @internal */
export function rruleBody(rule: RecurrenceSlots): string {
  return withoutUntil(normaliseRrule(rule.rrule));
}

/** The rule's UNTIL as epoch ms (inclusive), or `Infinity`. @internal */
export function rruleUntilMs(rule: RecurrenceSlots): number {
  return untilMs(normaliseRrule(rule.rrule));
}

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon',
  monday: 'mon',
  tue: 'tue',
  tues: 'tue',
  tuesday: 'tue',
  wed: 'wed',
  wednesday: 'wed',
  thu: 'thu',
  thur: 'thu',
  thurs: 'thu',
  thursday: 'thu',
  fri: 'fri',
  friday: 'fri',
  sat: 'sat',
  saturday: 'sat',
  sun: 'sun',
  sunday: 'sun',
};

function parseDays(text: string): Weekday[] | string {
  const lower = text.toLowerCase().trim();
  if (lower === 'daily' || lower === 'every day' || lower === 'everyday') return [...WEEKDAYS];
  if (lower === 'weekdays') return ['mon', 'tue', 'wed', 'thu', 'fri'];
  if (lower === 'weekends') return ['sat', 'sun'];
  const days = new Set<Weekday>();
  for (const part of lower.split(/[/,]\s*|\s+/).filter(Boolean)) {
    const range = part.split('-');
    if (range.length === 2) {
      const start = DAY_NAMES[range[0]!];
      const end = DAY_NAMES[range[1]!];
      if (start === undefined || end === undefined) return part;
      let index = WEEKDAYS.indexOf(start);
      for (;;) {
        days.add(WEEKDAYS[index]!);
        if (WEEKDAYS[index] === end) break;
        index = (index + 1) % 7;
      }
    } else {
      const day = DAY_NAMES[part];
      if (day === undefined) return part;
      days.add(day);
    }
  }
  return WEEKDAYS.filter((day) => days.has(day));
}

/**
 * Reads the short form people type — `"Mon/Wed/Fri 09:00 and 17:30"`, `"Mon-Fri 10:00"`,
 * `"weekdays 8:30, 12:00"`, `"daily 09:00"`; several groups separated by `;` — into weekly
 * slot rules.
 *
 * @throws ValidationError naming the part it could not read.
 * @example
 * ```ts
 * parseWeeklySlots('Mon/Wed/Fri 09:00 and 17:30');
 * // [{ kind: 'weekly', days: ['mon', 'wed', 'fri'], times: ['09:00', '17:30'] }]
 * ```
 */
export function parseWeeklySlots(text: string): WeeklySlots[] {
  const rules: WeeklySlots[] = [];
  const issues: Array<{ path: Array<string | number>; code: string; message: string }> = [];
  text
    .split(';')
    .map((group) => group.trim())
    .filter(Boolean)
    .forEach((group, index) => {
      const match = /^(.*?)\s+((?:\d{1,2}:\d{2})(?:\s*(?:,|and|&)\s*\d{1,2}:\d{2})*)$/i.exec(group);
      if (match === null) {
        issues.push({
          path: [index],
          code: 'invalid_slots',
          message: `"${group}" must be days then times, e.g. "Mon/Wed/Fri 09:00 and 17:30"`,
        });
        return;
      }
      const days = parseDays(match[1]!);
      if (typeof days === 'string') {
        issues.push({
          path: [index],
          code: 'invalid_day',
          message: `"${days}" is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat, Sun, ranges like Mon-Fri, or daily/weekdays/weekends`,
        });
        return;
      }
      const times = match[2]!.split(/\s*(?:,|and|&)\s*/i).map((time) => time.padStart(5, '0'));
      const bad = times.find((time) => !LocalTimeSchema.safeParse(time).success);
      if (bad !== undefined) {
        issues.push({ path: [index], code: 'invalid_time', message: `"${bad}" is not a time: use 24-hour HH:MM such as 09:00` });
        return;
      }
      rules.push({ kind: 'weekly', days, times });
    });
  if (rules.length === 0 && issues.length === 0)
    issues.push({ path: [], code: 'empty', message: 'must name days and times, e.g. "Mon/Wed/Fri 09:00 and 17:30"' });
  if (issues.length > 0) throw new ValidationError('queue slots', issues);
  return rules;
}
