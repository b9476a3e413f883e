import { ApiCallError, parseApiResponse, type AdapterContext, type PublishAnswer, type PublishStatusInput } from '@smm/core/adapter-kit';
import { MediaAttachmentSchema } from './api-schemas.js';
import { createStatuses } from './create-statuses.js';
import { parsePendingHandle, pendingAnswer } from './pending-handle.js';
import { MASTODON_BUCKETS } from './rate-limits.js';

/** Whether an attachment is still processing: `GET /api/v1/media/:id` answers 206 with a null url until done. */
async function stillProcessing(id: string, context: AdapterContext): Promise<boolean> {
  try {
    const response = await context.http.request({
      path: `/api/v1/media/${encodeURIComponent(id)}`,
      bucket: MASTODON_BUCKETS.read,
      signal: context.signal,
    });
    return parseApiResponse(MediaAttachmentSchema, response, 'mastodon', 'GET /api/v1/media/:id').url === null;
  } catch (error) {
    // Mastodon finds only unattached media here: a 404 means an earlier look already created
    // the status (the Idempotency-Key returns it below); a deleted file fails there with a 422.
    if (ApiCallError.isInstance(error) && error.status === 404) return false;
    throw error;
  }
}

/**
 * One look at a pending publish: asks for each attachment still processing
 * (https://docs.joinmastodon.org/methods/media/#get: 206 while processing, 200 when done, 422
 * when processing failed) and, once none is, creates the statuses with the publish's
 * idempotency keys. Safe to repeat: a status already created comes back from its key. A pending
 * answer carries a smaller handle (only the attachments still processing). @internal
 */
export async function doGetPublishStatus(input: PublishStatusInput, context: AdapterContext): Promise<PublishAnswer> {
  const handle = parsePendingHandle(input.handle);
  const processing: string[] = [];
  for (const id of handle.processing) if (await stillProcessing(id, context)) processing.push(id);
  if (processing.length > 0) return pendingAnswer({ ...handle, processing });
  return createStatuses(handle.statuses, context, input.idempotencyKey);
}
