import ical from 'ical-generator';
import type { CalendarEntry } from '../schedule-store/index.js';

/** Options of {@link toICalendar}. */
export interface ICalendarOptions {
  /** Calendar name shown by calendar apps. Default `smm content calendar`. */
  name?: string;
  /** Domain appended to entry ids to make UIDs globally unique. Default `smm.calendar`. */
  uidDomain?: string;
  /** Length of each event in minutes (posts are instants). Default 15. */
  durationMinutes?: number;
}

const SUMMARY_LENGTH = 80;

function summaryOf(entry: CalendarEntry): string {
  const text = entry.draft.text.replace(/\s+/g, ' ').trim() || entry.draft.link || `${entry.draft.media.length} media item(s)`;
  const chars = [...text];
  return chars.length > SUMMARY_LENGTH ? `${chars.slice(0, SUMMARY_LENGTH - 1).join('')}…` : text;
}

/**
 * Renders entries as an RFC 5545 calendar that any calendar app opens: one VEVENT per
 * placed entry (entries without `scheduledAt` are skipped), UID stable per entry
 * (`<id>@<uidDomain>`, so re-importing updates rather than duplicates), DTSTART in UTC,
 * SUMMARY from the post text, the full text in DESCRIPTION, tags as CATEGORIES, and the
 * entry's status and account in X-SMM-* properties. DTSTAMP is the entry's `updatedAt` and
 * SEQUENCE its version, so the output is deterministic.
 *
 * @example
 * ```ts
 * const ics = toICalendar(await calendar.range(from, to));
 * // BEGIN:VCALENDAR … BEGIN:VEVENT UID:…@smm.calendar DTSTART:20260330T060000Z …
 * ```
 */
export function toICalendar(entries: readonly CalendarEntry[], options: ICalendarOptions = {}): string {
  const domain = options.uidDomain ?? 'smm.calendar';
  const minutes = options.durationMinutes ?? 15;
  const calendar = ical({
    name: options.name ?? 'smm content calendar',
    prodId: { company: 'smm', product: 'content-calendar', language: 'EN' },
  });
  for (const entry of entries) {
    if (entry.scheduledAt === null) continue;
    const start = new Date(entry.scheduledAt);
    calendar.createEvent({
      id: `${entry.id}@${domain}`,
      sequence: entry.version,
      stamp: new Date(entry.updatedAt),
      start,
      end: new Date(start.getTime() + minutes * 60_000),
      summary: summaryOf(entry),
      description: entry.draft.text,
      ...(entry.draft.link === undefined ? {} : { url: entry.draft.link }),
      categories: entry.draft.tags.map((name) => ({ name })),
      x: [
        { key: 'X-SMM-STATUS', value: entry.status },
        { key: 'X-SMM-ACCOUNT', value: entry.accountKey },
        ...(entry.draft.campaign === undefined ? [] : [{ key: 'X-SMM-CAMPAIGN', value: entry.draft.campaign }]),
      ],
    });
  }
  return calendar.toString();
}
