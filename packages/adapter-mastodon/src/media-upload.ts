import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError, streamedMultipart } from '@smm/core/adapter-kit';
import type { AdapterMediaRef as MediaRef, HttpClient } from '@smm/core/adapter-kit';
import { MediaAttachmentSchema } from './api-schemas.js';
import { MASTODON_BUCKETS } from './rate-limits.js';
import type { MastodonAdapterSettings } from './settings.js';

function fileName(media: MediaRef): string {
  const extension = media.mimeType.split('/')[1]?.split(/[;+]/)[0] ?? 'bin';
  return `upload.${extension}`;
}

async function bytesOf(media: MediaRef, settings: MastodonAdapterSettings, signal: AbortSignal): Promise<Blob> {
  if (media.source.type === 'bytes') {
    const binary = atob(media.source.base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return new Blob([bytes], { type: media.mimeType });
  }
  // Mastodon takes files only: fetch the URL ourselves (never with the Mastodon token).
  const url = media.source.url;
  const response = await (settings.fetch ?? globalThis.fetch)(url, { signal });
  if (!response.ok) {
    throw new ApiCallError(
      `could not download the media at ${new URL(url).origin}${new URL(url).pathname} (status ${response.status}): check the URL`,
      {
        status: response.status,
        isRetryable: response.status >= 500,
      },
    );
  }
  return new Blob([await response.arrayBuffer()], { type: media.mimeType });
}

/**
 * The multipart body of an upload: streamed from `media.body` when core supplies one (files,
 * Blobs, streams, URLs: never held whole, sent with its length), else a `FormData` of the bytes.
 */
async function uploadBody(
  media: MediaRef,
  settings: MastodonAdapterSettings,
  signal: AbortSignal,
): Promise<Pick<Parameters<HttpClient['request']>[0], 'body' | 'streamBody' | 'headers'>> {
  const description: Array<[string, string]> = media.altText ? [['description', media.altText]] : [];
  if (media.body) {
    const body = media.body;
    const form = streamedMultipart(description, {
      name: 'file',
      filename: fileName(media),
      type: media.mimeType,
      sizeBytes: body.sizeBytes,
      stream: () => body.stream(),
    });
    return { streamBody: form.stream, headers: { 'content-type': form.contentType, 'content-length': String(form.contentLength) } };
  }
  const form = new FormData();
  form.set('file', await bytesOf(media, settings, signal), fileName(media));
  for (const [name, value] of description) form.set(name, value);
  return { body: form };
}

/** An uploaded attachment: its id, and whether the server is still processing it. @internal */
export interface UploadedMedia {
  id: string;
  processing: boolean;
}

/**
 * Uploads one media item with `POST /api/v2/media` (multipart `file` and `description`, the
 * alt text). Large media (video, large GIFs) is processed asynchronously: the answer is a 202
 * with a null `url` (https://docs.joinmastodon.org/methods/media/#v2), reported here as
 * `processing`, and the status is created once `GET /api/v1/media/:id` has a url (see
 * `doGetPublishStatus`) instead of waiting inside the publish. @internal
 */
export async function uploadMedia(media: MediaRef, context: AdapterContext, settings: MastodonAdapterSettings): Promise<UploadedMedia> {
  // Safe to repeat: a second upload only leaves an unattached file, which Mastodon removes itself.
  const response = await context.http.request({
    method: 'POST',
    path: '/api/v2/media',
    ...(await uploadBody(media, settings, context.signal)),
    bucket: MASTODON_BUCKETS.media,
    idempotent: true,
    signal: context.signal,
  });
  const attachment = parseApiResponse(MediaAttachmentSchema, response, 'mastodon', 'POST /api/v2/media');
  return { id: attachment.id, processing: attachment.url === null };
}
