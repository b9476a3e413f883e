import type { AdapterContext, PendingPublishOutput, PublishInput, PublishOutput } from '@smm/core/adapter-kit';
import { createPin, pinOutput } from './find-pin.js';
import { uploadVideo } from './media-upload.js';
import type { PinterestOptions } from './network-options.js';
import type { PinterestHandle } from './pending-handle.js';
import { imageMediaSource, pinFields } from './pin-body.js';
import type { PinterestAdapterSettings } from './settings.js';

/** Pinterest answers a video's status within seconds; ask again after this long. */
const POLL_AFTER_MS = 2_000;

/**
 * Publishes a pin (`POST /v5/pins`, https://developers.pinterest.com/docs/api/v5/pins-create):
 * images by URL or bytes, carousels of 2–5, on the draft's board and section, with title, link and
 * alt text. A video is registered and uploaded (`POST /v5/media`, then the bytes to `upload_url`),
 * then the publish answers pending with the `media_id`: core polls `doGetPublishStatus`, which
 * creates the pin with the cover once Pinterest has processed the video.
 *
 * @throws ValidationError naming `networkOptions.pinterest.boardId` when the draft chose no board (before any request).
 * @internal
 */
export async function doPublish(
  input: PublishInput<PinterestOptions>,
  context: AdapterContext,
  settings: PinterestAdapterSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const { draft, networkOptions } = input;
  const fields = pinFields(draft, networkOptions);
  if (settings.access === 'trial') {
    context.logger.warn('pinterest trial access: pins are created on the API Sandbox and visible only to their creator', {
      accountId: context.account.id,
    });
  }
  const since = new Date(context.clock.now() - 60_000).toISOString();
  const video = draft.media.find((item) => item.kind === 'video');
  if (video) {
    const mediaId = await uploadVideo(video, context, settings.fetch ?? fetch);
    const handle: PinterestHandle = {
      mediaId,
      fields,
      cover: networkOptions?.coverImageUrl
        ? { cover_image_url: networkOptions.coverImageUrl }
        : { cover_image_key_frame_time: networkOptions?.coverKeyFrameTimeSec ?? 0 },
      since,
    };
    return { pending: handle, pollAfterMs: POLL_AFTER_MS, progress: { stage: 'registered' } };
  }
  return pinOutput(await createPin({ ...fields, media_source: imageMediaSource(draft.media) }, context));
}
