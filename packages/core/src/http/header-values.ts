/** Small readers shared by the rate-limit parsers. @internal */

/** A header as a finite number, or undefined when absent or not a number. */
export function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  if (isPlainDigits(raw)) return Number(raw);
  // Some servers send a list (`100, 100;w=60`): the first item is the value.
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?:[,;]|$)/.exec(raw);
  return match ? Number(match[1]) : undefined;
}

/** Only ASCII digits, short enough to be exact (the usual header: no pattern to run). */
function isPlainDigits(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Drops the fields that are undefined, so observations stay minimal and comparable. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
