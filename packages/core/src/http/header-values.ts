/** Small readers shared by the rate-limit parsers. @internal */

/** A header as a finite number, or undefined when absent or not a number. */
export function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null) return undefined;
  // Some servers send a list (`100, 100;w=60`): the first item is the value.
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?:[,;]|$)/.exec(raw);
  return match ? Number(match[1]) : undefined;
}

/** Drops the fields that are undefined, so observations stay minimal and comparable. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
