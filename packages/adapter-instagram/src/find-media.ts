import type { AdapterContext, PublishOutput } from '@smm/core/adapter-kit';
import { graphPages } from '@smm/meta-graph';
import { graphInstant, MEDIA_FIELDS, MediaSchema, type InstagramMedia } from './api-schemas.js';
import { igPath, readObject, type InstagramCallConfig } from './graph-call.js';
import { INSTAGRAM_BUCKETS } from './rate-limits.js';

/** What identifies a publish on Instagram, which keeps no idempotency key. @internal */
export interface MediaTarget {
  caption: string;
  placement: 'feed' | 'reel' | 'story';
  /** ISO-8601: only media published at or after this instant (less a minute: Graph times have whole seconds). */
  since?: string | undefined;
}

/** Settings the lookup reads. @internal */
export interface LookupConfig extends InstagramCallConfig {
  lookupMaxPages: number;
}

/**
 * Finds media already published from a draft, newest first: feed posts and reels among the
 * account's media (`GET /<IG_ID>/media`, https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media)
 * with the same caption, published since `since`; a story (no caption) is the newest story since
 * `since` (`GET /<IG_ID>/stories`). Instagram takes no idempotency key and a container names no media
 * once published, so this is how a lost answer to `media_publish` is recovered without a second post.
 * @internal
 */
export async function findMedia(target: MediaTarget, context: AdapterContext, config: LookupConfig): Promise<InstagramMedia | undefined> {
  const sinceMs = target.since === undefined ? undefined : Date.parse(target.since) - 60_000;
  const recent = (media: InstagramMedia) => {
    const at = graphInstant(media.timestamp);
    return sinceMs === undefined || at === undefined || Date.parse(at) >= sinceMs;
  };
  const edge = target.placement === 'story' ? 'stories' : 'media';
  const pages = graphPages(
    context.http,
    {
      path: igPath(config, `${context.account.id}/${edge}`),
      searchParams: { fields: MEDIA_FIELDS, limit: 50 },
      bucket: INSTAGRAM_BUCKETS.read,
      signal: context.signal,
    },
    MediaSchema,
    { platform: 'instagram', what: `GET /{ig-user-id}/${edge}`, maxPages: config.lookupMaxPages },
  );
  for await (const page of pages) {
    for (const media of page.items) {
      if (!recent(media)) return undefined;
      if (target.placement === 'story' || (media.caption ?? '') === target.caption) return media;
    }
  }
  return undefined;
}

/** Reads one media node (`GET /<IG_MEDIA_ID>?fields=…`). @internal */
export function readMedia(id: string, context: AdapterContext, config: InstagramCallConfig): Promise<InstagramMedia> {
  return readObject(context, config, encodeURIComponent(id), { fields: MEDIA_FIELDS }, MediaSchema, 'GET /{ig-media-id}');
}

/** A media node as `doPublish` returns it. @internal */
export function mediaOutput(media: InstagramMedia): PublishOutput {
  const publishedAt = graphInstant(media.timestamp);
  return {
    parts: [{ id: media.id, ...(media.permalink ? { url: media.permalink } : {}), extra: { node: 'media' } }],
    ...(publishedAt ? { publishedAt } : {}),
  };
}
