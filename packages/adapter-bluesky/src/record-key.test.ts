import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochOfFirstPart, keyEpochAt, recordKeyFor } from './record-key.js';

const SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

// Independent oracle for the documented layout: Node's SHA-256 (top 30 bits as the marker),
// BigInt arithmetic for the time, BigInt.toString(32) then the digit → base32-sortable map.
function oracle(key: string, index: number, firstAttemptMs: number): string {
  const marker = BigInt(createHash('sha256').update(`${key}:${index}`).digest().readUInt32BE(0) >>> 2);
  const time = ((BigInt(firstAttemptMs) * 1000n) >> 20n) + BigInt(index);
  const value = (time << 30n) | marker;
  const standard = '0123456789abcdefghijklmnopqrstuv';
  return [...value.toString(32).padStart(13, '0')].map((digit) => SORTABLE[standard.indexOf(digit)]).join('');
}

// The TID spec's reading: 13 base32-sortable digits → 64 bits; top bit 0, then 53 bits of µs, 10 of clock id.
function microsecondsOf(rkey: string): bigint {
  let value = 0n;
  for (const char of rkey) value = value * 32n + BigInt(SORTABLE.indexOf(char));
  expect(value >> 63n).toBe(0n);
  return value >> 10n;
}

// 2000-01-01 .. 2100-01-01: any clock a publish could run on.
const instants = fc.integer({ min: 946_684_800_000, max: 4_102_444_800_000 });

describe('recordKeyFor', () => {
  it('is a valid TID with the documented layout, for any idempotency key, part and time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(200), instants, async (key, index, now) => {
        const rkey = await recordKeyFor(key, index, keyEpochAt(now));
        expect(rkey).toMatch(TID);
        expect(rkey).toBe(oracle(key, index, now));
      }),
      { numRuns: 200 },
    );
  });

  it('stands for the time of the first attempt (to ~1 s per part), not a far-off time, so it sorts with posts written then', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.nat(24), instants, async (key, index, now) => {
        const micros = microsecondsOf(await recordKeyFor(key, index, keyEpochAt(now)));
        const nowMicros = BigInt(now) * 1000n;
        // 2^20 µs ≈ 1.05 s: the time is cut to that unit, then each part adds one unit.
        expect(micros >= nowMicros - 2n ** 20n).toBe(true);
        expect(micros < nowMicros + BigInt(index + 1) * 2n ** 20n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('names the parts of a thread differently and in order, so readers sorting by record key see them in order', async () => {
    const epoch = keyEpochAt(Date.parse('2026-01-05T09:00:00.000Z'));
    const keys = await Promise.all([0, 1, 2, 3].map((index) => recordKeyFor('launch-1', index, epoch)));
    expect(new Set(keys).size).toBe(4);
    expect([...keys].sort()).toEqual(keys);
  });

  it('gives a retry the first attempt’s epoch back from the first part’s key, and nothing for another key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), instants, async (key, other, now) => {
        fc.pre(key !== other);
        const epoch = keyEpochAt(now);
        const first = await recordKeyFor(key, 0, epoch);
        expect(await epochOfFirstPart(first, key)).toBe(epoch);
        // A different key's marker matches by chance once in 2^30: with distinct seeds here it must not.
        const foreign = await recordKeyFor(other, 0, epoch);
        if (foreign !== first) expect(await epochOfFirstPart(foreign, key)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
