/** One chunk of a media body, as {@link AdapterV1MediaBody.chunks} yields it. */
export interface AdapterV1MediaChunk {
  /** 0-based chunk number (`offset / chunkSize`). */
  index: number;
  /** Byte offset of the chunk's first byte in the file. */
  offset: number;
  /** The chunk's bytes: `chunkSize` long, except the last one. */
  bytes: Uint8Array;
}

/**
 * A media file's bytes, read in pieces so that nothing holds the whole file in memory (spec v1.1).
 * Core supplies it on every `MediaRef` handed to an adapter that declares `media.streamedBodies`.
 *
 * A body made from a one-shot stream can be read once: a second `stream()`/`chunks()` call
 * throws, and so does an `offset` behind what was already read. File, Blob and URL bodies can be
 * read again from any offset (a URL with an HTTP `Range` request).
 */
export interface AdapterV1MediaBody {
  /** Exact size in bytes, known before the first byte is read. */
  readonly sizeBytes: number;
  /** Media type, from the bytes when core probed them (e.g. `video/mp4`). */
  readonly mimeType: string;
  /** Whether the body can be read more than once (false for a one-shot stream). */
  readonly rereadable: boolean;
  /** The bytes from `offset` (default 0) to the end, in pieces of whatever size the source gives. */
  stream(offset?: number): AsyncIterable<Uint8Array>;
  /**
   * The bytes from `offset` (default 0) in chunks of exactly `chunkSize` bytes (the last one
   * shorter). `offset` must be a multiple of `chunkSize`. One buffer is reused: a chunk's bytes
   * are valid until the next chunk is asked for (copy them to keep them).
   */
  chunks(chunkSize: number, offset?: number): AsyncIterable<AdapterV1MediaChunk>;
}
