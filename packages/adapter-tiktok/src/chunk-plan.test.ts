import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBounds, planChunks } from './chunk-plan.js';

const MB = 1024 * 1024;

// Expected values worked out by hand from the Media Transfer Guide's rules:
// https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
describe('planChunks', () => {
  it('sends a video under 5 MB whole', () => {
    expect(planChunks(3_000_000, 10 * MB)).toEqual({ videoSize: 3_000_000, chunkSize: 3_000_000, totalChunkCount: 1 });
  });

  it('rounds the chunk count down and lets the final chunk carry the trailing bytes', () => {
    // 25 MiB in 10 MiB chunks: floor(2.5) = 2 chunks, the second 15 MiB.
    const plan = planChunks(25 * MB, 10 * MB);
    expect(plan).toEqual({ videoSize: 25 * MB, chunkSize: 10 * MB, totalChunkCount: 2 });
    expect(chunkBounds(plan, 0)).toEqual({ first: 0, last: 10 * MB - 1 });
    expect(chunkBounds(plan, 1)).toEqual({ first: 10 * MB, last: 25 * MB - 1 });
  });

  it('keeps every plan within the rules for any size up to 4 GB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 * MB }), fc.integer({ min: 5 * MB, max: 64 * MB }), (size, chunkBytes) => {
        const plan = planChunks(size, chunkBytes);
        const final = chunkBounds(plan, plan.totalChunkCount - 1);
        expect(final.last).toBe(size - 1);
        expect(plan.totalChunkCount).toBeGreaterThanOrEqual(1);
        expect(plan.totalChunkCount).toBeLessThanOrEqual(1000);
        if (size < 5 * MB) expect(plan.chunkSize).toBe(size);
        if (plan.totalChunkCount > 1) {
          expect(plan.chunkSize).toBeGreaterThanOrEqual(5 * MB);
          expect(plan.chunkSize).toBeLessThanOrEqual(64 * MB);
          expect(plan.totalChunkCount).toBe(Math.floor(size / plan.chunkSize));
          expect(final.last - final.first + 1).toBeLessThanOrEqual(128 * MB);
        }
        if (size > 64 * MB) expect(plan.totalChunkCount).toBeGreaterThan(1);
      }),
    );
  });
});
