import { parseApiResponse, type AdapterContext, type FetchedPost } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { StatusSchema, type MastodonStatus } from './api-schemas.js';
import { isScheduled, listScheduledStatuses } from './scheduled-statuses.js';
import { statusText } from './status-text.js';

/** Reads one status (`GET /api/v1/statuses/:id`); null when Mastodon has no such status. @internal */
export async function readStatus(id: string, context: AdapterContext): Promise<MastodonStatus | null> {
  try {
    const response = await context.http.request({ path: `/api/v1/statuses/${encodeURIComponent(id)}`, signal: context.signal });
    return parseApiResponse(StatusSchema, response, 'mastodon', 'GET /api/v1/statuses/:id');
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return null;
    throw error;
  }
}

/**
 * A status as published: its plain text (from the HTML `content`), creation time, the status
 * it replies to and its attachment count; a scheduled one from the scheduled statuses, with
 * the scheduled time as `createdAt`. Null when it does not exist (deleted, never published). @internal
 */
export async function doGetPost(post: PostRef, context: AdapterContext): Promise<FetchedPost | null> {
  if (isScheduled(post)) {
    const scheduled = (await listScheduledStatuses(context)).find((entry) => entry.id === post.id);
    if (!scheduled) return null;
    return {
      ref: { id: scheduled.id, extra: { scheduled: 'true' } },
      text: scheduled.params.text ?? '',
      createdAt: new Date(scheduled.scheduled_at).toISOString(),
    };
  }
  const status = await readStatus(post.id, context);
  if (status === null) return null;
  return {
    ref: { id: status.id, ...(status.url ? { url: status.url } : {}) },
    text: statusText(status.content),
    createdAt: new Date(status.created_at).toISOString(),
    ...(status.in_reply_to_id ? { inReplyTo: { id: status.in_reply_to_id } } : {}),
    mediaCount: status.media_attachments.length,
  };
}
