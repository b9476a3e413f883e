import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError, TimeoutError } from '@smm/core/adapter-kit';
import type { MediaRef } from '@smm/core/adapter-kit';
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
 * Uploads one media item with `POST /api/v2/media` (multipart `file` and `description`, the
 * alt text) and returns its attachment id once the server has processed it: a 202 (video,
 * large GIFs) has a null `url`, so `GET /api/v1/media/:id` is polled on the context's clock
 * until it has one (206 while processing). @internal
 */
export async function uploadMedia(media: MediaRef, context: AdapterContext, settings: MastodonAdapterSettings): Promise<string> {
  const form = new FormData();
  form.set('file', await bytesOf(media, settings, context.signal), fileName(media));
  if (media.altText) form.set('description', media.altText);
  // Safe to repeat: a second upload only leaves an unattached file, which Mastodon removes itself.
  const response = await context.http.request({
    method: 'POST',
    path: '/api/v2/media',
    body: form,
    bucket: MASTODON_BUCKETS.media,
    idempotent: true,
    signal: context.signal,
  });
  let attachment = parseApiResponse(MediaAttachmentSchema, response, 'mastodon', 'POST /api/v2/media');
  const deadline = context.clock.now() + settings.mediaProcessingTimeoutMs;
  while (attachment.url === null) {
    if (context.clock.now() + settings.mediaPollIntervalMs > deadline) {
      throw new TimeoutError(
        `Mastodon did not finish processing media ${attachment.id} within ${settings.mediaProcessingTimeoutMs} ms: try a smaller file, or raise mediaProcessingTimeoutMs`,
        {
          platform: 'mastodon',
          timeoutMs: settings.mediaProcessingTimeoutMs,
        },
      );
    }
    await context.clock.sleep(settings.mediaPollIntervalMs, context.signal);
    const polled = await context.http.request({
      path: `/api/v1/media/${encodeURIComponent(attachment.id)}`,
      bucket: MASTODON_BUCKETS.read,
      signal: context.signal,
    });
    attachment = parseApiResponse(MediaAttachmentSchema, polled, 'mastodon', 'GET /api/v1/media/:id');
  }
  return attachment.id;
}
