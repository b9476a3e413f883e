import { ApiCallError, parseApiResponse, type AdapterContext, type AdapterMediaRef as MediaRef } from '@smm/core/adapter-kit';
import { DocumentInitSchema, ImageInitSchema, VideoInitSchema } from './api-schemas.js';
import { LINKEDIN_BUCKETS } from './rate-limits.js';

/** An uploaded file: its URN, its kind, and whether LinkedIn is still processing it. @internal */
export interface UploadedMedia {
  urn: string;
  kind: 'image' | 'video' | 'document';
  altText?: string;
  processing: boolean;
}

function bytesOf(media: MediaRef): Uint8Array {
  if (media.source.type !== 'bytes') throw new TypeError('media without a body must be given as bytes');
  const binary = atob(media.source.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** PUTs the whole file to an upload URL, streamed from the body (never held whole). */
async function putWhole(media: MediaRef, uploadUrl: string, context: AdapterContext): Promise<void> {
  const body = media.body;
  await context.http.request({
    method: 'PUT',
    path: uploadUrl,
    ...(body
      ? {
          streamBody: () => body.stream(),
          headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.sizeBytes) },
        }
      : { body: bytesOf(media) as BodyInit, headers: { 'content-type': 'application/octet-stream' } }),
    bucket: LINKEDIN_BUCKETS.media,
    responseType: 'none',
    signal: context.signal,
  });
}

/**
 * Images and documents: `POST /rest/{images|documents}?action=initializeUpload` with the owner,
 * then a PUT of the bytes to `uploadUrl`. An image is ready at once; a document is PROCESSING
 * until AVAILABLE.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api
 */
async function uploadWhole(kind: 'image' | 'document', media: MediaRef, owner: string, context: AdapterContext): Promise<UploadedMedia> {
  const init = await context.http.request({
    method: 'POST',
    path: `/rest/${kind}s`,
    searchParams: { action: 'initializeUpload' },
    json: { initializeUploadRequest: { owner } },
    bucket: LINKEDIN_BUCKETS.media,
    // Registering an upload creates nothing visible: a repeat only leaves an unused registration.
    idempotent: true,
    signal: context.signal,
  });
  const what = `POST /rest/${kind}s?action=initializeUpload`;
  if (kind === 'document') {
    const { value } = parseApiResponse(DocumentInitSchema, init, 'linkedin', what);
    await putWhole(media, value.uploadUrl, context);
    return { urn: value.document, kind, processing: true };
  }
  const { value } = parseApiResponse(ImageInitSchema, init, 'linkedin', what);
  await putWhole(media, value.uploadUrl, context);
  return { urn: value.image, kind, ...(media.altText ? { altText: media.altText } : {}), processing: false };
}

/**
 * Videos API: `initializeUpload` with `fileSizeBytes` answers `uploadInstructions` (byte ranges
 * of up to 4 MB, each with its own URL); each part is PUT and its `ETag` kept; `finalizeUpload`
 * with the ETags in order; then the video is PROCESSING until AVAILABLE.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 */
async function uploadVideo(media: MediaRef, owner: string, context: AdapterContext): Promise<UploadedMedia> {
  const sizeBytes = media.body?.sizeBytes ?? bytesOf(media).length;
  const init = await context.http.request({
    method: 'POST',
    path: '/rest/videos',
    searchParams: { action: 'initializeUpload' },
    json: { initializeUploadRequest: { owner, fileSizeBytes: sizeBytes, uploadCaptions: false, uploadThumbnail: false } },
    bucket: LINKEDIN_BUCKETS.media,
    idempotent: true,
    signal: context.signal,
  });
  const { value } = parseApiResponse(VideoInitSchema, init, 'linkedin', 'POST /rest/videos?action=initializeUpload');
  const parts = [...value.uploadInstructions].sort((a, b) => a.firstByte - b.firstByte);
  const partSize = parts[0]!.lastByte - parts[0]!.firstByte + 1;
  const etags: string[] = [];
  const send = async (index: number, bytes: Uint8Array) => {
    const part = parts[index];
    if (!part || bytes.length !== part.lastByte - part.firstByte + 1) {
      throw new ApiCallError(`LinkedIn's upload instructions do not cover the ${sizeBytes}-byte file at part ${index + 1}`, {
        platform: 'linkedin',
        status: 0,
        isRetryable: false,
      });
    }
    const response = await context.http.request({
      method: 'PUT',
      path: part.uploadUrl,
      // The chunk's buffer is reused for the next part only after this request is answered.
      body: bytes as BodyInit,
      headers: { 'content-type': 'application/octet-stream' },
      bucket: LINKEDIN_BUCKETS.media,
      responseType: 'none',
      signal: context.signal,
    });
    const etag = response.headers.get('etag');
    if (!etag) {
      throw new ApiCallError('LinkedIn answered a video part upload without an ETag: upload the video again', {
        platform: 'linkedin',
        status: response.status,
        isRetryable: false,
      });
    }
    etags.push(etag);
  };
  if (media.body) {
    for await (const chunk of media.body.chunks(partSize)) await send(chunk.index, chunk.bytes);
  } else {
    const bytes = bytesOf(media);
    for (let index = 0; index * partSize < bytes.length; index += 1)
      await send(index, bytes.subarray(index * partSize, (index + 1) * partSize));
  }
  await context.http.request({
    method: 'POST',
    path: '/rest/videos',
    searchParams: { action: 'finalizeUpload' },
    json: { finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: etags } },
    bucket: LINKEDIN_BUCKETS.media,
    idempotent: true,
    responseType: 'none',
    signal: context.signal,
  });
  return { urn: value.video, kind: 'video', processing: true };
}

/**
 * Uploads one media item through the API of its kind, owned by the post's author (an image,
 * a video in parts, a document). @internal
 */
export function uploadMedia(media: MediaRef, owner: string, context: AdapterContext): Promise<UploadedMedia> {
  if (media.kind === 'video') return uploadVideo(media, owner, context);
  return uploadWhole(media.kind === 'document' ? 'document' : 'image', media, owner, context);
}
