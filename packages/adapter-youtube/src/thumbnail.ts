import { ValidationError, parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { spend } from './quota.js';

const MAX_BYTES = 2 * 1024 * 1024;

/** The thumbnail's bytes, or a ValidationError when YouTube would refuse their size (checked before the video uploads). @internal */
export function checkThumbnail(thumbnail: { base64: string }): Uint8Array {
  const binary = atob(thumbnail.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  if (bytes.length > MAX_BYTES) {
    throw new ValidationError('YouTube thumbnail', [
      {
        path: ['networkOptions', 'youtube', 'thumbnail'],
        code: 'media_too_large',
        message: `is ${bytes.length} bytes; YouTube takes thumbnails up to 2 MB`,
      },
    ]);
  }
  return bytes;
}

/**
 * Sets a video's custom thumbnail: `POST /upload/youtube/v3/thumbnails/set?videoId=…` with the
 * image as the body (https://developers.google.com/youtube/v3/docs/thumbnails/set: JPEG or PNG,
 * up to 2 MB; 50 units). @internal
 */
export async function setThumbnail(
  context: AdapterContext,
  videoId: string,
  thumbnail: { base64: string; mimeType: string },
): Promise<void> {
  const bytes = checkThumbnail(thumbnail);
  const { bucket, cost } = spend('thumbnails.set', context);
  const response = await context.http.request({
    method: 'POST',
    path: '/upload/youtube/v3/thumbnails/set',
    searchParams: { videoId, uploadType: 'media' },
    body: bytes as Uint8Array<ArrayBuffer>,
    headers: { 'content-type': thumbnail.mimeType },
    bucket,
    cost,
    // Setting the same thumbnail twice is harmless.
    idempotent: true,
    signal: context.signal,
  });
  parseApiResponse(z.object({ items: z.array(z.unknown()) }).loose(), response, 'youtube', 'POST thumbnails.set');
}
