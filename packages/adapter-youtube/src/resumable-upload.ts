import {
  ApiCallError,
  NetworkError,
  TimeoutError,
  ValidationError,
  parseApiResponse,
  redactUrl,
  uploadInChunks,
  type AdapterContext,
  type AdapterMediaBody,
  type AdapterMediaRef,
} from '@smm/core/adapter-kit';
import { VideoSchema, type Video } from './api-schemas.js';
import { spend, UPLOAD_BYTES_BUCKET } from './quota.js';
import type { VideoMetadata } from './video-resource.js';

/** What the upload needs from the settings. @internal */
export interface UploadSettings {
  /** Chunked upload in requests of this many bytes; absent: one streamed request for the whole file. */
  chunkSizeBytes?: number | undefined;
  fetch?: typeof fetch | undefined;
}

/** Sessions this adapter opened, by account and idempotency key: a retry in the same process resumes the same session. */
export type SessionCache = Map<string, { uri: string; total: number }>;

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Bytes already in memory as a media body. @internal */
export function memoryBody(bytes: Uint8Array, mimeType: string): AdapterMediaBody {
  return {
    sizeBytes: bytes.length,
    mimeType,
    rereadable: true,
    async *stream(offset = 0) {
      yield bytes.subarray(offset);
    },
    async *chunks(chunkSize, offset = 0) {
      for (let at = offset; at < bytes.length; at += chunkSize)
        yield { index: at / chunkSize, offset: at, bytes: bytes.subarray(at, at + chunkSize) };
    },
  };
}

/** The video's bytes: core's streamed body, else (the adapter called without core) the base64 source or a download. @internal */
export async function videoBody(item: AdapterMediaRef, settings: UploadSettings, context: AdapterContext): Promise<AdapterMediaBody> {
  if (item.body) return item.body;
  if (item.source.type === 'bytes') return memoryBody(decodeBase64(item.source.base64), item.mimeType);
  // A plain fetch, never the YouTube client: the Google token must not travel to another host.
  const response = await (settings.fetch ?? globalThis.fetch)(item.source.url, { signal: context.signal });
  if (!response.ok) {
    throw new ValidationError('media for YouTube', [
      {
        path: ['media', 0, 'source', 'url'],
        code: 'media_unavailable',
        message: `could not download ${redactUrl(item.source.url)} (HTTP ${response.status}): check the URL`,
      },
    ]);
  }
  return memoryBody(new Uint8Array(await response.arrayBuffer()), item.mimeType);
}

