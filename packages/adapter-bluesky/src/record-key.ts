// base32-sortable, the alphabet of atproto TIDs.
const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

// How a record key made from an idempotency key is laid out (https://atproto.com/specs/tid: one
// zero bit, 53 bits of microseconds since the epoch, 10 bits of clock id; 13 characters of
// base32-sortable). The low 30 bits (the clock id and the lowest 20 bits of the microseconds,
// ~1 s) are a marker taken from SHA-256(`<key>:<part index>`); the bits above them are the time of
// the publish's first attempt, plus the part index so a thread's parts sort in order. So:
// - the key sorts where a post written at that time sorts (readers order posts by record key);
// - a retry does not recompute the time: it finds the first part by its marker among the
//   account's newest records (`listRecords`) and takes the time from that part's key, so every
//   attempt names each part with the same record key.
const MARKER_BITS = 30n;
const TIME_SHIFT = 20n; // the marker's share of the microseconds

/** The 30-bit marker of one part of a post published with an idempotency key. */
async function markerOf(idempotencyKey: string, partIndex: number): Promise<bigint> {
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${idempotencyKey}:${partIndex}`)),
  );
  let value = 0n;
  for (let index = 0; index < 4; index += 1) value = (value << 8n) | BigInt(digest[index]!);
  return value >> (32n - MARKER_BITS);
}

function encodeTid(value: bigint): string {
  let rest = value;
  let out = '';
  for (let index = 0; index < 13; index += 1) {
    out = SORTABLE[Number(rest & 31n)]! + out;
    rest >>= 5n;
  }
  return out;
}

/** The 64-bit value of a TID, or `null` when `rkey` is not a TID. @internal */
export function decodeTid(rkey: string): bigint | null {
  if (!TID.test(rkey)) return null;
  let value = 0n;
  for (const char of rkey) value = (value << 5n) | BigInt(SORTABLE.indexOf(char));
  return value;
}

/** Where a publish's record keys start: the time of its first attempt, in units of 2^20 µs (~1 s). */
export type KeyEpoch = bigint;

/**
 * The epoch of a publish first attempted at `nowMs` (milliseconds since the Unix epoch).
 *
 * @example
 * ```ts
 * keyEpochAt(Date.parse('2026-01-05T09:00:00Z')); // 1685718154n: the time in units of 2^20 µs
 * ```
 */
export function keyEpochAt(nowMs: number): KeyEpoch {
  return (BigInt(Math.trunc(nowMs)) * 1000n) >> TIME_SHIFT;
}

/** The time (ms since the epoch) a record key made by {@link recordKeyFor} stands for. @internal */
export function keyTimeMs(rkey: string): number | null {
  const value = decodeTid(rkey);
  return value === null ? null : Number((value >> 10n) / 1000n);
}

/**
 * The record key of one part of a post published with an idempotency key: a TID whose time is
 * the publish's first attempt (`epoch`, from {@link keyEpochAt}) plus the part index (in units
 * of ~1 s), and whose low 30 bits are a marker derived from the key and the part. The same key,
 * epoch and part always give the same record key, so the PDS refuses a second copy of a part and
 * the part can be read back.
 *
 * @example
 * ```ts
 * const epoch = keyEpochAt(Date.parse('2026-01-05T09:00:00Z'));
 * await recordKeyFor('launch-1', 0, epoch); // a TID for 2026-01-05T09:00:00Z (to ~1 s), the same on every run
 * ```
 */
export async function recordKeyFor(idempotencyKey: string, partIndex: number, epoch: KeyEpoch): Promise<string> {
  const time = epoch + BigInt(partIndex);
  return encodeTid((time << MARKER_BITS) | (await markerOf(idempotencyKey, partIndex)));
}

/**
 * The epoch of a publish whose first part has record key `rkey`, when that key carries the
 * marker of `idempotencyKey` (it was made by {@link recordKeyFor} for part 0); otherwise `null`.
 * @internal
 */
export async function epochOfFirstPart(rkey: string, idempotencyKey: string): Promise<KeyEpoch | null> {
  const value = decodeTid(rkey);
  if (value === null) return null;
  const marker = value & ((1n << MARKER_BITS) - 1n);
  return marker === (await markerOf(idempotencyKey, 0)) ? value >> MARKER_BITS : null;
}
