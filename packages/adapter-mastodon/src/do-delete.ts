import type { AdapterContext } from '@smm/core/adapter-kit';
import { ApiCallError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { MASTODON_BUCKETS } from './rate-limits.js';
import { isScheduled } from './scheduled-statuses.js';

/**
 * Deletes a status (`DELETE /api/v1/statuses/:id`, 30 per 30 minutes) or cancels a scheduled
 * one (`DELETE /api/v1/scheduled_statuses/:id`). A status already gone (404) counts as
 * deleted. @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  const path = isScheduled(post)
    ? `/api/v1/scheduled_statuses/${encodeURIComponent(post.id)}`
    : `/api/v1/statuses/${encodeURIComponent(post.id)}`;
  try {
    await context.http.request({ method: 'DELETE', path, bucket: MASTODON_BUCKETS.delete, signal: context.signal });
  } catch (error) {
    if (ApiCallError.isInstance(error) && error.status === 404) return;
    throw error;
  }
}
