import type { AdapterContext, PublishOutput } from '@smm/core/adapter-kit';
import { graphPages, graphPath } from '@smm/meta-graph';
import { PagePostSchema, type PagePost } from './api-schemas.js';

/** What a published draft looks like on the Page: its message, link and how many photos. @internal */
export interface ExpectedPost {
  message: string;
  link?: string | undefined;
  photos: number;
}

/** A Page post as `doPublish` returns it (`extra.scheduled` for a natively scheduled one). @internal */
export function postOutput(
  post: Pick<PagePost, 'id' | 'permalink_url' | 'created_time' | 'scheduled_publish_time' | 'is_published'>,
): PublishOutput {
  const scheduled = post.is_published === false && post.scheduled_publish_time !== undefined;
  const at = scheduled ? post.scheduled_publish_time! * 1000 : post.created_time ? graphTimeMs(post.created_time) : undefined;
  return {
    parts: [{ id: post.id, url: post.permalink_url ?? postUrl(post.id), ...(scheduled ? { extra: { scheduled: 'true' } } : {}) }],
    ...(at !== undefined && Number.isFinite(at) ? { publishedAt: new Date(at).toISOString() } : {}),
  };
}

/** The public URL of a Page post from its `{page-id}_{post-id}` id. @internal */
export function postUrl(id: string): string {
  const [pageId, postId] = id.split('_');
  return postId ? `https://www.facebook.com/${pageId}/posts/${postId}` : `https://www.facebook.com/${id}`;
}

/** Graph's times (`2026-12-05T02:41:25+0000`) in epoch ms. @internal */
export function graphTimeMs(time: string): number {
  return Date.parse(time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
}

const FIELDS = 'id,message,created_time,permalink_url,is_published,scheduled_publish_time,attachments';

function matches(post: PagePost, expected: ExpectedPost, sinceMs: number | undefined): boolean {
  if ((post.message ?? '') !== expected.message) return false;
  const created = post.created_time ? graphTimeMs(post.created_time) : undefined;
  if (sinceMs !== undefined && created !== undefined && created < sinceMs && post.scheduled_publish_time === undefined) return false;
  const attachment = post.attachments?.data[0];
  if (expected.link !== undefined && attachment?.url !== undefined && attachment.url !== expected.link) return false;
  const photos = attachment?.subattachments?.data.length ?? (attachment?.type === 'photo' ? 1 : 0);
  return expected.photos === 0 || photos === expected.photos;
}

/**
 * Looks for a post made from a draft among the Page's posts — published ones
 * (`GET /{page-id}/published_posts`, newest first) and natively scheduled ones
 * (`GET /{page-id}/scheduled_posts`) — by message, link and photo count, at or after `since`,
 * following Graph's cursor (`graphPages`) up to `maxPages` pages of 100
 * (https://developers.facebook.com/docs/graph-api/reference/page/published_posts,
 * /page/scheduled_posts). Graph keeps no idempotency key, so this is how a lost answer is recovered
 * without a second post. Throws when a page cannot be read (then nobody can tell).
 * @internal
 */
export async function findPagePost(
  expected: ExpectedPost,
  since: string | undefined,
  context: AdapterContext,
  config: { apiVersion: string; lookupMaxPages: number },
): Promise<PagePost | undefined> {
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  for (const edge of ['published_posts', 'scheduled_posts'] as const) {
    const pages = graphPages(
      context.http,
      {
        path: graphPath(config.apiVersion, `${context.account.id}/${edge}`),
        searchParams: { fields: FIELDS, limit: 100 },
        signal: context.signal,
      },
      PagePostSchema,
      { maxPages: config.lookupMaxPages, platform: 'facebook', what: `GET /{page-id}/${edge}` },
    );
    for await (const page of pages) {
      const found = page.items.find((post) => matches(post, expected, sinceMs));
      if (found) return edge === 'scheduled_posts' ? { ...found, is_published: false } : found;
      // Published posts come newest first: once they are older than `since`, nothing later can match.
      const oldest = page.items.at(-1)?.created_time;
      if (edge === 'published_posts' && sinceMs !== undefined && oldest && graphTimeMs(oldest) < sinceMs) break;
    }
  }
  return undefined;
}
