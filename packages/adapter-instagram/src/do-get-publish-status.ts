import {
  ApiCallError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { containerProgress, publishContainer, readContainerStatus } from '@smm/meta-graph';
import { PUBLISHING_CAP_CODE } from './error-mapping.js';
import { findMedia, mediaOutput, readMedia, type LookupConfig } from './find-media.js';
import { withFirstComment } from './first-comment.js';
import { createObject, igPath } from './graph-call.js';
import { parseHandle, type InstagramHandle } from './pending-handle.js';
import { publishingCapError } from './publishing-cap.js';
import { INSTAGRAM_BUCKETS } from './rate-limits.js';

/**
 * One look at a pending Instagram publish. Carousel items still processing keep it pending; once
 * they are `FINISHED` the carousel container is created. A container `IN_PROGRESS` stays pending
 * (core gives up at the deadline with `PublishPendingTimeoutError`, carrying the handle); `FINISHED`
 * is published (`POST /<IG_ID>/media_publish`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish)
 * and the first comment added; `PUBLISHED` — an earlier publish went through, its answer lost or
 * not recorded — finds the media instead of publishing again; `ERROR` and `EXPIRED` end with a
 * permanent `ApiCallError` naming Meta's reason (container states:
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container).
 * Safe to repeat: it never makes a second post.
 *
 * @throws ApiCallError (not retryable) for a container in `ERROR` or `EXPIRED`.
 * @throws PublishingLimitError when Meta refuses the publish for the cap.
 * @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  config: LookupConfig,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = parseHandle(input.handle);
  if (handle.stage === 'children') return carouselItems(handle, context, config);
  const containerId = handle.containerId!;
  const state = await containerState(containerId, context, config);
  const next = containerProgress(state, { network: 'instagram', containerId });
  if (next.kind === 'processing') return { pending: handle, progress: next.progress };
  if (next.kind === 'published')
    return withFirstComment(await publishedMedia(handle, context, config), handle.firstComment, context, config);
  return withFirstComment(await publish(handle, context, config), handle.firstComment, context, config);
}

async function carouselItems(handle: InstagramHandle, context: AdapterContext, config: LookupConfig): Promise<PendingPublishOutput> {
  const children = handle.children!;
  for (const [index, containerId] of children.entries()) {
    const state = await containerState(containerId, context, config);
    const next = containerProgress(state, { network: 'instagram', containerId });
    if (next.kind === 'processing') return { pending: handle, progress: { stage: `item ${index + 1} of ${children.length} IN_PROGRESS` } };
  }
  const containerId = await createObject(
    context,
    config,
    `${context.account.id}/media`,
    { ...handle.root!, children: children.join(',') },
    'POST /{ig-user-id}/media',
  );
  const { root: _root, children: _children, ...rest } = handle;
  return { pending: { ...rest, stage: 'container', containerId }, progress: { stage: 'IN_PROGRESS' } };
}

async function publish(handle: InstagramHandle, context: AdapterContext, config: LookupConfig): Promise<PublishOutput> {
  const containerId = handle.containerId!;
  try {
    const { id } = await publishContainer(context.http, {
      path: igPath(config, `${context.account.id}/media_publish`),
      creationId: containerId,
      platform: 'instagram',
      bucket: INSTAGRAM_BUCKETS.write,
      signal: context.signal,
    });
    return mediaOutput(await readMedia(id, context, config));
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.platformCode === PUBLISHING_CAP_CODE.code) throw await publishingCapError(context, config);
    // The answer may be lost after Instagram published: look before giving up, never publish twice.
    const state = await containerState(containerId, context, config).catch(() => undefined);
    if (state?.status === 'PUBLISHED') return publishedMedia(handle, context, config);
    throw error;
  }
}

async function publishedMedia(handle: InstagramHandle, context: AdapterContext, config: LookupConfig): Promise<PublishOutput> {
  const media = await findMedia(handle, context, config);
  if (media) return mediaOutput(media);
  throw new ApiCallError(
    `Instagram published container ${handle.containerId} but its media is not among the account's recent ${handle.placement === 'story' ? 'stories' : 'media'} (deleted since?): nothing was published again`,
    { status: 200, platform: 'instagram', platformCode: 'PUBLISHED', isRetryable: false },
  );
}

/** `GET /<CONTAINER_ID>?fields=status_code,status`. */
function containerState(containerId: string, context: AdapterContext, config: LookupConfig) {
  return readContainerStatus(context.http, { network: 'instagram', containerId, version: config.apiVersion, signal: context.signal });
}
