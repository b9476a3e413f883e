import {
  ValidationError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import type { YouTubeOptions } from './network-options.js';
import { pendingHandle, publishAnswer } from './publish-output.js';
import { openSession, resumePoint, uploadToSession, videoBody, type SessionCache } from './resumable-upload.js';
import type { YouTubeAdapterSettings } from './settings.js';
import { checkThumbnail, setThumbnail } from './thumbnail.js';
import { markerTag, videoMetadata } from './video-resource.js';

/**
 * Publishes a video: the metadata (title, description, tags with the idempotency marker,
 * category, privacy, `publishAt` when scheduled) opens a resumable session, the file goes up in
 * chunks from its body (bounded memory, resumed after a cut), then the custom thumbnail if one
 * is given. YouTube then processes the video: the answer is pending until it is (core polls
 * `doGetPublishStatus`). A retry of the same publish in this process resumes the same session.
 * @internal
 */
export async function doPublish(
  input: PublishInput<YouTubeOptions>,
  context: AdapterContext,
  settings: YouTubeAdapterSettings,
  sessions: SessionCache,
): Promise<PublishOutput | PendingPublishOutput> {
  const { draft, networkOptions: options, scheduledAt } = input;
  const video = draft.media[0];
  if (!video || video.kind !== 'video' || draft.media.length !== 1) {
    throw new ValidationError('YouTube post', [
      { path: ['media'], code: 'too_few_media', message: 'YouTube publishes exactly one video per post: attach one video (kind "video")' },
    ]);
  }
  if (options?.thumbnail) checkThumbnail(options.thumbnail);
  const key = context.idempotencyKey ?? `${context.account.id}:${draft.text}:${context.clock.now()}`;
  const metadata = videoMetadata({
    draft,
    options,
    scheduledAt,
    marker: await markerTag(key),
    defaultCategoryId: settings.defaultCategoryId,
  });
  if (!settings.projectVerified && metadata.status.privacyStatus !== 'private') {
    context.logger.warn(
      `youtube: this API project is not verified, so YouTube locks the video private although ${metadata.status.privacyStatus} was asked for (pass Google's API audit to publish publicly)`,
      {},
    );
  }
  const body = await videoBody(video, settings, context);
  const cacheKey = `${context.account.id}:${key}`;
  let startAt = 0;
  let session = sessions.get(cacheKey);
  if (session && session.total === body.sizeBytes) {
    const held = await resumePoint(context, session.uri, body, settings.chunkSizeBytes);
    if (held === undefined) session = undefined;
    else startAt = held;
  } else session = undefined;
  if (!session) {
    session = { uri: await openSession(context, metadata, body, options?.notifySubscribers), total: body.sizeBytes };
    sessions.set(cacheKey, session);
  }
  const uploaded = await uploadToSession(context, session.uri, body, settings, startAt);
  sessions.delete(cacheKey);
  if (options?.thumbnail) await setThumbnail(context, uploaded.id, options.thumbnail);
  return publishAnswer(uploaded, pendingHandle(uploaded.id, metadata.status.privacyStatus, metadata.status.publishAt), context);
}
