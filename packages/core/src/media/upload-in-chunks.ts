import type { AdapterV1MediaBody } from '../adapter-spec/index.js';
import { ApiCallError, NetworkError, TimeoutError, ValidationError } from '../errors/index.js';

/** One chunk to send, as {@link uploadInChunks} hands it to `sendChunk`. */
export interface UploadChunk {
  index: number;
  offset: number;
  bytes: Uint8Array;
  /** Whether this is the file's last chunk (some APIs finalise on it). */
  last: boolean;
  signal: AbortSignal | undefined;
}

/** Options of {@link uploadInChunks}. */
export interface UploadInChunksOptions {
  body: AdapterV1MediaBody;
  /** Bytes per chunk (the last one may be shorter). */
  chunkSize: number;
  /** Sends one chunk. Throws on failure; a network error or timeout means the outcome is unknown. */
  sendChunk(chunk: UploadChunk): Promise<void>;
  /**
   * Asks the server how many bytes of the file it holds (e.g. a resumable session's `Range`
   * header, or chunks × chunkSize). Without it, a dropped connection ends the upload.
   */
  queryAcknowledged?(): Promise<number>;
  /** Byte offset to start from, when resuming an upload an earlier run began (a multiple of `chunkSize`). */
  startAt?: number;
  /** How many times to resume after a dropped connection (default 5). */
  maxResumes?: number;
  /** Which failures leave the outcome unknown and are worth resuming (default: NetworkError, TimeoutError, retryable ApiCallError, fetch's TypeError). */
  isResumable?(error: unknown): boolean;
  /** Called after each acknowledged chunk with the bytes sent so far and the total. */
  onProgress?(progress: { sentBytes: number; totalBytes: number }): void;
  signal?: AbortSignal;
}

function defaultResumable(error: unknown): boolean {
  if (NetworkError.isInstance(error) || TimeoutError.isInstance(error)) return true;
  if (ApiCallError.isInstance(error)) return error.isRetryable;
  return error instanceof TypeError; // fetch's "fetch failed" / "terminated"
}

/**
 * Uploads a media body in chunks, one at a time, holding one chunk in memory. After a dropped
 * connection it asks the server what it holds (`queryAcknowledged`) and goes on from there —
 * resending the chunk only if the server does not have it — so the server gets each chunk once.
 *
 * @throws NetworkError when the connection drops and there is no `queryAcknowledged`, or resumes run out.
 * @throws ValidationError for a bad `chunkSize`/`startAt`, or an acknowledged count that matches no chunk.
 * @example
 * ```ts
 * await uploadInChunks({
 *   body: media.body!,
 *   chunkSize: 5 * 1024 * 1024,
 *   sendChunk: ({ index, bytes, signal }) => context.http.request({ method: 'POST', path: '/upload', searchParams: { segment: index }, body: bytes, signal }),
 *   queryAcknowledged: async () => (await status()).receivedBytes,
 * });
 * ```
 */
export async function uploadInChunks(options: UploadInChunksOptions): Promise<{ sentBytes: number; chunks: number }> {
  const { body, chunkSize, sendChunk, queryAcknowledged, signal } = options;
  const isResumable = options.isResumable ?? defaultResumable;
  const maxResumes = options.maxResumes ?? 5;
  const total = body.sizeBytes;
  const bad = (field: string, message: string) =>
    new ValidationError('uploadInChunks', [{ path: [field], code: 'invalid_upload', message }]);
  let offset = options.startAt ?? 0;
  if (offset % chunkSize !== 0 && offset !== total) throw bad('startAt', `must be a multiple of chunkSize (${chunkSize}): got ${offset}`);
  let resumes = 0;
  let sentChunks = 0;

  restart: for (;;) {
    if (offset >= total) return { sentBytes: total, chunks: sentChunks };
    for await (const chunk of body.chunks(chunkSize, offset)) {
      for (;;) {
        signal?.throwIfAborted();
        const last = chunk.offset + chunk.bytes.length >= total;
        try {
          await sendChunk({ ...chunk, last, signal });
          break;
        } catch (error) {
          if (!isResumable(error) || signal?.aborted) throw error;
          if (!queryAcknowledged) {
            throw new NetworkError(
              `upload interrupted at chunk ${chunk.index} (byte ${chunk.offset} of ${total}) and the adapter cannot ask what the server holds: start again`,
              {
                cause: error,
              },
            );
          }
          if (++resumes > maxResumes) {
            throw new NetworkError(
              `upload interrupted ${resumes} times, at chunk ${chunk.index} (byte ${chunk.offset} of ${total}): check the connection and start again`,
              {
                cause: error,
              },
            );
          }
          const held = await queryAcknowledged();
          if (held === chunk.offset) continue; // not received: send this chunk again
          if (held === chunk.offset + chunk.bytes.length) break; // received, only the answer was lost
          if (held % chunkSize !== 0 && held !== total)
            throw bad('queryAcknowledged', `the server holds ${held} bytes, which is not a chunk boundary (chunkSize ${chunkSize})`);
          if (!body.rereadable || held > total)
            throw bad('queryAcknowledged', `the server holds ${held} bytes; this body cannot be read again from there`);
          offset = held;
          continue restart;
        }
      }
      sentChunks += 1;
      offset = chunk.offset + chunk.bytes.length;
      options.onProgress?.({ sentBytes: offset, totalBytes: total });
    }
    return { sentBytes: offset, chunks: sentChunks };
  }
}
