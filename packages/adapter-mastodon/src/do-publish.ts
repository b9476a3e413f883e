import type { AdapterContext, PublishAnswer, PublishInput } from '@smm/core/adapter-kit';
import { UnsupportedFeatureError, ValidationError } from '@smm/core/adapter-kit';
import type { MediaRef } from '@smm/core/adapter-kit';
import { createStatuses } from './create-statuses.js';
import { uploadMedia } from './media-upload.js';
import type { MastodonOptions } from './network-options.js';
import { pendingAnswer } from './pending-handle.js';
import type { MastodonAdapterSettings } from './settings.js';
import { instanceIssues } from './instance-rules.js';
import { rootText, statusParams, type StatusParams } from './status-params.js';

function refuseWhatMastodonCannot(input: PublishInput<MastodonOptions>, settings: MastodonAdapterSettings): void {
  const { draft, poll, scheduledAt } = input;
  // Core checks each part's text; what the instance checks beyond it (link appended, content
  // warning counted with the text, alt text, poll limits) is measured here rather than left for
  // a 422 halfway through a thread.
  const issues = instanceIssues(input, settings);
  if (issues.length > 0) throw new ValidationError('post for Mastodon', issues);
  if (scheduledAt !== undefined && draft.thread.length > 0) {
    // Each reply needs the id of the status before it, which a scheduled status does not have yet.
    throw new UnsupportedFeatureError(
      'Mastodon cannot schedule a thread natively: publish the thread at the time instead (the smm scheduler does this), or schedule a single post',
      {
        feature: 'nativeScheduling.thread',
        platform: 'mastodon',
      },
    );
  }
  if (poll && draft.media.length > 0) {
    throw new ValidationError('post for Mastodon', [
      {
        path: ['media'],
        code: 'mastodon_poll_with_media',
        message: 'Mastodon cannot attach media and a poll to one status: remove the media or the poll',
      },
    ]);
  }
}

/**
 * Publishes a draft as one status, or a thread as a chain of statuses each replying to the one
 * before (`in_reply_to_id`), uploading every part's media first. When an attachment is still
 * processing (a video: `POST /api/v2/media` answers 202 with a null `url`), the answer is
 * pending, with a handle holding the statuses to create and the attachments to check;
 * `doGetPublishStatus` creates them once processed. Every `POST /api/v1/statuses` carries an
 * `Idempotency-Key` (see `createStatuses`). With `scheduledAt`, Mastodon keeps the status as a
 * ScheduledStatus: its id comes back with `extra.scheduled = 'true'` and `publishedAt` is the
 * scheduled time. @internal
 */
export async function doPublish(
  input: PublishInput<MastodonOptions>,
  context: AdapterContext,
  settings: MastodonAdapterSettings,
): Promise<PublishAnswer> {
  refuseWhatMastodonCannot(input, settings);
  const { draft } = input;
  const parts: Array<{ text: string; media: MediaRef[] }> = [{ text: rootText(draft), media: draft.media }, ...draft.thread];
  const statuses: StatusParams[] = [];
  const processing: string[] = [];
  for (const [index, part] of parts.entries()) {
    const mediaIds: string[] = [];
    for (const item of part.media) {
      const uploaded = await uploadMedia(item, context, settings);
      mediaIds.push(uploaded.id);
      if (uploaded.processing) processing.push(uploaded.id);
    }
    // Parts after the root reply to the status before them, whose id `createStatuses` learns.
    const inReplyToId = index === 0 ? draft.replyTo?.id : undefined;
    statuses.push(
      statusParams(
        { index, text: part.text, mediaIds, inReplyToId },
        { draft, options: input.networkOptions, poll: input.poll, scheduledAt: input.scheduledAt },
      ),
    );
  }
  // Mastodon refuses a status whose media is still processing (422), so answer pending
  // rather than block: the first check after `mediaPollIntervalMs`, then core backs off.
  if (processing.length > 0) return pendingAnswer({ statuses, processing }, settings.mediaPollIntervalMs);
  return createStatuses(statuses, context, context.idempotencyKey);
}
