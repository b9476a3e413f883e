/**
 * Epoch ms of an ISO-8601 UTC instant. The stored form (`toISOString()`:
 * `YYYY-MM-DDTHH:mm:ss.sssZ`) is read field by field through `Date.UTC`, several times faster
 * than `Date.parse`, which stores use per entry on bulk inserts; anything else falls back
 * to `Date.parse`. @internal
 */
export function instantMs(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return Date.parse(iso);
  return Date.UTC(
    digits(iso, 0, 4),
    digits(iso, 5, 7) - 1,
    digits(iso, 8, 10),
    digits(iso, 11, 13),
    digits(iso, 14, 16),
    digits(iso, 17, 19),
    digits(iso, 20, 23),
  );
}

// The decimal number in iso[from, to) (module level: no closure per call).
function digits(iso: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) value = value * 10 + (iso.charCodeAt(i) - 48);
  return value;
}
