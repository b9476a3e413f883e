// base32-sortable, the alphabet of atproto TIDs.
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * The record key of one part of a post published with an idempotency key: a syntactically valid
 * TID (13 characters of base32-sortable, top bit clear) made from the first 63 bits of
 * SHA-256(`<key>:<part index>`). The same key always names the same record, so the PDS refuses
 * a second copy of a part and the part can be read back by key alone.
 *
 * @example
 * ```ts
 * await recordKeyFor('launch-1', 0); // the same 13-character TID on every run, on every machine
 * ```
 */
export async function recordKeyFor(idempotencyKey: string, partIndex: number): Promise<string> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${idempotencyKey}:${partIndex}`)),
  );
  let value = 0n;
  for (let index = 0; index < 8; index += 1) value = (value << 8n) | BigInt(digest[index]!);
  value &= (1n << 63n) - 1n;
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    out = SORTABLE[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
