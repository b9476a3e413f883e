import type { AdapterContext } from '@smm/core/adapter-kit';
import { StatusSchema } from './api-schemas.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import { tiktokCall } from './tiktok-call.js';

/** The `data` of a status fetch. @internal */
export type TikTokPublishStatus = ReturnType<typeof StatusSchema.parse>['data'];

/**
 * `POST /v2/post/publish/status/fetch/ { publish_id }` (30 per minute; a read, safe to repeat):
 * `PROCESSING_UPLOAD | PROCESSING_DOWNLOAD | SEND_TO_USER_INBOX | PUBLISH_COMPLETE | FAILED`,
 * `fail_reason`, `publicaly_available_post_id` (TikTok's spelling), `uploaded_bytes`.
 * https://developers.tiktok.com/doc/content-posting-api-reference-get-video-status @internal
 */
export async function fetchStatus(publishId: string, context: AdapterContext): Promise<TikTokPublishStatus> {
  const answer = await tiktokCall(context, StatusSchema, {
    path: '/v2/post/publish/status/fetch/',
    json: { publish_id: publishId },
    bucket: TIKTOK_BUCKETS.status,
    idempotent: true,
  });
  return answer.data;
}
