import {
  ApiCallError,
  parseApiResponse,
  streamedMultipart,
  uploadInChunks,
  type AdapterContext,
  type AdapterMediaRef,
} from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { CreatedSchema, SuccessSchema, UploadStartSchema, UploadWindowSchema } from './api-schemas.js';

/** Where and how a video goes up. @internal */
export interface VideoTarget {
  videoBaseUrl: string;
  apiVersion: string;
}

/**
 * Uploads a video to the Page and closes the upload with the post's fields, returning the
 * `video_id`; Facebook then processes it (see `doGetPublishStatus`). A video given by URL is
 * handed over as `file_url` (Graph downloads it); bytes go up in Graph's resumable chunked
 * protocol (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating and
 * https://developers.facebook.com/docs/video-api/guides/publishing): `upload_phase=start` with
 * `file_size` names the first window, each `transfer` sends `video_file_chunk` at the
 * `start_offset` Graph named and gets the next window, until both offsets equal the size. The
 * bytes are read from the media's streamed body one chunk at a time (core's `uploadInChunks`), so
 * a large file never sits in memory whole;
 * `finish` carries `description`, `title` and the publishing fields. All to `videoBaseUrl`
 * (graph-video.facebook.com), as Meta's docs send uploads.
 *
 * @throws ApiCallError when Graph names a window outside the file (a protocol break).
 * @internal
 */
export async function uploadVideo(
  media: AdapterMediaRef,
  fields: Record<string, string | number | boolean>,
  context: AdapterContext,
  target: VideoTarget,
): Promise<string> {
  const url = `${target.videoBaseUrl}${graphPath(target.apiVersion, `${context.account.id}/videos`)}`;
  const what = 'POST /{page-id}/videos';
  if (media.source.type === 'url') {
    const response = await context.http.request({
      method: 'POST',
      path: url,
      json: { ...fields, file_url: media.source.url },
      signal: context.signal,
    });
    return parseApiResponse(CreatedSchema, response, 'facebook', `${what} (file_url)`).id;
  }
  const body = media.body;
  if (!body) throw new Error('uploadVideo needs the media body core hands adapters with streamed bodies');
  const started = parseApiResponse(
    UploadStartSchema,
    await context.http.request({
      method: 'POST',
      path: url,
      json: { upload_phase: 'start', file_size: body.sizeBytes },
      signal: context.signal,
    }),
    'facebook',
    `${what} (upload_phase=start)`,
  );
  // Graph names each window; its first one sets the chunk size, and every later one must follow on.
  const chunkSize = started.end_offset - started.start_offset;
  const protocolBreak = (window: { start_offset: number; end_offset: number }) =>
    new ApiCallError(
      `Facebook named an upload window (${window.start_offset}–${window.end_offset}) that does not follow the bytes sent (${body.sizeBytes} in all): publish again`,
      {
        status: 200,
        platform: 'facebook',
        isRetryable: false,
      },
    );
  if (started.start_offset !== 0 || chunkSize <= 0) throw protocolBreak(started);
  await uploadInChunks({
    body,
    chunkSize,
    signal: context.signal,
    async sendChunk(chunk) {
      // The chunk goes as a streamed multipart body (fields first, then the bytes): no copy of it is made.
      const form = streamedMultipart(
        [
          ['upload_phase', 'transfer'],
          ['upload_session_id', started.upload_session_id],
          ['start_offset', String(chunk.offset)],
        ],
        {
          name: 'video_file_chunk',
          filename: 'chunk',
          type: 'application/octet-stream',
          sizeBytes: chunk.bytes.length,
          stream: async function* () {
            yield chunk.bytes;
          },
        },
      );
      const next = parseApiResponse(
        UploadWindowSchema,
        // A chunk sent twice is refused (the offset moved on), never stored twice: safe to repeat.
        await context.http.request({
          method: 'POST',
          path: url,
          streamBody: form.stream,
          headers: { 'content-type': form.contentType, 'content-length': String(form.contentLength) },
          idempotent: true,
          signal: chunk.signal ?? context.signal,
        }),
        'facebook',
        `${what} (upload_phase=transfer)`,
      );
      const sent = chunk.offset + chunk.bytes.length;
      const expectedEnd = Math.min(body.sizeBytes, sent + chunkSize);
      if (next.start_offset !== sent || next.end_offset !== expectedEnd) throw protocolBreak(next);
    },
  });
  parseApiResponse(
    SuccessSchema,
    await context.http.request({
      method: 'POST',
      path: url,
      json: { ...fields, upload_phase: 'finish', upload_session_id: started.upload_session_id },
      signal: context.signal,
    }),
    'facebook',
    `${what} (upload_phase=finish)`,
  );
  return started.video_id;
}
