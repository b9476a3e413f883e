import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { openMediaBody } from './open-media-body.js';

async function* pieces(bytes: Uint8Array, cuts: number[]): AsyncIterable<Uint8Array> {
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.slice(at, Math.max(at, cut));
    at = Math.max(at, cut);
  }
}

describe('media bodies', () => {
  it('cut any source into chunks of exactly chunkSize (the last shorter) with their index and offset (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 6 }),
        async (bytes, chunkSize, cuts) => {
          const body = await openMediaBody(
            {
              type: 'stream',
              stream: pieces(
                bytes,
                cuts.sort((a, b) => a - b),
              ),
              sizeBytes: bytes.length,
            },
            { mimeType: 'application/octet-stream' },
          );
          const seen: Array<[number, number, number[]]> = [];
          for await (const chunk of body.chunks(chunkSize)) seen.push([chunk.index, chunk.offset, [...chunk.bytes]]);
          const expected: Array<[number, number, number[]]> = [];
          for (let offset = 0, index = 0; offset < bytes.length; offset += chunkSize, index += 1) {
            expected.push([index, offset, [...bytes.slice(offset, offset + chunkSize)]]);
          }
          expect(seen).toEqual(expected);
        },
      ),
    );
  });

  it('a Blob reads again from any chunk offset', async () => {
    const bytes = Uint8Array.from({ length: 10 }, (_, i) => i);
    const body = await openMediaBody({ type: 'blob', blob: new Blob([bytes]) }, { mimeType: 'application/octet-stream' });
    const from6: number[][] = [];
    for await (const chunk of body.chunks(3, 6)) from6.push([chunk.index, ...chunk.bytes]);
    expect(from6).toEqual([
      [2, 6, 7, 8],
      [3, 9],
    ]);
    expect(body.rereadable).toBe(true);
  });

  it('a stream reads once: the second read is refused with a ValidationError that says what to give instead', async () => {
    const body = await openMediaBody({ type: 'stream', stream: pieces(new Uint8Array(4), []), sizeBytes: 4 }, { mimeType: 'image/png' });
    for await (const _ of body.stream()) void _;
    const again = (async () => {
      for await (const _ of body.stream()) void _;
    })();
    await expect(again).rejects.toSatisfy(
      (error) => ValidationError.isInstance(error) && /file path, Blob or URL/.test((error as Error).message),
    );
  });

  it('refuses a chunk offset that is not a chunk boundary', async () => {
    const body = await openMediaBody({ type: 'bytes', base64: 'AAAA' }, { mimeType: 'image/png' });
    expect(() => body.chunks(2, 1)).toThrow(/multiple of chunkSize/);
  });

  it('a stream source without sizeBytes is refused when the draft is parsed, saying to give it', async () => {
    const { parseMediaRef } = await import('../model/index.js');
    expect(() =>
      parseMediaRef({ kind: 'video', mimeType: 'video/mp4', source: { type: 'stream', stream: pieces(new Uint8Array(1), []) } }),
    ).toThrow(/sizeBytes/);
  });
});
