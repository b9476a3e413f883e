import { z } from 'zod';

/**
 * A schema for one page of a paginated list: the items and the cursor for the next page
 * (`null` at the end).
 *
 * @example
 * ```ts
 * const MentionPageSchema = pageSchema(MentionSchema);
 * ```
 */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().min(1).nullable(),
  });
}

/** One page of a paginated list. */
export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; `null` when there is none. */
  nextCursor: string | null;
}
