import { z } from 'zod';
import { adapterV1MediaRulesSchema } from './adapter-v1-media-rules.js';
import { adapterV1TextRuleSchema } from './adapter-v1-text-rule.js';

/** A network's content rules: text, media, title and threads. The schema is the source of truth. */
export const adapterV1ContentRulesSchema = z.strictObject({
  text: adapterV1TextRuleSchema,
  media: adapterV1MediaRulesSchema,
  /** A separate title (YouTube, Pinterest). */
  title: adapterV1TextRuleSchema.optional(),
  /** Whether the title must be given. */
  titleRequired: z.boolean().optional(),
  /** Whether a draft may carry follow-up parts (`thread`). */
  threads: z.boolean(),
  maxThreadParts: z.number().int().positive().optional(),
});

/** Content rules of spec v1 (inferred from {@link adapterV1ContentRulesSchema}). */
export interface AdapterV1ContentRules extends z.infer<typeof adapterV1ContentRulesSchema> {}
