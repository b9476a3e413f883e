import { Temporal } from 'temporal-polyfill';

/**
 * Escapes text for HTML and SVG (element content and quoted attributes).
 *
 * @example
 * ```ts
 * escapeHtml('<script>alert("x")</script>'); // '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '"' ? '&quot;' : '&#39;',
  );
}

/** Formats a report number for people: counts with separators, fractions as %, ms as h/min. */
export function formatValue(value: number | null, unit: 'count' | 'fraction' | 'ms'): string {
  if (value === null) return '—';
  if (unit === 'fraction') return `${(value * 100).toFixed(2)} %`;
  if (unit === 'ms') {
    const minutes = value / 60_000;
    return minutes >= 90 ? `${(minutes / 60).toFixed(1)} h` : `${minutes.toFixed(0)} min`;
  }
  return Math.round(value).toLocaleString('en-US');
}

/** Formats a relative change as a signed percentage (`+12.5 %`). */
export function formatChange(relative: number | null): string {
  if (relative === null) return '—';
  const sign = relative > 0 ? '+' : relative < 0 ? '−' : '±';
  return `${sign}${Math.abs(relative * 100).toFixed(1)} %`;
}

/** ISO weekday names, Monday first. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `YYYY-MM-DD HH:MM` of an instant in a zone, for people reading a report. */
export function formatLocal(iso: string, timeZone: string): string {
  const local = Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone);
  return `${local.toPlainDate().toString()} ${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
}

/** A half-open range as the local dates it covers (`2026-03-01 – 2026-03-31`). */
export function formatLocalRange(range: { start: string; end: string }, timeZone: string): string {
  const last = Temporal.Instant.from(range.end).subtract({ milliseconds: 1 });
  return `${Temporal.Instant.from(range.start).toZonedDateTimeISO(timeZone).toPlainDate().toString()} – ${last.toZonedDateTimeISO(timeZone).toPlainDate().toString()}`;
}
