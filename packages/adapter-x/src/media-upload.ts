import { parseApiResponse, streamedMultipart, uploadInChunks, type AdapterContext, type AdapterMediaBody } from '@smm/core/adapter-kit';
import { ValidationError, redactUrl } from '@smm/core/adapter-kit';
import type { AdapterMediaRef, MediaKind } from '@smm/core/adapter-kit';
import { XMediaUploadSchema, type XProcessingInfo } from './api-schemas.js';
import { X_CAPABILITIES } from './capabilities.js';
import { X_BUCKETS } from './rate-limits.js';

/** What the upload needs from the adapter settings. @internal */
export interface MediaUploadSettings {
  fetch?: typeof fetch | undefined;
  mediaChunkBytes: number;
}

/** An uploaded media item: its id and, for a video or GIF X is still processing, where that stands. @internal */
export interface UploadedMedia {
  id: string;
  /** X's `media_key` (how posts list their attachments), when X returned one. */
  key?: string | undefined;
  /** Set while X processes the media (`pending` or `in_progress`); the id cannot be posted before it succeeds. */
  processing?: XProcessingInfo | undefined;
  /** Alt text still to send once processing has succeeded (X takes it for images and GIFs). */
  altText?: string | undefined;
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

// Node's Buffer where there is one (native, no intermediate string); btoa elsewhere.
const NodeBuffer = (
  globalThis as { Buffer?: { from(data: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64'): string } } }
).Buffer;

function encodeBase64(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let offset = 0; offset < bytes.length; offset += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  }
  return btoa(binary);
}

/** Bytes already in memory (a base64 source, a downloaded URL) as a media body. @internal */
export function memoryBody(bytes: Uint8Array, mimeType: string): AdapterMediaBody {
  return {
    sizeBytes: bytes.length,
    mimeType,
    rereadable: true,
    async *stream(offset = 0) {
      yield bytes.subarray(offset);
    },
    async *chunks(chunkSize, offset = 0) {
      for (let at = offset; at < bytes.length; at += chunkSize) {
        yield { index: at / chunkSize, offset: at, bytes: bytes.subarray(at, at + chunkSize) };
      }
    },
  };
}

/**
 * The media's bytes as a body: core's streamed `body` (spec v1.1, read in chunks, never whole;
 * core reads URLs itself), else — the adapter called without core — the base64 source or a
 * download of the URL with the settings' fetch.
 */
async function mediaBody(
  item: AdapterMediaRef,
  settings: MediaUploadSettings,
  context: AdapterContext,
  path: Array<string | number>,
): Promise<AdapterMediaBody> {
  if (item.body) return item.body;
  if (item.source.type === 'bytes') return memoryBody(decodeBase64(item.source.base64), item.mimeType);
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
  return memoryBody(new Uint8Array(await response.arrayBuffer()), item.mimeType);
}

/**
 * Uploads one media item with X's chunked flow as its OpenAPI defines it:
 * `POST /2/media/upload/initialize` (type, size, category), `POST /2/media/upload/{id}/append`
 * once per chunk (base64 `media` + `segment_index`, read from the body one chunk at a time),
 * `POST /2/media/upload/{id}/finalize`, then the alt text through `POST /2/media/metadata`.
 * It does not wait for processing: a video or GIF comes back with `processing` set, to be
 * polled with {@link mediaProcessingStatus} (a pending publish). A dropped connection during an
 * APPEND re-sends that segment: X keys segments by `segment_index`, so a repeat replaces it.
 * https://docs.x.com/x-api/media/quickstart/media-upload-chunked @internal
 */
export async function uploadMedia(
  item: AdapterMediaRef,
  settings: MediaUploadSettings,
  context: AdapterContext,
  path: Array<string | number>,
): Promise<UploadedMedia> {
  const { http, signal } = context;
  const category = CATEGORY[item.kind];
  if (category === undefined)
    throw refused([...path, 'kind'], 'unsupported_media_kind', `X does not take ${item.kind} media: use image, gif or video`);
  const body = await mediaBody(item, settings, context, path);
  const maxBytes = X_CAPABILITIES.content.media.maxSizeBytes?.[item.kind];
  if (body.sizeBytes === 0) throw refused([...path, 'source'], 'media_empty', 'the media has no bytes');
  if (maxBytes !== undefined && body.sizeBytes > maxBytes) {
    throw refused(
      [...path, 'source'],
      'media_too_large',
      `the ${item.kind} is ${body.sizeBytes} bytes, X takes up to ${maxBytes}: make it smaller`,
    );
  }

  const init = await http.request({
    method: 'POST',
    path: `${UPLOAD_PATH}/initialize`,
    json: { media_type: item.mimeType, total_bytes: body.sizeBytes, media_category: category },
    bucket: X_BUCKETS.media,
    // An initialize repeated leaves an unused upload that X discards after a day: harmless.
    idempotent: true,
    signal,
  });
  const mediaId = parseApiResponse(XMediaUploadSchema, init, 'x', 'POST /2/media/upload/initialize').data.id;

  let sending = 0;
  await uploadInChunks({
    body,
    chunkSize: settings.mediaChunkBytes,
    sendChunk: async ({ index, offset, bytes }) => {
      sending = offset;
      // multipart/form-data with the segment as binary (X's OpenAPI allows it beside JSON base64):
      // no multi-megabyte base64 strings, so memory stays flat over a long upload.
      const form = streamedMultipart([['segment_index', String(index)]], {
        name: 'media',
        filename: 'blob',
        type: 'application/octet-stream',
        sizeBytes: bytes.byteLength,
        stream: async function* () {
          yield bytes;
        },
      });
      await http.request({
        method: 'POST',
        path: uploadStep(mediaId, 'append'),
        headers: { 'content-type': form.contentType, 'content-length': String(form.contentLength) },
        streamBody: form.stream,
        bucket: X_BUCKETS.media,
        // The same segment index again replaces the segment: harmless.
        idempotent: true,
        signal,
      });
    },
    // X cannot say what it holds before FINALIZE; a segment whose APPEND was cut is sent again
    // (X keys segments by index, so one that did arrive is only replaced).
    queryAcknowledged: async () => sending,
    signal,
  });

  const finalize = await http.request({
    method: 'POST',
    path: uploadStep(mediaId, 'finalize'),
    bucket: X_BUCKETS.media,
    idempotent: true,
    signal,
  });
  const data = parseApiResponse(XMediaUploadSchema, finalize, 'x', 'POST /2/media/upload/{id}/finalize').data;
  const processing = data.processing_info && data.processing_info.state !== 'succeeded' ? data.processing_info : undefined;
  const altText = item.altText && ALT_TEXT_KINDS.has(item.kind) ? item.altText : undefined;
  const uploaded: UploadedMedia = { id: mediaId, key: data.media_key };
  // Alt text goes on media X has finished with; a GIF still processing gets it when it is ready.
  if (processing) return { ...uploaded, processing, altText };
  if (altText) await setAltText(mediaId, altText, context);
  return uploaded;
}

/** Sets the alt text of an uploaded image or GIF (`POST /2/media/metadata`; safe to repeat). @internal */
export async function setAltText(mediaId: string, text: string, context: AdapterContext): Promise<void> {
  await context.http.request({
    method: 'POST',
    path: '/2/media/metadata',
    json: { id: mediaId, metadata: { alt_text: { text } } },
    bucket: X_BUCKETS.media,
    idempotent: true,
    signal: context.signal,
  });
}

/**
 * Where X's processing of an uploaded video or GIF stands: `GET /2/media/upload?command=STATUS`.
 * States go pending → in_progress → failed | succeeded; the id can be posted once it succeeded.
 * https://docs.x.com/x-api/media/media-upload-status @internal
 */
export async function mediaProcessingStatus(mediaId: string, context: AdapterContext): Promise<XProcessingInfo> {
  const status = await context.http.request({
    path: UPLOAD_PATH,
    searchParams: { command: 'STATUS', media_id: mediaId },
    bucket: X_BUCKETS.media,
    signal: context.signal,
  });
  return parseApiResponse(XMediaUploadSchema, status, 'x', 'GET /2/media/upload').data.processing_info ?? { state: 'succeeded' };
}
