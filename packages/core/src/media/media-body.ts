import type { AdapterV1MediaBody, AdapterV1MediaChunk } from '../adapter-spec/index.js';
import { ValidationError } from '../errors/index.js';

/** A media file's bytes, read in pieces (the spec's `AdapterV1MediaBody`), plus a bounded look at its first bytes for probing. */
export interface MediaBody extends AdapterV1MediaBody {
  /**
   * Up to `maxBytes` of the file's first bytes. A one-shot stream keeps them and replays them
   * at the start of its one read, so probing does not use up the stream.
   */
  head(maxBytes: number): Promise<Uint8Array>;
}

export type MediaChunk = AdapterV1MediaChunk;

/** How to read from an offset: every call starts a fresh read. */
/** Reads a body's bytes from an offset to its end. */
export type ReadFrom = (offset: number) => AsyncIterable<Uint8Array>;

function invalid(field: string, message: string): ValidationError {
  return new ValidationError('media body', [{ path: field.split('.'), code: 'invalid_media_body', message }]);
}

/**
 * Cuts a stream of pieces into chunks of exactly `chunkSize` bytes (the last one shorter). One
 * buffer serves every chunk, so memory stays at one chunk whatever the file size: a chunk's
 * bytes are valid until the next one is asked for.
 */
async function* toChunks(pieces: AsyncIterable<Uint8Array>, chunkSize: number, offset: number): AsyncIterable<MediaChunk> {
  const chunk = new Uint8Array(chunkSize);
  let filled = 0;
  let index = offset / chunkSize;
  let at = offset;
  for await (const piece of pieces) {
    let read = 0;
    while (read < piece.length) {
      const take = Math.min(chunkSize - filled, piece.length - read);
      chunk.set(piece.subarray(read, read + take), filled);
      filled += take;
      read += take;
      if (filled === chunkSize) {
        yield { index, offset: at, bytes: chunk };
        index += 1;
        at += filled;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield { index, offset: at, bytes: chunk.subarray(0, filled) };
}

/**
 * Builds a body from a function that reads from an offset. Used for every source; exported for
 * adapter authors and tests that have their own byte source.
 *
 * `options.rereadable` is false for a one-shot source: it may be read once (after `head`).
 * @example
 * ```ts
 * const body = createMediaBody({ sizeBytes: 3, mimeType: 'image/png', rereadable: true, read: async function* (offset) { yield bytes.subarray(offset); } });
 * ```
 */
export function createMediaBody(options: { sizeBytes: number; mimeType: string; rereadable: boolean; read: ReadFrom }): MediaBody {
  const { sizeBytes, mimeType, rereadable, read } = options;
  let headBytes: Uint8Array | undefined;
  let rest: AsyncIterator<Uint8Array> | undefined;
  let used = false;

  const checkOffset = (offset: number, field: string) => {
    if (!Number.isInteger(offset) || offset < 0 || offset > sizeBytes) {
      throw invalid(field, `must be a whole byte offset from 0 to ${sizeBytes}: got ${offset}`);
    }
  };

  async function* oneShot(offset: number): AsyncIterable<Uint8Array> {
    if (used)
      throw invalid('stream', 'a stream source can be read once and was already read: give a file path, Blob or URL to read it again');
    used = true;
    let skip = offset;
    const emit = function* (piece: Uint8Array) {
      if (skip >= piece.length) skip -= piece.length;
      else {
        yield skip > 0 ? piece.subarray(skip) : piece;
        skip = 0;
      }
    };
    if (headBytes) yield* emit(headBytes);
    headBytes = undefined;
    const iterator = rest ?? read(0)[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      yield* emit(next.value);
    }
  }

  const body: MediaBody = {
    sizeBytes,
    mimeType,
    rereadable,
    stream(offset = 0) {
      checkOffset(offset, 'offset');
      return rereadable ? read(offset) : oneShot(offset);
    },
    chunks(chunkSize, offset = 0) {
      if (!Number.isInteger(chunkSize) || chunkSize <= 0)
        throw invalid('chunkSize', `must be a whole number of bytes above 0: got ${chunkSize}`);
      checkOffset(offset, 'offset');
      if (offset % chunkSize !== 0) throw invalid('offset', `must be a multiple of chunkSize (${chunkSize}): got ${offset}`);
      return toChunks(body.stream(offset), chunkSize, offset);
    },
    async head(maxBytes) {
      if (!rereadable) {
        if (used) throw invalid('stream', 'the stream was already read: probe it before reading it');
        if (headBytes && headBytes.length >= Math.min(maxBytes, sizeBytes)) return headBytes.subarray(0, maxBytes);
        rest ??= read(0)[Symbol.asyncIterator]();
        headBytes = await collect(rest, Math.min(maxBytes, sizeBytes), headBytes);
        return headBytes.subarray(0, maxBytes);
      }
      const iterator = read(0)[Symbol.asyncIterator]();
      const bytes = await collect(iterator, Math.min(maxBytes, sizeBytes));
      await iterator.return?.();
      return bytes;
    },
  };
  return body;
}

/** Reads pieces until `want` bytes are held (or the source ends); a piece that overshoots is kept whole. */
async function collect(iterator: AsyncIterator<Uint8Array>, want: number, start?: Uint8Array): Promise<Uint8Array> {
  const pieces: Uint8Array[] = start ? [start] : [];
  let held = start?.length ?? 0;
  while (held < want) {
    const next = await iterator.next();
    if (next.done) break;
    pieces.push(next.value);
    held += next.value.length;
  }
  const out = new Uint8Array(held);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
