import { z } from 'zod';
import { ValidationError } from '@smm/core/adapter-kit';

/**
 * What a pending video publish keeps (plain JSON, no secret): the uploaded `videoId`, the Page,
 * when the publish began, and the scheduled time if any — enough for any process to resume
 * polling without uploading again. @internal
 */
export const FacebookHandleSchema = z.object({
  videoId: z.string().regex(/^\d+$/),
  pageId: z.string().min(1),
  since: z.string(),
  scheduledAt: z.string().optional(),
});

/** A pending video publish's handle. @internal */
export type FacebookHandle = z.infer<typeof FacebookHandleSchema>;

/** Reads a handle this adapter made. @throws ValidationError for any other value. @internal */
export function parseHandle(handle: unknown): FacebookHandle {
  const parsed = FacebookHandleSchema.safeParse(handle);
  if (!parsed.success) {
    throw new ValidationError('pending Facebook publish', [
      {
        path: ['handle'],
        code: 'invalid_handle',
        message: 'is not a handle the Facebook adapter made: pass the `pending` a publish returned',
      },
    ]);
  }
  return parsed.data;
}
