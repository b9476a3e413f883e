import {
  ApiCallError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { createPin, findPin, pinOutput } from './find-pin.js';
import { mediaStatus } from './media-upload.js';
import { parseHandle } from './pending-handle.js';

/**
 * One look at a pending video pin: asks `GET /v5/media/{media_id}`
 * (https://developers.pinterest.com/docs/api/v5/media-get); `registered` or `processing` stays
 * pending with the same handle; `failed` throws; `succeeded` creates the pin with its cover —
 * after looking for it first among the account's pins since the publish began, so a lost answer
 * or a restart after the pin was made never makes a second one, and the video is never uploaded again.
 *
 * @throws ApiCallError (not retryable) when Pinterest could not process the video.
 * @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  lookupMaxPages: number,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = parseHandle(input.handle);
  const status = await mediaStatus(handle.mediaId, context);
  if (status === 'failed') {
    throw new ApiCallError(`Pinterest could not process video ${handle.mediaId}: check its format and length, then publish again`, {
      status: 200,
      platform: 'pinterest',
      isRetryable: false,
    });
  }
  if (status !== 'succeeded') return { pending: handle, pollAfterMs: 2_000, progress: { stage: status } };
  const found = await findPin(handle.fields, handle.since, context, lookupMaxPages);
  if (found) return pinOutput(found);
  const pin = await createPin(
    { ...handle.fields, media_source: { source_type: 'video_id', media_id: handle.mediaId, ...handle.cover } },
    context,
  );
  return pinOutput(pin);
}
