import { z } from 'zod';
import { parseWithSchema, type PendingHandle, type PendingPublishOutput } from '@smm/core/adapter-kit';
import type { PostBody } from './post-body.js';

/**
 * What a pending LinkedIn publish needs to finish in another process: the body of
 * `POST /rest/posts` (media already uploaded, so only URNs), the videos and documents still
 * processing, and when the publish began (to find the post if it was made already). Plain
 * JSON, no secret.
 */
const LinkedInPendingHandleSchema = z.object({
  body: z.record(z.string(), z.unknown()).refine((body) => typeof body.author === 'string' && typeof body.commentary === 'string', {
    error: 'must hold the post body: pass the pending handle the LinkedIn adapter returned',
  }),
  processing: z.array(z.object({ urn: z.string(), kind: z.enum(['video', 'document']) })),
  sinceMs: z.number(),
});

/** A parsed pending handle. @internal */
export type LinkedInPendingHandle = z.output<typeof LinkedInPendingHandleSchema> & { body: PostBody };

/** Reads a stored handle back; a `ValidationError` naming the field when it is not one of ours. @internal */
export function parsePendingHandle(handle: PendingHandle): LinkedInPendingHandle {
  return parseWithSchema(LinkedInPendingHandleSchema, handle, 'LinkedIn pending publish handle');
}

/** The pending answer for a handle. @internal */
export function pendingAnswer(handle: LinkedInPendingHandle, total: number, pollAfterMs?: number): PendingPublishOutput {
  return {
    pending: JSON.parse(JSON.stringify(handle)) as PendingHandle,
    ...(pollAfterMs === undefined ? {} : { pollAfterMs }),
    progress: { stage: 'PROCESSING', percent: total === 0 ? 100 : Math.round((100 * (total - handle.processing.length)) / total) },
  };
}
