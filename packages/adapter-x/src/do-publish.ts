import { parseApiResponse, type AdapterContext, type PollInput, type PublishInput, type PublishOutput } from '@smm/core/adapter-kit';
import type { MediaRef } from '@smm/core/adapter-kit';
import { XCreateTweetSchema } from './api-schemas.js';
import { checkXDraft } from './check-x-draft.js';
import { asContentRefusal, isDuplicateRefusal, partPath } from './content-refusal.js';
import { uploadMedia, type MediaUploadSettings } from './media-upload.js';
import type { XOptions } from './network-options.js';
import { findPostAt, readOwnTimeline } from './own-timeline.js';
import { composeRootText } from './post-text.js';
import { ownPostUrl } from './post-url.js';
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

/**
 * Publishes a draft: uploads each part's media, posts the first part (replying to
 * `draft.replyTo` when set), then each thread part as a reply to the one before. When X
 * refuses a part as a duplicate and `onDuplicate` is `adopt`, the identical post already at
 * that place is taken instead, so a publish retried after a lost answer resumes where it
 * stopped rather than failing. Content refusals become `ValidationError`s naming the part. @internal
 */
export async function doPublish(input: PublishInput<XOptions>, context: AdapterContext, settings: PublishSettings): Promise<PublishOutput> {
  checkXDraft(input);
  const { draft, poll } = input;
  const options = input.networkOptions ?? {};
  const parts: Array<{ text: string; media: MediaRef[] }> = [{ text: composeRootText(draft), media: draft.media }, ...draft.thread];
  const published: PublishOutput['parts'] = [];
  let parentId = draft.replyTo?.id;
  for (const [index, part] of parts.entries()) {
    const mediaIds: string[] = [];
    for (const [position, item] of part.media.entries()) {
      mediaIds.push(await uploadMedia(item, settings, context, [...partPath(index), 'media', position]));
    }
    let id: string;
    try {
      const response = await context.http.request({
        method: 'POST',
        path: '/2/tweets',
        json: tweetBody({ text: part.text, mediaIds, parentId, first: index === 0 }, options, poll),
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
