import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { captionOf } from './caption.js';
import { listRecentVideos, videoCaption } from './display-api.js';
import { postUrl } from './post-url.js';

/**
 * The `lookup` idempotency strategy. TikTok takes no idempotency key, so a published draft is
 * recognised by its caption among the creator's public videos (Display API video list) since
 * `since` (default `lookupWindowMs` ago), newest first. Why a fresh publish after `null` is safe:
 * an init whose upload never completed never publishes, and once the upload is under way the
 * publish is pending with its `publish_id`, polled instead of published again.
 *
 * Limits: only public videos are listed (a SELF_ONLY post is not found); a URL-pulled video whose
 * init answer was lost may still be processing when this looks. @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  settings: { lookupWindowMs: number; lookupMaxPages: number },
): Promise<PublishOutput | null> {
  const { draft } = input;
  if (!draft) return null;
  const caption = captionOf(draft);
  const sinceMs = input.since ? Date.parse(input.since) : context.clock.now() - settings.lookupWindowMs;
  const videos = await listRecentVideos(context, sinceMs, settings.lookupMaxPages);
  const found = videos.find((video) => videoCaption(video) === caption);
  if (!found) return null;
  return {
    parts: [{ id: found.id, url: found.share_url ?? postUrl(context.account.handle ?? '', found.id) }],
    publishedAt: new Date(found.create_time * 1000).toISOString(),
  };
}
