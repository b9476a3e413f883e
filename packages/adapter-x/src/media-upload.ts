import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { TimeoutError, ValidationError, redactUrl } from '@smm/core/adapter-kit';
import type { MediaKind, MediaRef } from '@smm/core/adapter-kit';
import { XMediaUploadSchema } from './api-schemas.js';
import { X_CAPABILITIES } from './capabilities.js';
import { X_BUCKETS } from './rate-limits.js';

/** What the upload needs from the adapter settings. @internal */
export interface MediaUploadSettings {
  fetch?: typeof fetch | undefined;
  mediaChunkBytes: number;
  mediaProcessingTimeoutMs: number;
}

const CATEGORY: Partial<Record<MediaKind, string>> = { image: 'tweet_image', gif: 'tweet_gif', video: 'tweet_video' };
// X takes alt text for images and GIFs.
const ALT_TEXT_KINDS = new Set<MediaKind>(['image', 'gif']);
// X's OpenAPI: the chunked flow has its own paths; `/2/media/upload` itself is the one-shot upload
// (POST) and the processing status (GET). https://docs.x.com/x-api/media/media-upload
const UPLOAD_PATH = '/2/media/upload';
const uploadStep = (mediaId: string, step: 'append' | 'finalize') => `${UPLOAD_PATH}/${encodeURIComponent(mediaId)}/${step}`;

function refused(path: Array<string | number>, code: string, message: string): ValidationError {
  return new ValidationError('media for X', [{ path, code, message }]);
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/**
 * The bytes as consecutive chunks of at most `size` bytes. The APPEND loop reads chunks from
 * any async iterable, so a streamed source can feed it without holding the whole file. @internal
 */
export async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}

async function readBytes(
  item: MediaRef,
  settings: MediaUploadSettings,
  context: AdapterContext,
  path: Array<string | number>,
): Promise<Uint8Array> {
  if (item.source.type === 'bytes') return decodeBase64(item.source.base64);
  // A plain fetch, never the X client: the X token must not travel to another host.
  const download = settings.fetch ?? globalThis.fetch;
  const response = await download(item.source.url, { signal: context.signal });
  if (!response.ok) {
    throw refused(
      [...path, 'source', 'url'],
      'media_unavailable',
      `could not download ${redactUrl(item.source.url)} (HTTP ${response.status}): check the URL`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Uploads one media item with X's chunked flow as its OpenAPI defines it and returns the media
 * id: `POST /2/media/upload/initialize` (type, size, category), `POST /2/media/upload/{id}/append`
 * once per chunk (base64 `media` + `segment_index`), `POST /2/media/upload/{id}/finalize`, then —
 * while `processing_info` says so — `GET /2/media/upload?command=STATUS&media_id=` until it says
 * `succeeded`, waiting `check_after_secs` on the context clock; then the alt text through
 * `POST /2/media/metadata`. Every step is safe to repeat, so the HTTP client retries them. @internal
 */
export async function uploadMedia(
  item: MediaRef,
  settings: MediaUploadSettings,
  context: AdapterContext,
  path: Array<string | number>,
): Promise<string> {
  const { http, signal, clock } = context;
  const category = CATEGORY[item.kind];
  if (category === undefined)
    throw refused([...path, 'kind'], 'unsupported_media_kind', `X does not take ${item.kind} media: use image, gif or video`);
  const bytes = await readBytes(item, settings, context, path);
  const maxBytes = X_CAPABILITIES.content.media.maxSizeBytes?.[item.kind];
  if (bytes.length === 0) throw refused([...path, 'source'], 'media_empty', 'the media has no bytes');
  if (maxBytes !== undefined && bytes.length > maxBytes) {
    throw refused(
      [...path, 'source'],
      'media_too_large',
      `the ${item.kind} is ${bytes.length} bytes, X takes up to ${maxBytes}: make it smaller`,
    );
  }

  const init = await http.request({
    method: 'POST',
    path: `${UPLOAD_PATH}/initialize`,
    json: { media_type: item.mimeType, total_bytes: bytes.length, media_category: category },
    bucket: X_BUCKETS.media,
    // An initialize repeated leaves an unused upload that X discards after a day: harmless.
    idempotent: true,
    signal,
  });
  const mediaId = parseApiResponse(XMediaUploadSchema, init, 'x', 'POST /2/media/upload/initialize').data.id;

  let segment = 0;
  for await (const chunk of chunksOf(bytes, settings.mediaChunkBytes)) {
    await http.request({
      method: 'POST',
      path: uploadStep(mediaId, 'append'),
      json: { media: encodeBase64(chunk), segment_index: segment },
      bucket: X_BUCKETS.media,
      // The same segment index again replaces the segment: harmless.
      idempotent: true,
      signal,
    });
    segment += 1;
  }

  const finalize = await http.request({
    method: 'POST',
    path: uploadStep(mediaId, 'finalize'),
    bucket: X_BUCKETS.media,
    idempotent: true,
    signal,
  });
  let info = parseApiResponse(XMediaUploadSchema, finalize, 'x', 'POST /2/media/upload/{id}/finalize').data.processing_info;
  const deadline = clock.now() + settings.mediaProcessingTimeoutMs;
  while (info && info.state !== 'succeeded') {
    if (info.state === 'failed') {
      throw refused(
        path,
        'media_processing_failed',
        `X could not process the ${item.kind}${info.error?.message ? ` (${info.error.message})` : ''}: check its format and length`,
      );
    }
    const waitMs = Math.max(1, info.check_after_secs ?? 1) * 1000;
    if (clock.now() + waitMs > deadline) {
      throw new TimeoutError(
        `X was still processing the ${item.kind} after ${settings.mediaProcessingTimeoutMs} ms: try again later or raise mediaProcessingTimeoutMs`,
        {
          platform: 'x',
          timeoutMs: settings.mediaProcessingTimeoutMs,
        },
      );
    }
    await clock.sleep(waitMs, signal);
    const status = await http.request({
      path: UPLOAD_PATH,
      searchParams: { command: 'STATUS', media_id: mediaId },
      bucket: X_BUCKETS.media,
      signal,
    });
    info = parseApiResponse(XMediaUploadSchema, status, 'x', 'GET /2/media/upload').data.processing_info;
  }

  if (item.altText && ALT_TEXT_KINDS.has(item.kind)) {
    await http.request({
      method: 'POST',
      path: '/2/media/metadata',
      json: { id: mediaId, metadata: { alt_text: { text: item.altText } } },
      bucket: X_BUCKETS.media,
      idempotent: true,
      signal,
    });
  }
  return mediaId;
}
