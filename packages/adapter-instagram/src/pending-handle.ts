import { z } from 'zod';
import { ValidationError } from '@smm/core/adapter-kit';

/**
 * What a pending Instagram publish keeps (plain JSON, no secret): the stage, the container ids,
 * the caption and placement (to find the media again when the answer to `media_publish` was lost),
 * when the publish began, and the first comment to add once live. Any process can resume from it.
 *
 * - `children`: carousel item containers with a video are processing; the carousel container is
 *   created once they are `FINISHED` (Meta needs finished items).
 * - `container`: the container to publish once `FINISHED`.
 * @internal
 */
export const InstagramHandleSchema = z.object({
  stage: z.enum(['children', 'container']),
  containerId: z.string().regex(/^\d+$/).optional(),
  children: z.array(z.string().regex(/^\d+$/)).optional(),
  /** The carousel container's fields (stage `children`). */
  root: z.record(z.string(), z.string()).optional(),
  caption: z.string(),
  placement: z.enum(['feed', 'reel', 'story']),
  since: z.string(),
  firstComment: z.string().optional(),
});

/** A pending Instagram publish's handle. @internal */
export type InstagramHandle = z.infer<typeof InstagramHandleSchema>;

/** Reads a handle this adapter made. @throws ValidationError for any other value. @internal */
export function parseHandle(handle: unknown): InstagramHandle {
  const parsed = InstagramHandleSchema.safeParse(handle);
  if (
    !parsed.success ||
    (parsed.data.stage === 'container' ? !parsed.data.containerId : !parsed.data.children?.length || !parsed.data.root)
  ) {
    throw new ValidationError('pending Instagram publish', [
      {
        path: ['handle'],
        code: 'invalid_handle',
        message: 'is not a handle the Instagram adapter made: pass the `pending` a publish returned',
      },
    ]);
  }
  return parsed.data;
}
