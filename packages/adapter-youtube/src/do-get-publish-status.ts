import {
  ApiCallError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { callYouTube } from './api-call.js';
import { VideoListSchema } from './api-schemas.js';
import { publishAnswer, type YouTubePendingHandle } from './publish-output.js';

/**
 * One look at a video YouTube is processing: `videos.list?part=snippet,status,processingDetails`
 * (1 unit). The post once `uploadStatus` is `processed`; pending with progress before; an
 * ApiCallError that is not retryable when processing failed, the video was rejected, or it is gone.
 * Safe to repeat: it only reads. @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = (
    typeof input.handle === 'string' ? { videoId: input.handle, requestedPrivacy: '', publishAt: '' } : input.handle
  ) as YouTubePendingHandle;
  const { items } = await callYouTube(
    context,
    'videos.list',
    { searchParams: { part: 'snippet,status,processingDetails', id: handle.videoId } },
    VideoListSchema,
  );
  const video = items[0];
  if (!video) {
    throw new ApiCallError(`YouTube no longer has video ${handle.videoId} (deleted while processing): publish it again`, {
      platform: 'youtube',
      status: 404,
      isRetryable: false,
    });
  }
  return publishAnswer(video, handle, context);
}
