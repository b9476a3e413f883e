import {
  parseApiResponse,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { CreatedSchema } from './api-schemas.js';
import { publishComment } from './comments.js';
import { postUrl } from './find-post.js';
import type { FacebookOptions } from './network-options.js';
import type { FacebookHandle } from './pending-handle.js';
import { uploadPhoto } from './photo-upload.js';
import { hasLinkCard, messageOf } from './post-body.js';
import { scheduleFields } from './scheduling.js';
import type { FacebookAdapterSettings } from './settings.js';
import { uploadVideo } from './video-upload.js';

/** Facebook processes a video in seconds to minutes; ask again after this long. */
export const VIDEO_POLL_AFTER_MS = 5_000;

/**
 * Publishes to the Page (https://developers.facebook.com/docs/pages-api/posts): text and a link
 * card as a feed post (`POST /{page-id}/feed` with `message`, `link`); one photo as a photo post
 * (`POST /{page-id}/photos`); several photos uploaded unpublished and attached to one feed post
 * (`attached_media` with each `media_fbid`; `temporary=true` when scheduled); a video uploaded in
 * chunks and then processed — the publish answers pending with the video's id, and core polls
 * `doGetPublishStatus` until Facebook made the post. With `scheduledAt`, the post is created
 * unpublished with `scheduled_publish_time` and comes back with `extra.scheduled`. A reply is a
 * comment as the Page on the post or comment it answers.
 *
 * @throws ValidationError at `scheduledAt` (before any request) when the time is outside Facebook's scheduling window.
 * @internal
 */
export async function doPublish(
  input: PublishInput<FacebookOptions>,
  context: AdapterContext,
  settings: FacebookAdapterSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const { draft, networkOptions, scheduledAt } = input;
  if (draft.replyTo) return publishComment(draft, context, settings.apiVersion);
  const schedule = scheduleFields(scheduledAt, context, settings.schedulingWindow);
  const done = (id: string): PublishOutput => ({
    parts: [{ id, url: postUrl(id), ...(schedule ? { extra: { scheduled: 'true' } } : {}) }],
    ...(schedule && scheduledAt ? { publishedAt: scheduledAt } : {}),
  });

  const video = draft.media.find((item) => item.kind === 'video');
  if (video) {
    const since = new Date(context.clock.now() - 60_000).toISOString();
    const videoId = await uploadVideo(
      video,
      {
        description: messageOf(draft, false),
        ...(networkOptions?.videoTitle ? { title: networkOptions.videoTitle } : {}),
        ...(schedule ?? {}),
      },
      context,
      settings,
    );
    const handle: FacebookHandle = { videoId, pageId: context.account.id, since, ...(scheduledAt ? { scheduledAt } : {}) };
    return { pending: handle, pollAfterMs: VIDEO_POLL_AFTER_MS, progress: { stage: 'processing' } };
  }

  const photos = draft.media.filter((item) => item.kind === 'image');
  const message = messageOf(draft, hasLinkCard(draft));
  if (photos.length === 1 && !schedule) {
    const photo = await uploadPhoto(photos[0]!, { message }, context, settings.apiVersion);
    return done(photo.post_id ?? photo.id);
  }
  // Several photos (or a scheduled photo): unpublished uploads, then one feed post attaching them.
  // An unpublished photo is no post, so a lost answer here makes no duplicate on a retry.
  const attached: string[] = [];
  for (const photo of photos) {
    const uploaded = await uploadPhoto(photo, { published: false, ...(schedule ? { temporary: true } : {}) }, context, settings.apiVersion);
    attached.push(uploaded.id);
  }
  const response = await context.http.request({
    method: 'POST',
    path: graphPath(settings.apiVersion, `${context.account.id}/feed`),
    json: {
      ...(message ? { message } : {}),
      ...(hasLinkCard(draft) ? { link: draft.link } : {}),
      ...(attached.length > 0 ? { attached_media: attached.map((id) => ({ media_fbid: id })) } : {}),
      ...(schedule ?? {}),
    },
    signal: context.signal,
  });
  return done(parseApiResponse(CreatedSchema, response, 'facebook', 'POST /{page-id}/feed').id);
}
