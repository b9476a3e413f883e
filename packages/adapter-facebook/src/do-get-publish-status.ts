import {
  ApiCallError,
  parseApiResponse,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { VideoStatusSchema } from './api-schemas.js';
import { postUrl } from './find-post.js';
import { VIDEO_POLL_AFTER_MS } from './do-publish.js';
import { parseHandle } from './pending-handle.js';

/**
 * One look at a pending video: `GET /{video-id}?fields=status,post_id,permalink_url`
 * (https://developers.facebook.com/docs/graph-api/reference/video#Reading, `status` with its
 * uploading / processing / publishing phases). Still processing, or processed but not yet
 * published: pending with the same handle. Processing failed: a permanent `ApiCallError` naming
 * Facebook's reason. Published: the video's post (`post_id`). Only reads, so a restart or a lost
 * answer never makes a second post and the video is never uploaded again.
 *
 * @throws ApiCallError (not retryable) when Facebook could not process the video.
 * @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  apiVersion: string,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = parseHandle(input.handle);
  const response = await context.http.request({
    path: graphPath(apiVersion, handle.videoId),
    searchParams: { fields: 'status,post_id,permalink_url' },
    signal: context.signal,
  });
  const video = parseApiResponse(VideoStatusSchema, response, 'facebook', 'GET /{video-id}');
  const status = video.status;
  if (status?.video_status === 'error' || status?.processing_phase?.status === 'error') {
    const reason = status.processing_phase?.errors?.map((error) => error.message).join('; ') || 'no reason given';
    throw new ApiCallError(
      `Facebook could not process video ${handle.videoId} (${reason}): check its format and length, then publish again`,
      {
        status: 200,
        platform: 'facebook',
        isRetryable: false,
      },
    );
  }
  if (status?.video_status !== 'ready' || !video.post_id) {
    return { pending: handle, pollAfterMs: VIDEO_POLL_AFTER_MS, progress: { stage: status?.video_status ?? 'processing' } };
  }
  return {
    parts: [{ id: video.post_id, url: postUrl(video.post_id), ...(handle.scheduledAt ? { extra: { scheduled: 'true' } } : {}) }],
    ...(handle.scheduledAt ? { publishedAt: handle.scheduledAt } : {}),
  };
}
