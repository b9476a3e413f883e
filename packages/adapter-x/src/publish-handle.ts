import { z } from 'zod';
import { parseWithSchema, type PendingHandle } from '@smm/core/adapter-kit';

/**
 * What a pending X publish needs to finish in any process, as plain JSON (no secret): each
 * part's text and media ids, the media X is still processing (with alt text to send when it is
 * ready), the reply target, the first part's X options and poll, and when the publish began (the
 * start of the own-timeline look-up that keeps a resumed publish from posting twice). @internal
 */
export const XPublishHandleSchema = z.object({
  v: z.literal(1),
  since: z.string(),
  replyToId: z.string().optional(),
  parts: z.array(z.object({ text: z.string(), mediaIds: z.array(z.string()), mediaKeys: z.array(z.string()) })).min(1),
  processing: z.array(z.object({ id: z.string(), altText: z.string().optional() })),
  options: z.record(z.string(), z.unknown()),
  poll: z.object({ options: z.array(z.string()), durationMs: z.number() }).optional(),
});
/** A pending X publish's handle. @internal */
export interface XPublishHandle extends z.infer<typeof XPublishHandleSchema> {}

/** The handle as core stores it. @internal */
export function toPendingHandle(handle: XPublishHandle): PendingHandle {
  return JSON.parse(JSON.stringify(handle)) as PendingHandle;
}

/** Reads a stored handle back; a handle this adapter did not make is a `ValidationError`. @internal */
export function parsePublishHandle(handle: PendingHandle): XPublishHandle {
  return parseWithSchema(XPublishHandleSchema, handle, 'pending X publish handle');
}
