import {
  ApiCallError,
  type AdapterContext,
  type PendingPublishOutput,
  type PublishOutput,
  type PublishStatusInput,
} from '@smm/core/adapter-kit';
import { exactPostId } from './post-id.js';
import { postUrl } from './post-url.js';
import { parsePublishHandle, pendingAnswer } from './publish-handle.js';
import { fetchStatus } from './publish-status.js';

/**
 * One look at a pending TikTok publish (spec v1.1), by its `publish_id` — only a read, so safe to
 * repeat after a restart: `PROCESSING_UPLOAD`/`PROCESSING_DOWNLOAD` (and `PUBLISH_COMPLETE`
 * without a post id for a public post, still in moderation) stay pending; `PUBLISH_COMPLETE` with
 * `publicaly_available_post_id` gives the post (a rounded int64 id matched to its exact string in the video list); a `SELF_ONLY` post (no public id) and an inbox
 * upload (`SEND_TO_USER_INBOX`) give the `publish_id` as the id, marked in `extra`.
 *
 * @throws ApiCallError (not retryable, `platformCode` TikTok's `fail_reason`) when TikTok failed the post.
 * @throws ValidationError when the handle was not made by this adapter. @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  settings: { pollIntervalMs: number; lookupMaxPages: number },
): Promise<PublishOutput | PendingPublishOutput> {
  const handle = parsePublishHandle(input.handle);
  const status = await fetchStatus(handle.publishId, context);
  const extra = { publishId: handle.publishId, privacyLevel: handle.privacyLevel, ...(handle.warning ? { warning: handle.warning } : {}) };
  // The post is out: an unaudited app's SELF_ONLY post is a warning in the publish result (spec v1.1).
  const warnings = handle.warning ? { warnings: [{ code: 'visibility_forced_private', message: `TikTok ${handle.warning}` }] } : {};
  switch (status.status) {
    case 'FAILED':
      throw new ApiCallError(
        `TikTok could not publish ${handle.publishId} (${status.fail_reason ?? 'no reason given'}): check the media against TikTok's rules and publish again`,
        {
          status: 200,
          platform: 'tiktok',
          ...(status.fail_reason ? { platformCode: status.fail_reason } : {}),
          isRetryable: false,
        },
      );
    case 'SEND_TO_USER_INBOX':
      return { parts: [{ id: handle.publishId, extra: { ...extra, inbox: 'true' } }], ...warnings };
    case 'PUBLISH_COMPLETE': {
      const published = status.publicaly_available_post_id?.[0];
      if (published !== undefined) {
        // From a little before the publish began: the id is what matches, the window only bounds the pages read (clock skew).
        const id = await exactPostId(published, context, Date.parse(handle.since) - 10 * 60_000, settings.lookupMaxPages);
        if (id === null) return pendingAnswer(handle, 'listing', settings.pollIntervalMs);
        return { parts: [{ id, url: postUrl(handle.username, id, handle.kind), extra }], ...warnings };
      }
      // A private post never gets a public id; a public one gets it once moderation ends.
      if (handle.privacyLevel === 'SELF_ONLY')
        return { parts: [{ id: handle.publishId, extra: { ...extra, private: 'true' } }], ...warnings };
      return pendingAnswer(handle, 'moderation', settings.pollIntervalMs);
    }
    default:
      return pendingAnswer(handle, status.status, settings.pollIntervalMs, status.uploaded_bytes);
  }
}
