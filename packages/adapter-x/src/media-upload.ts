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
const UPLOAD_PATH = '/2/media/upload';

const form = (fields: Record<string, string>) => ({
  body: new URLSearchParams(fields),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

function refused(path: Array<string | number>, code: string, message: string): ValidationError {
  return new ValidationError('media for X', [{ path, code, message }]);
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
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
 * Uploads one media item with X's chunked flow and returns its `media_id`: INIT (type, size,
 * category), APPEND in chunks, FINALIZE, then — for videos and GIFs — STATUS until
 * `processing_info` says `succeeded`, waiting `check_after_secs` on the context clock; then
 * the alt text through `POST /2/media/metadata`. Every step is safe to repeat, so the HTTP
 * client retries them. @internal
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
    path: UPLOAD_PATH,
    ...form({ command: 'INIT', media_type: item.mimeType, total_bytes: String(bytes.length), media_category: category }),
    bucket: X_BUCKETS.media,
    // An INIT repeated leaves an unused upload that X discards after a day: harmless.
    idempotent: true,
    signal,
  });
  const mediaId = parseApiResponse(XMediaUploadSchema, init, 'x', 'INIT /2/media/upload').data.id;

  for (let offset = 0, segment = 0; offset < bytes.length; offset += settings.mediaChunkBytes, segment += 1) {
    const chunk = new FormData();
    chunk.set('command', 'APPEND');
    chunk.set('media_id', mediaId);
    chunk.set('segment_index', String(segment));
    chunk.set('media', new Blob([bytes.slice(offset, offset + settings.mediaChunkBytes)], { type: 'application/octet-stream' }));
    await http.request({
      method: 'POST',
      path: UPLOAD_PATH,
      body: chunk,
      bucket: X_BUCKETS.media,
      idempotent: true,
      responseType: 'none',
      signal,
    });
  }

  const finalize = await http.request({
    method: 'POST',
    path: UPLOAD_PATH,
    ...form({ command: 'FINALIZE', media_id: mediaId }),
    bucket: X_BUCKETS.media,
    idempotent: true,
    signal,
  });
  let info = parseApiResponse(XMediaUploadSchema, finalize, 'x', 'FINALIZE /2/media/upload').data.processing_info;
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
    info = parseApiResponse(XMediaUploadSchema, status, 'x', 'STATUS /2/media/upload').data.processing_info;
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
