import { ApiCallError, NetworkError, TimeoutError, type AdapterContext, type AdapterMediaBody } from '@smm/core/adapter-kit';
import { chunkBounds, type ChunkPlan } from './chunk-plan.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import { fetchStatus } from './publish-status.js';

/** What the upload needs. @internal */
export interface VideoUpload {
  body: AdapterMediaBody;
  plan: ChunkPlan;
  uploadUrl: string;
  publishId: string;
  mimeType: string;
  /** How often to ask where the upload stands after a dropped connection, then resend (default 5). */
  maxResumes?: number;
}

// A dropped connection or timeout leaves a chunk's outcome unknown: ask TikTok.
const unknownOutcome = (error: unknown) =>
  NetworkError.isInstance(error) ||
  TimeoutError.isInstance(error) ||
  (ApiCallError.isInstance(error) && error.isRetryable) ||
  error instanceof TypeError;

/** Fills `buffer[0..length)` from the stream, keeping what is left of the last piece for the next chunk. */
async function fill(pieces: AsyncIterator<Uint8Array>, buffer: Uint8Array, length: number, carry: { rest: Uint8Array }): Promise<void> {
  let at = 0;
  while (at < length) {
    let piece = carry.rest;
    if (piece.length === 0) {
      const next = await pieces.next();
      if (next.done)
        throw new ApiCallError(`the video ended after ${at} of ${length} bytes of a chunk: its declared size is wrong`, {
          status: 0,
          platform: 'tiktok',
          isRetryable: false,
        });
      piece = next.value;
    }
    const take = Math.min(piece.length, length - at);
    buffer.set(piece.subarray(0, take), at);
    carry.rest = piece.subarray(take);
    at += take;
  }
}

const SLICE_BYTES = 256 * 1024;

async function* slices(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

/**
 * Sends a video to TikTok's `upload_url` in sequential chunks as the Media Transfer Guide
 * describes: `PUT` with `Content-Type`, `Content-Range: bytes FIRST-LAST/TOTAL`; 206 while
 * partial, 201 when complete. It reads the body once, holding one chunk (the final one, with
 * the trailing bytes, is the largest: under 2 × chunk size). After a dropped connection it asks
 * status fetch how many bytes TikTok holds (`uploaded_bytes`) and resends the chunk only if it
 * did not arrive. Returns whether every byte is known to have arrived (false: the last answer was
 * lost and TikTok could not be asked — poll the publish to find out).
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide @internal
 */
export async function uploadVideo(upload: VideoUpload, context: AdapterContext): Promise<boolean> {
  const { plan, body } = upload;
  const largest = plan.videoSize - (plan.totalChunkCount - 1) * plan.chunkSize;
  const buffer = new Uint8Array(largest);
  const pieces = body.stream()[Symbol.asyncIterator]();
  const carry = { rest: new Uint8Array(0) };
  let resumes = 0;
  for (let index = 0; index < plan.totalChunkCount; index += 1) {
    const { first, last } = chunkBounds(plan, index);
    const length = last - first + 1;
    await fill(pieces, buffer, length, carry);
    for (;;) {
      try {
        await context.http.request({
          method: 'PUT',
          path: upload.uploadUrl,
          // Streamed in slices from the one chunk buffer (a factory: a retry streams it again), so
          // fetch makes no copy of the chunk.
          streamBody: () => slices(buffer.subarray(0, length)),
          headers: {
            'content-type': upload.mimeType,
            'content-length': String(length),
            'content-range': `bytes ${first}-${last}/${plan.videoSize}`,
          },
          bucket: TIKTOK_BUCKETS.upload,
          // The same range again replaces what arrived: safe to resend.
          idempotent: true,
          responseType: 'none',
          signal: context.signal,
        });
        break;
      } catch (error) {
        if (!unknownOutcome(error) || context.signal.aborted || ++resumes > (upload.maxResumes ?? 5)) {
          if (index === plan.totalChunkCount - 1 && unknownOutcome(error)) return false;
          throw error;
        }
        const held = (await fetchStatus(upload.publishId, context)).uploaded_bytes;
        if (held === last + 1) break; // it arrived; only the answer was lost
        if (held !== first)
          throw new NetworkError(
            `the upload was cut at chunk ${index + 1} of ${plan.totalChunkCount} and TikTok holds ${held ?? 'an unknown number of'} bytes, not ${first}: publish again`,
            { cause: error },
          );
        context.logger.info('tiktok upload resumed', { chunk: index + 1, of: plan.totalChunkCount });
      }
    }
  }
  return true;
}
