/**
 * Epoch ms of an ISO-8601 UTC instant. The stored form (`toISOString()`:
 * `YYYY-MM-DDTHH:mm:ss.sssZ`) is read field by field through `Date.UTC`, several times faster
 * than `Date.parse`, which stores use per entry on bulk inserts; anything else falls back
 * to `Date.parse`. @internal
 */
export function instantMs(iso: string): number {
  if (iso.length !== 24 || iso.charCodeAt(23) !== 90 /* Z */ || iso.charCodeAt(10) !== 84 /* T */) return Date.parse(iso);
  const n = (from: number, to: number) => {
    let value = 0;
    for (let i = from; i < to; i += 1) value = value * 10 + (iso.charCodeAt(i) - 48);
    return value;
  };
  return Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19), n(20, 23));
}
