import type { AdapterContext, FetchedPost } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import type { PostRecord } from './api-schemas.js';
import { parsePostUri, postWebUrl } from './at-uri.js';
import { getPostViews, toInstant } from './read-posts.js';
import type { BlueskyAdapterSettings } from './settings.js';

/** How many images or videos a post record carries (in any of the embed shapes). @internal */
export function mediaCountOf(record: PostRecord): number {
  const embed = record.embed;
  if (!embed) return 0;
  const media = embed.media ?? embed;
  return (media.images?.length ?? 0) + (media.video === undefined ? 0 : 1);
}

/**
 * Reads one post back through `app.bsky.feed.getPosts`: its text, creation time, the post it
 * replies to and its media count; `null` when it does not exist.
 * @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext, settings: BlueskyAdapterSettings): Promise<FetchedPost | null> {
  const { rkey } = parsePostUri(post.id);
  const view = (await getPostViews([post.id], context)).get(post.id);
  if (!view) return null;
  const parent = view.record.reply?.parent;
  return {
    ref: { id: view.uri, url: postWebUrl(settings.webUrl, view.author.handle, rkey), extra: { cid: view.cid } },
    text: view.record.text,
    createdAt: toInstant(view.record.createdAt, view.indexedAt),
    ...(parent ? { inReplyTo: { id: parent.uri, extra: { cid: parent.cid } } } : {}),
    mediaCount: mediaCountOf(view.record),
  };
}
