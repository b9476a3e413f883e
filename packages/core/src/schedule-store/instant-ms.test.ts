import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantMs } from './instant-ms.js';

describe('instantMs', () => {
  it('agrees with Date.parse on every stored instant and on other ISO forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(instantMs(iso)).toBe(Date.parse(iso));
      }),
    );
    expect(instantMs('2026-03-29T07:00:00Z')).toBe(Date.parse('2026-03-29T07:00:00Z'));
  });
});
