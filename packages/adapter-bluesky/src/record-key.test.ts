import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKeyFor } from './record-key.js';

// Independent oracle: Node's SHA-256, BigInt.toString(32), then the digit → base32-sortable map.
function oracle(key: string, index: number): string {
  const digest = createHash('sha256').update(`${key}:${index}`).digest();
  const value = digest.readBigUInt64BE(0) & 0x7fffffffffffffffn;
  const standard = '0123456789abcdefghijklmnopqrstuv';
  const sortable = '234567abcdefghijklmnopqrstuvwxyz';
  return [...value.toString(32).padStart(13, '0')].map((digit) => sortable[standard.indexOf(digit)]).join('');
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

describe('recordKeyFor', () => {
  it('is a valid TID equal to the SHA-256-derived key, for any idempotency key and part', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(200), async (key, index) => {
        const rkey = await recordKeyFor(key, index);
        expect(rkey).toMatch(TID);
        expect(rkey).toBe(oracle(key, index));
      }),
      { numRuns: 200 },
    );
  });

  it('names each part of a thread differently', async () => {
    const keys = await Promise.all([0, 1, 2, 3].map((index) => recordKeyFor('launch-1', index)));
    expect(new Set(keys).size).toBe(4);
  });
});
