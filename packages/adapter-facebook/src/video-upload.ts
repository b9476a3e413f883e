import { ApiCallError, parseApiResponse, type AdapterContext, type AdapterMediaRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { CreatedSchema, SuccessSchema, UploadStartSchema, UploadWindowSchema } from './api-schemas.js';
import { mediaBytes } from './media-bytes.js';

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
 * `start_offset` Graph named and gets the next window, until both offsets equal the size;
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
  const bytes = mediaBytes(media);
  const started = parseApiResponse(
    UploadStartSchema,
    await context.http.request({
      method: 'POST',
      path: url,
      json: { upload_phase: 'start', file_size: bytes.length },
      signal: context.signal,
    }),
    'facebook',
    `${what} (upload_phase=start)`,
  );
  let window = { start_offset: started.start_offset, end_offset: started.end_offset };
  while (window.start_offset < bytes.length) {
    if (window.end_offset <= window.start_offset || window.end_offset > bytes.length) {
      throw new ApiCallError(
        `Facebook named an upload window (${window.start_offset}–${window.end_offset}) outside the ${bytes.length}-byte video: publish again`,
        {
          status: 200,
          platform: 'facebook',
          isRetryable: false,
        },
      );
    }
    const form = new FormData();
    form.append('upload_phase', 'transfer');
    form.append('upload_session_id', started.upload_session_id);
    form.append('start_offset', String(window.start_offset));
    form.append(
      'video_file_chunk',
      new Blob([bytes.slice(window.start_offset, window.end_offset)], { type: 'application/octet-stream' }),
      'chunk',
    );
    window = parseApiResponse(
      UploadWindowSchema,
      // A chunk sent twice is refused (the offset moved on), never stored twice: safe to repeat.
      await context.http.request({ method: 'POST', path: url, body: form, idempotent: true, signal: context.signal }),
      'facebook',
      `${what} (upload_phase=transfer)`,
    );
  }
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
