import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError, NetworkError, ValidationError, redactUrl } from '@smm/core/adapter-kit';
import type { AdapterMediaRef as MediaRef } from '@smm/core/adapter-kit';
import { UploadedBlobSchema, type BlobRef } from './api-schemas.js';
import { BLUESKY_CAPABILITIES } from './capabilities.js';
import { BLUESKY_BUCKETS } from './rate-limits.js';

/** Reads the bytes of a piece of media: decoded from base64, or downloaded (without any Bluesky token). */
async function mediaBytes(
  media: MediaRef,
  path: Array<string | number>,
  fetchMedia: typeof fetch,
  signal: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  if (media.source.type === 'bytes') return Uint8Array.from(atob(media.source.base64), (char) => char.charCodeAt(0));
  const shown = redactUrl(media.source.url);
  let response: Response;
  try {
    response = await fetchMedia(media.source.url, { signal });
  } catch (cause) {
    throw new NetworkError(`could not download the media at ${shown}`, { cause, phase: 'unknown' });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ValidationError('Bluesky media', [
      {
        path: [...path, 'source', 'url'],
        code: 'media_unavailable',
        message: `could not be downloaded (${response.status} from ${shown}): give a reachable URL or the bytes`,
      },
    ]);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Uploads one image or video with `com.atproto.repo.uploadBlob` (the raw bytes, with the media
 * type as `content-type`; a streamed body goes as a stream with its `content-length`, never
 * held whole) and returns the blob reference a record embeds. Uploading the same
 * bytes twice is harmless (same CID; unused blobs are dropped by the PDS), so it is retried
 * like any idempotent request. A blob above Bluesky's size limit is refused before sending.
 *
 * @throws ValidationError when the media is too large (here or by the PDS's `BlobTooLarge`) or cannot be downloaded.
 * @internal
 */
export async function uploadBlob(
  media: MediaRef,
  path: Array<string | number>,
  context: AdapterContext,
  fetchMedia: typeof fetch,
): Promise<BlobRef> {
  // A body (core's streamed bodies: files, Blobs, streams, URLs) is sent as a stream, with its
  // size up front; a v1.0-style source is read whole as before.
  const body = media.body;
  const bytes = body ? undefined : await mediaBytes(media, path, fetchMedia, context.signal);
  const sizeBytes = body ? body.sizeBytes : bytes!.byteLength;
  const limit = BLUESKY_CAPABILITIES.content.media.maxSizeBytes[media.kind as 'image' | 'video'];
  if (limit !== undefined && sizeBytes > limit) {
    throw new ValidationError('Bluesky media', [
      {
        path,
        code: 'media_too_large',
        message: `is ${sizeBytes} bytes; Bluesky takes at most ${limit} bytes for ${media.kind}: compress or resize it`,
      },
    ]);
  }
  try {
    const response = await context.http.request({
      method: 'POST',
      path: '/xrpc/com.atproto.repo.uploadBlob',
      ...(body
        ? { streamBody: () => body.stream(), headers: { 'content-type': media.mimeType, 'content-length': String(sizeBytes) } }
        : { body: bytes!, headers: { 'content-type': media.mimeType } }),
      bucket: BLUESKY_BUCKETS.media,
      idempotent: true,
      signal: context.signal,
    });
    return parseApiResponse(UploadedBlobSchema, response, 'bluesky', 'POST com.atproto.repo.uploadBlob').blob;
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.platformCode === 'BlobTooLarge') {
      throw new ValidationError(
        'Bluesky media',
        [
          {
            path,
            code: 'media_too_large',
            message: `was refused by Bluesky as too large (${sizeBytes} bytes): compress or resize it`,
          },
        ],
        { cause: error },
      );
    }
    throw error;
  }
}
