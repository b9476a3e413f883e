import { z } from 'zod';
import { parseWithSchema, type PendingHandle, type PendingPublishOutput } from '@smm/core/adapter-kit';
import type { StatusParams } from './status-params.js';

/**
 * What a pending Mastodon publish needs to finish in another process: the body of each
 * `POST /api/v1/statuses` (media already uploaded, so only ids) and the attachments still
 * processing. Plain JSON, no secret: the token is the account's, the handle is stored as is.
 */
const MastodonPendingHandleSchema = z.object({
  statuses: z.array(z.object({ status: z.string(), media_ids: z.array(z.string()).optional() }).catchall(z.unknown())).min(1, {
    error: 'must hold at least one status: pass the pending handle the Mastodon adapter returned',
  }),
  processing: z.array(z.string()),
});

/** A parsed pending handle. @internal */
export interface MastodonPendingHandle {
  statuses: StatusParams[];
  processing: string[];
}

/** Reads a stored handle back; a `ValidationError` naming the field when it is not one of ours. @internal */
export function parsePendingHandle(handle: PendingHandle): MastodonPendingHandle {
  return parseWithSchema(MastodonPendingHandleSchema, handle, 'Mastodon pending publish handle') as unknown as MastodonPendingHandle;
}

/**
 * The pending answer for a handle: progress is the share of attachments processed (the only
 * progress Mastodon reports). @internal
 */
export function pendingAnswer(handle: MastodonPendingHandle, pollAfterMs?: number): PendingPublishOutput {
  const total = handle.statuses.reduce((count, params) => count + (params.media_ids?.length ?? 0), 0);
  const done = total - handle.processing.length;
  return {
    pending: JSON.parse(JSON.stringify(handle)) as PendingHandle,
    ...(pollAfterMs === undefined ? {} : { pollAfterMs }),
    progress: { stage: 'processing', percent: total === 0 ? 100 : Math.round((100 * done) / total) },
  };
}
