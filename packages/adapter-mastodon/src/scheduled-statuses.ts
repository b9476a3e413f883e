import LinkHeader from 'http-link-header';
import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { ScheduledStatusSchema } from './api-schemas.js';

/** Whether a post reference points at a status Mastodon still holds as scheduled. @internal */
export function isScheduled(post: { extra?: Record<string, string> | undefined }): boolean {
  return post.extra?.scheduled === 'true';
}

/** The `max_id` of a `Link` header's `rel="next"` URL, or null at the end. @internal */
export function nextMaxId(link: string | null): string | null {
  if (!link) return null;
  const next = LinkHeader.parse(link).rel('next')[0];
  if (!next) return null;
  return new URL(next.uri, 'https://mastodon.invalid').searchParams.get('max_id');
}

const MAX_PAGES = 10;

/**
 * The account's scheduled statuses (`GET /api/v1/scheduled_statuses`, 40 a page, following the
 * `Link` header; at most 400). @internal
 */
export async function listScheduledStatuses(context: AdapterContext): Promise<Array<z.infer<typeof ScheduledStatusSchema>>> {
  const all: Array<z.infer<typeof ScheduledStatusSchema>> = [];
  let maxId: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const response = await context.http.request({
      path: '/api/v1/scheduled_statuses',
      searchParams: { limit: 40, ...(maxId === null ? {} : { max_id: maxId }) },
      signal: context.signal,
    });
    all.push(...parseApiResponse(z.array(ScheduledStatusSchema), response, 'mastodon', 'GET /api/v1/scheduled_statuses'));
    maxId = nextMaxId(response.headers.get('link'));
    if (maxId === null) break;
  }
  return all;
}
