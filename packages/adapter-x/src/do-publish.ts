import {
  parseApiResponse,
  type AdapterContext,
  type PendingPublishOutput,
  type PollInput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import type { AdapterMediaRef } from '@smm/core/adapter-kit';
import { XCreateTweetSchema } from './api-schemas.js';
import { checkXDraft } from './check-x-draft.js';
import { asContentRefusal, isDuplicateRefusal, partPath } from './content-refusal.js';
import { uploadMedia, type MediaUploadSettings, type UploadedMedia } from './media-upload.js';
import type { XOptions } from './network-options.js';
import { findPostAt, readOwnTimeline } from './own-timeline.js';
import { composeRootText } from './post-text.js';
import { ownPostUrl } from './post-url.js';
import { toPendingHandle, type XPublishHandle } from './publish-handle.js';
import { X_BUCKETS } from './rate-limits.js';

/** What publishing needs from the adapter settings. @internal */
export interface PublishSettings extends MediaUploadSettings {
  onDuplicate: 'adopt' | 'fail';
  lookupWindowMs: number;
  lookupMaxPages: number;
}

/** The `POST /2/tweets` body of one part; options and the poll go on the first part only. @internal */
export function tweetBody(
  part: { text: string; mediaIds: readonly string[]; parentId: string | undefined; first: boolean },
  options: XOptions,
  poll: PollInput | undefined,
): Record<string, unknown> {
  const first = part.first;
  return {
    ...(part.text !== '' ? { text: part.text } : {}),
    ...(part.mediaIds.length > 0
      ? { media: { media_ids: part.mediaIds, ...(first && options.taggedUserIds ? { tagged_user_ids: options.taggedUserIds } : {}) } }
      : {}),
    ...(part.parentId !== undefined
      ? {
          reply: {
            in_reply_to_tweet_id: part.parentId,
            ...(first && options.excludeReplyUserIds ? { exclude_reply_user_ids: options.excludeReplyUserIds } : {}),
          },
        }
      : {}),
    ...(first && poll ? { poll: { options: poll.options, duration_minutes: poll.durationMs / 60_000 } } : {}),
    ...(first && options.quoteTweetId ? { quote_tweet_id: options.quoteTweetId } : {}),
    ...(first && options.replySettings ? { reply_settings: options.replySettings } : {}),
    ...(first && options.placeId ? { geo: { place_id: options.placeId } } : {}),
    ...(first && options.forSuperFollowersOnly !== undefined ? { for_super_followers_only: options.forSuperFollowersOnly } : {}),
  };
}

/** The identical post X already holds at this place in the thread (its duplicate rule fired), or undefined. */
async function existingPost(
  text: string,
  parentId: string | undefined,
  context: AdapterContext,
  settings: PublishSettings,
): Promise<string | undefined> {
  const since = new Date(context.clock.now() - settings.lookupWindowMs).toISOString();
  const tweets = await readOwnTimeline(context, since, settings.lookupMaxPages);
  return findPostAt(tweets, text, parentId)?.id;
}

/** What creating the posts of a draft needs once its media is uploaded and processed. @internal */
export interface PostsToCreate {
  parts: ReadonlyArray<{ text: string; mediaIds: readonly string[] }>;
  replyToId: string | undefined;
  options: XOptions;
  poll: PollInput | undefined;
}

/**
 * Creates the posts with `POST /2/tweets`: the first part (replying to `replyToId` when set),
 * then each next part as a reply to the one before, starting at part `from` (below it, `done`
 * holds the ids already published). When X refuses a part as a duplicate and `onDuplicate` is
 * `adopt`, the identical post already at that place is taken instead. Content refusals become
 * `ValidationError`s naming the part. @internal
 */
export async function createPosts(
  posts: PostsToCreate,
  context: AdapterContext,
  settings: PublishSettings,
  done: readonly string[] = [],
): Promise<PublishOutput> {
  const published: PublishOutput['parts'] = done.map((id) => ({ id, url: ownPostUrl(id, context.account) }));
  let parentId = done.length > 0 ? done[done.length - 1] : posts.replyToId;
  for (const [index, part] of posts.parts.entries()) {
    if (index < done.length) continue;
    let id: string;
    try {
      const response = await context.http.request({
        method: 'POST',
        path: '/2/tweets',
        json: tweetBody({ text: part.text, mediaIds: part.mediaIds, parentId, first: index === 0 }, posts.options, posts.poll),
        bucket: X_BUCKETS.createPost,
        signal: context.signal,
      });
      id = parseApiResponse(XCreateTweetSchema, response, 'x', 'POST /2/tweets').data.id;
    } catch (error) {
      const adopted =
        settings.onDuplicate === 'adopt' && isDuplicateRefusal(error)
          ? await existingPost(part.text, parentId, context, settings)
          : undefined;
      if (adopted === undefined) {
        if (published.length > 0) {
          context.logger.warn('x thread stopped part way: publish again with the same idempotency key to resume', {
            published: published.map((ref) => ref.id).join(','),
            failedPart: index + 1,
          });
        }
        throw asContentRefusal(error, index);
      }
      context.logger.info('x post already existed (duplicate content): using it', { id: adopted, part: index + 1 });
      id = adopted;
    }
    published.push({ id, url: ownPostUrl(id, context.account) });
    parentId = id;
  }
  return { parts: published };
}

/** A pending answer while X processes media: poll after X's `check_after_secs`, progress from its least advanced item. @internal */
export function processingAnswer(handle: XPublishHandle, infos: ReadonlyArray<UploadedMedia['processing']>): PendingPublishOutput {
  const waits = infos.map((info) => info?.check_after_secs ?? 1);
  const percents = infos.map((info) => info?.progress_percent).filter((value): value is number => value !== undefined);
  const stage = infos.some((info) => info?.state === 'in_progress') ? 'in_progress' : 'pending';
  return {
    pending: toPendingHandle(handle),
    pollAfterMs: Math.max(1, ...waits) * 1000,
    progress: { stage: `media ${stage}`, ...(percents.length > 0 ? { percent: Math.min(...percents) } : {}) },
  };
}

/**
 * Publishes a draft: uploads every part's media first, then posts the first part (replying to
 * `draft.replyTo` when set) and each thread part as a reply to the one before. When X is still
 * processing a video or GIF, nothing is posted yet: the answer is pending, with a handle that
 * holds what is needed to finish (`doGetPublishStatus`), the poll delay from X's
 * `check_after_secs` and its `progress_percent`. When X refuses a part as a duplicate and
 * `onDuplicate` is `adopt`, the identical post already at that place is taken instead, so a
 * publish retried after a lost answer resumes where it stopped rather than failing. @internal
 */
export async function doPublish(
  input: PublishInput<XOptions>,
  context: AdapterContext,
  settings: PublishSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  checkXDraft(input);
  const { draft, poll } = input;
  const options = input.networkOptions ?? {};
  const since = new Date(context.clock.now()).toISOString();
  const drafted: Array<{ text: string; media: AdapterMediaRef[] }> = [
    { text: composeRootText(draft), media: draft.media },
    ...draft.thread,
  ];
  const parts: Array<{ text: string; uploaded: UploadedMedia[] }> = [];
  for (const [index, part] of drafted.entries()) {
    const uploaded: UploadedMedia[] = [];
    for (const [position, item] of part.media.entries()) {
      uploaded.push(await uploadMedia(item, settings, context, [...partPath(index), 'media', position]));
    }
    parts.push({ text: part.text, uploaded });
  }
  const posts: PostsToCreate = {
    parts: parts.map((part) => ({ text: part.text, mediaIds: part.uploaded.map((media) => media.id) })),
    replyToId: draft.replyTo?.id,
    options,
    poll,
  };
  const processing = parts.flatMap((part) => part.uploaded).filter((media) => media.processing !== undefined);
  if (processing.length === 0) return createPosts(posts, context, settings);
  const handle: XPublishHandle = {
    v: 1,
    since,
    ...(posts.replyToId !== undefined ? { replyToId: posts.replyToId } : {}),
    parts: parts.map((part) => ({
      text: part.text,
      mediaIds: part.uploaded.map((media) => media.id),
      mediaKeys: part.uploaded.flatMap((media) => (media.key ? [media.key] : [])),
    })),
    processing: processing.map((media) => ({ id: media.id, ...(media.altText ? { altText: media.altText } : {}) })),
    options: { ...options },
    ...(poll ? { poll: { options: [...poll.options], durationMs: poll.durationMs } } : {}),
  };
  return processingAnswer(
    handle,
    processing.map((media) => media.processing),
  );
}
