// base32-sortable, the alphabet of atproto TIDs.
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/**
 * A TID (https://atproto.com/specs/tid): 64 bits with the top bit clear, 53 bits of
 * microseconds since the Unix epoch then a 10-bit clock id, written as 13 characters of
 * base32-sortable so that TIDs sort by time.
 *
 * @example
 * ```ts
 * tid(1_767_603_600_000_000n, 7); // a 13-character TID for 2026-01-05T09:00:00Z
 * ```
 */
export function tid(microseconds: bigint, clockId: number): string {
  let value = ((microseconds & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 1023);
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    out = SORTABLE[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}
