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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The post's first words, cut at a grapheme boundary: an emoji, flag or combining mark is never split. */
function summaryOf(entry: CalendarEntry): string {
  const text = entry.draft.text.replace(/\s+/g, ' ').trim() || entry.draft.link || `${entry.draft.media.length} media item(s)`;
  const clusters = Array.from(graphemes.segment(text), (part) => part.segment);
  return clusters.length > SUMMARY_LENGTH ? `${clusters.slice(0, SUMMARY_LENGTH - 1).join('')}…` : text;
}

/**
 * A URL as an RFC 5545 URI value: not TEXT, so `,` `;` `\\` are not escaped (ical-generator
 * escapes them, which breaks `?ids=1,2&utm=a;b`); characters a URI cannot hold (non-ASCII,
 * spaces, controls) are percent-encoded as UTF-8.
 */
function uriValue(url: string): string {
  return url.replace(/[^\x21-\x7e]+/gu, (run) => encodeURIComponent(run));
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with one space, which counts toward their 75 octets.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/**
 * Renders entries as an RFC 5545 calendar that any calendar app opens: one VEVENT per
 * placed entry (entries without `scheduledAt` are skipped), UID stable per entry
 * (`<id>@<uidDomain>`, so re-importing updates rather than duplicates), DTSTART in UTC,
 * SUMMARY from the post text (at most 80 grapheme clusters, never cutting an emoji), the full
 * text in DESCRIPTION, the link as a URL (a URI value, not escaped text), tags as CATEGORIES, and the
 * entry's status and account in X-SMM-* properties. DTSTAMP is the entry's `updatedAt` and
 * SEQUENCE its version, so the output is deterministic. Lines end with CRLF, the last one too.
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
  // URLs go in as placeholders ical-generator has nothing to escape in, then are replaced by
  // the real URI values, folded here.
  const urls = new Map<string, string>();
  for (const entry of entries) {
    if (entry.scheduledAt === null) continue;
    const urlKey = entry.draft.link === undefined ? undefined : `https://smm.invalid/url-${urls.size}`;
    if (urlKey !== undefined) urls.set(`URL;VALUE=URI:${urlKey}`, uriValue(entry.draft.link!));
    const start = new Date(entry.scheduledAt);
    calendar.createEvent({
      id: `${entry.id}@${domain}`,
      sequence: entry.version,
      stamp: new Date(entry.updatedAt),
      start,
      end: new Date(start.getTime() + minutes * 60_000),
      summary: summaryOf(entry),
      description: entry.draft.text,
      ...(urlKey === undefined ? {} : { url: urlKey }),
      categories: entry.draft.tags.map((name) => ({ name })),
      x: [
        { key: 'X-SMM-STATUS', value: entry.status },
        { key: 'X-SMM-ACCOUNT', value: entry.accountKey },
        ...(entry.draft.campaign === undefined ? [] : [{ key: 'X-SMM-CAMPAIGN', value: entry.draft.campaign }]),
      ],
    });
  }
  const lines = calendar
    .toString()
    .split('\r\n')
    .map((line) => {
      const url = urls.get(line);
      return url === undefined ? line : foldLine(`URL;VALUE=URI:${url}`);
    });
  // RFC 5545 §3.1: every content line, the last included, ends with CRLF.
  const text = lines.join('\r\n');
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
