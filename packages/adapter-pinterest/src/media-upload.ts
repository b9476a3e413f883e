import { ApiCallError, NetworkError, parseApiResponse, type AdapterContext, type AdapterMediaRef } from '@smm/core/adapter-kit';
import { MediaSchema, MediaUploadSchema } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

async function videoBytes(item: AdapterMediaRef, fetchImpl: typeof fetch, signal: AbortSignal): Promise<Blob> {
  const type = item.mimeType ?? 'video/mp4';
  if (item.source.type === 'url') {
    const response = await fetchImpl(item.source.url, { signal });
    if (!response.ok)
      throw new NetworkError(`could not download the video for Pinterest (HTTP ${response.status}): check its URL`, {
        platform: 'pinterest',
      });
    return new Blob([await response.arrayBuffer()], { type });
  }
  const binary = atob(item.source.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type });
}

/**
 * Registers a video upload (`POST /v5/media`, media_type video) and sends its bytes to the
 * returned `upload_url` as a multipart form with every `upload_parameters` field and the file
 * last (https://developers.pinterest.com/docs/content/update/). The upload host is not
 * Pinterest's API: it gets no bearer token, so it goes through the `fetch` setting, not the
 * account's HTTP client. Returns the `media_id`.
 *
 * @throws ApiCallError when the upload host refuses the file.
 * @internal
 */
export async function uploadVideo(item: AdapterMediaRef, context: AdapterContext, fetchImpl: typeof fetch): Promise<string> {
  const response = await context.http.request({
    method: 'POST',
    path: '/v5/media',
    json: { media_type: 'video' },
    bucket: PINTEREST_BUCKETS.write,
    signal: context.signal,
  });
  const upload = parseApiResponse(MediaUploadSchema, response, 'pinterest', 'POST /v5/media');
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.upload_parameters)) form.append(name, value);
  form.append('file', await videoBytes(item, fetchImpl, context.signal), 'video');
  const answer = await fetchImpl(upload.upload_url, { method: 'POST', body: form, signal: context.signal });
  if (!answer.ok) {
    throw new ApiCallError(`Pinterest's upload host refused the video (HTTP ${answer.status}): publish again`, {
      status: answer.status,
      platform: 'pinterest',
      isRetryable: answer.status >= 500,
    });
  }
  return upload.media_id;
}

/** `GET /v5/media/{media_id}`: `registered`, `processing`, `succeeded` or `failed`. @internal */
export async function mediaStatus(mediaId: string, context: AdapterContext) {
  const response = await context.http.request({
    path: `/v5/media/${encodeURIComponent(mediaId)}`,
    bucket: PINTEREST_BUCKETS.read,
    signal: context.signal,
  });
  return parseApiResponse(MediaSchema, response, 'pinterest', 'GET /v5/media/{media_id}').status ?? 'registered';
}