/** `Range: bytes=0-N` → N + 1 bytes held; no header → 0. */
function heldBytes(headers: Headers): number {
  const match = /bytes=0-(\d+)/.exec(headers.get('range') ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

/**
 * Step 1 of https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol:
 * `POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status` with the video
 * resource as JSON, `X-Upload-Content-Length` and `X-Upload-Content-Type`; the session URI comes
 * back in `Location`. Opening a session creates nothing visible, so it is safe to repeat. @internal
 */
export async function openSession(
  context: AdapterContext,
  metadata: VideoMetadata,
  body: { sizeBytes: number; mimeType: string },
  notifySubscribers: boolean | undefined,
): Promise<string> {
  const { bucket, cost } = spend('videos.insert', context);
  const response = await context.http.request({
    method: 'POST',
    path: '/upload/youtube/v3/videos',
    searchParams: {
      uploadType: 'resumable',
      part: 'snippet,status',
      ...(notifySubscribers === false ? { notifySubscribers: 'false' } : {}),
    },
    json: metadata,
    headers: { 'x-upload-content-length': String(body.sizeBytes), 'x-upload-content-type': body.mimeType },
    bucket,
    cost,
    idempotent: true,
    responseType: 'text',
    signal: context.signal,
  });
  const location = response.headers.get('location');
  if (!location)
    throw new ApiCallError('YouTube opened no upload session (no Location header)', {
      platform: 'youtube',
      status: response.status,
      isRetryable: false,
    });
  return location;
}

/**
 * Steps 3–4: the bytes in chunks (each a multiple of 256 KiB but the last) with
 * `Content-Range: bytes first-last/total`; `308 Resume Incomplete` with `Range` until the last
 * one, then the video resource. After a cut it asks the session how much it holds (a `PUT`
 * with `Content-Range: bytes *\/total` and no body) and goes on from there, reading the body
 * from that offset; one chunk is in memory at a time. A session YouTube no longer knows (404, 410:
 * sessions last about a week) ends the upload with an ApiCallError. @internal
 */
export async function uploadToSession(
  context: AdapterContext,
  session: string,
  body: AdapterMediaBody,
  settings: UploadSettings,
  startAt = 0,
): Promise<Video> {
  const total = body.sizeBytes;
  let video: Video | undefined;
  const finished = (data: unknown, status: number) => {
    if (status === 200 || status === 201) video = parseApiResponse(VideoSchema, { status, data }, 'youtube', 'PUT upload session');
  };
  const put: Put = (headers, bytes) =>
    context.http
      .request({
        method: 'PUT',
        path: session,
        headers,
        ...(bytes instanceof Uint8Array ? { body: bytes as Uint8Array<ArrayBuffer> } : bytes ? { streamBody: bytes } : {}),
        bucket: UPLOAD_BYTES_BUCKET,
        signal: context.signal,
      })
      .then((response) => {
        finished(response.data, response.status);
        return response;
      });
  const queryHeld = async (): Promise<number> => {
    const response = await put({ 'content-range': `bytes */${total}`, 'content-length': '0' });
    return video ? total : heldBytes(response.headers);
  };
  if (settings.chunkSizeBytes === undefined) {
    await streamWhole(context, body, startAt, put, queryHeld);
    if (!video) await queryHeld();
    if (!video)
      throw new ApiCallError(`YouTube holds all ${total} bytes but returned no video`, {
        platform: 'youtube',
        status: 308,
        isRetryable: false,
      });
    return video;
  }
  await uploadInChunks({
    body,
    chunkSize: settings.chunkSizeBytes,
    startAt,
    signal: context.signal,
    queryAcknowledged: queryHeld,
    async sendChunk(chunk) {
      const last = chunk.offset + chunk.bytes.length - 1;
      const response = await put({ 'content-range': `bytes ${chunk.offset}-${last}/${total}`, 'content-type': body.mimeType }, chunk.bytes);
      if (video) return;
      const held = heldBytes(response.headers);
      // The session holds another amount than this chunk's end: ask again and go on from there.
      if (response.status !== 308 || held !== last + 1)
        throw new NetworkError(`YouTube holds ${held} of ${total} bytes after a chunk that ended at ${last + 1}`);
    },
  });
  // Every chunk went through but the last answer was lost on the way: the session still has the video.
  if (!video) await queryHeld();
  if (!video)
    throw new ApiCallError(`YouTube holds all ${total} bytes but returned no video`, {
      platform: 'youtube',
      status: 308,
      isRetryable: false,
    });
  return video;
}

type Put = (
  headers: Record<string, string>,
  bytes?: Uint8Array | (() => AsyncIterable<Uint8Array>),
) => Promise<{ status: number; headers: Headers; data: unknown }>;

/**
 * The rest of the file from `startAt` in one streamed request (`Content-Range: bytes
 * startAt-last/total`): nothing but the piece in flight is in memory. After a cut it asks the
 * session what it holds and streams on from there (a body read once cannot go back: then the
 * upload fails and the publish starts again).
 */
async function streamWhole(
  context: AdapterContext,
  body: AdapterMediaBody,
  startAt: number,
  put: Put,
  queryHeld: () => Promise<number>,
): Promise<void> {
  const total = body.sizeBytes;
  let offset = startAt;
  for (let resumes = 0; offset < total; resumes += 1) {
    try {
      const response = await put(
        {
          'content-range': `bytes ${offset}-${total - 1}/${total}`,
          'content-type': body.mimeType,
          'content-length': String(total - offset),
        },
        () => body.stream(offset),
      );
      if (response.status === 200 || response.status === 201) return;
    } catch (error) {
      const cut =
        NetworkError.isInstance(error) ||
        TimeoutError.isInstance(error) ||
        (ApiCallError.isInstance(error) && error.isRetryable) ||
        error instanceof TypeError;
      if (!cut || context.signal.aborted || resumes >= 5) throw error;
    }
    const held = await queryHeld();
    if (held >= total) return;
    if (held !== offset && !body.rereadable) {
      throw new NetworkError(
        `the upload was cut after ${held} of ${total} bytes and this body cannot be read again from there: publish again`,
      );
    }
    if (held === offset && !body.rereadable && offset > 0)
      throw new NetworkError(`the upload was cut at ${held} of ${total} bytes: publish again`);
    offset = held;
  }
}

/**
 * Where a session this process opened for the same publish stands: the bytes it holds, or
 * undefined when YouTube no longer knows it (expired) or it cannot be resumed from there. @internal
 */
export async function resumePoint(
  context: AdapterContext,
  session: string,
  body: AdapterMediaBody,
  chunkSize: number | undefined,
): Promise<number | undefined> {
  try {
    const response = await context.http.request({
      method: 'PUT',
      path: session,
      headers: { 'content-range': `bytes */${body.sizeBytes}`, 'content-length': '0' },
      bucket: UPLOAD_BYTES_BUCKET,
      signal: context.signal,
    });
    if (response.status === 200 || response.status === 201) return body.sizeBytes;
    const held = heldBytes(response.headers);
    if (held === 0) return 0;
    return body.rereadable && (chunkSize === undefined || held % chunkSize === 0) ? held : undefined;
  } catch (error) {
    if (ApiCallError.isInstance(error) && (error.status === 404 || error.status === 410)) return undefined;
    throw error;
  }
}
