import { z } from 'zod';
import { parseWithSchema, type PendingHandle, type PendingPublishOutput } from '@smm/core/adapter-kit';

/**
 * What a pending TikTok publish needs to finish in any process, as plain JSON (no secret): the
 * `publish_id` (held before any byte is uploaded, so a restart polls it instead of posting
 * again), what was published (video or photos, direct or inbox), the privacy level, the
 * creator's username (for URLs), when it began, and the unaudited-app warning if any. @internal
 */
export const TikTokPublishHandleSchema = z.object({
  v: z.literal(1),
  publishId: z.string().min(1),
  kind: z.enum(['video', 'photo']),
  mode: z.enum(['DIRECT_POST', 'MEDIA_UPLOAD']),
  privacyLevel: z.string(),
  username: z.string(),
  since: z.string(),
  /** FILE_UPLOAD only: the video's size, for upload progress. */
  videoSize: z.number().optional(),
  warning: z.string().optional(),
});
/** A pending TikTok publish's handle. @internal */
export type TikTokPublishHandle = z.infer<typeof TikTokPublishHandleSchema>;

/** Reads a stored handle back; one this adapter did not make is a ValidationError. @internal */
export function parsePublishHandle(handle: PendingHandle): TikTokPublishHandle {
  return parseWithSchema(TikTokPublishHandleSchema, handle, 'pending TikTok publish handle');
}

/** A pending answer: poll again after `pollAfterMs`, with TikTok's status as the stage. @internal */
export function pendingAnswer(
  handle: TikTokPublishHandle,
  stage: string,
  pollAfterMs: number,
  uploadedBytes?: number,
): PendingPublishOutput {
  const percent =
    handle.videoSize && uploadedBytes !== undefined && stage === 'PROCESSING_UPLOAD' && uploadedBytes < handle.videoSize
      ? Math.floor((uploadedBytes / handle.videoSize) * 100)
      : undefined;
  return {
    pending: JSON.parse(JSON.stringify(handle)) as PendingHandle,
    pollAfterMs,
    progress: { stage, ...(percent !== undefined ? { percent } : {}) },
  };
}
