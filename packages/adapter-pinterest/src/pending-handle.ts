import { z } from 'zod';
import { ValidationError } from '@smm/core/adapter-kit';

/**
 * What a pending video publish keeps (plain JSON, no secret): the uploaded `media_id`, the pin's
 * fields, its cover, and when the publish began — enough for any process to resume it without
 * uploading again. @internal
 */
export const PinterestHandleSchema = z.object({
  mediaId: z.string().regex(/^\d+$/),
  fields: z.object({
    board_id: z.string(),
    board_section_id: z.string().optional(),
    title: z.string().optional(),
    description: z.string(),
    link: z.string().optional(),
    alt_text: z.string().optional(),
    dominant_color: z.string().optional(),
  }),
  cover: z.union([z.object({ cover_image_url: z.string() }), z.object({ cover_image_key_frame_time: z.number().int().min(0) })]),
  since: z.string(),
});

/** A pending video publish's handle. @internal */
export type PinterestHandle = z.infer<typeof PinterestHandleSchema>;

/** Reads a handle this adapter made. @throws ValidationError for any other value. @internal */
export function parseHandle(handle: unknown): PinterestHandle {
  const parsed = PinterestHandleSchema.safeParse(handle);
  if (!parsed.success) {
    throw new ValidationError('pending Pinterest publish', [
      {
        path: ['handle'],
        code: 'invalid_handle',
        message: 'is not a handle the Pinterest adapter made: pass the `pending` a publish returned',
      },
    ]);
  }
  return parsed.data;
}
