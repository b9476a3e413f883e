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

/** Formats a relative change as an arrow and a percentage (`▲ 12.5 %`, `▼ 3.0 %`, `＝ 0.0 %`); `—` when undefined. */
export function formatChange(relative: number | null): string {
  if (relative === null) return '—';
  const arrow = relative > 0 ? '▲' : relative < 0 ? '▼' : '＝';
  return `${arrow} ${Math.abs(relative * 100).toFixed(1)} %`;
}

/** A change for a table cell: the relative change, or the absolute one when the previous value was 0. */
export function formatDelta(
  change: { absolute: number | null; relative: number | null; previous: number | null },
  unit: 'count' | 'fraction' | 'ms',
): string {
  if (change.relative !== null) return formatChange(change.relative);
  if (change.absolute === null || change.absolute === 0) return change.absolute === 0 ? '＝' : '—';
  const arrow = change.absolute > 0 ? '▲' : '▼';
  return unit === 'fraction'
    ? `${arrow} ${(Math.abs(change.absolute) * 100).toFixed(2)} pt`
    : `${arrow} ${formatValue(Math.abs(change.absolute), unit)}`;
}

/** A thumbnail URL safe to embed without a request: a base64 `data:` image of a raster type. */
export function isEmbeddedImage(url: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url);
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
