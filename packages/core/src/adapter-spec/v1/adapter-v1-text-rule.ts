import { z } from 'zod';
import { ADAPTER_V1_LENGTH_METHODS } from './adapter-v1-vocabulary.js';

const count = z.number().int().nonnegative({ error: 'must be a whole number, 0 or more' });

/** How a network counts and limits text, as data. The schema is the source of truth. */
export const adapterV1TextRuleSchema = z.strictObject({
  /** Rule id, usually the network id (`x`, `bluesky`). */
  id: z.string().min(1, { error: 'must name the rule, usually the network id' }),
  /** How characters are counted. */
  method: z.enum(ADAPTER_V1_LENGTH_METHODS, { error: `must be one of ${ADAPTER_V1_LENGTH_METHODS.join(', ')}` }),
  /** Maximum length in `method` units. */
  maxLength: z.number().int().positive({ error: 'must be the maximum length, a whole number above 0' }),
  /** A byte cap on top of `maxLength` (Bluesky: 3000 UTF-8 bytes). */
  maxBytes: z.number().int().positive().optional(),
  /** Every URL counts as this many units (X and Mastodon: 23). */
  urlLength: count.optional(),
  /** `@user@instance` counts only `@user` (Mastodon). */
  mentionCountsLocalPartOnly: z.boolean().optional(),
  maxHashtags: count.optional(),
  maxMentions: count.optional(),
  maxLinks: count.optional(),
  /** Characters the network refuses, as one string. */
  forbiddenCharacters: z.string().optional(),
  /** Only URLs written with `http(s)://` count as `urlLength` (`example.com` is plain text). */
  urlsRequireScheme: z.boolean().optional(),
  /** Emoji count by their UTF-8 bytes rather than as one character (Threads' documented rule). */
  emojiCountsUtf8Bytes: z.boolean().optional(),
  /**
   * Whose grammar finds the links and mentions that `urlLength` and `mentionCountsLocalPartOnly`
   * apply to. `'x'` (default): twitter-text's. `'mastodon'`: Mastodon's server (a scheme required
   * — http(s), gemini, gopher, ipfs, ipns, dat, dweb, ssb — and any non-space path).
   */
  entityRules: z.enum(['x', 'mastodon'], { error: 'must be "x" or "mastodon"' }).optional(),
});

/** A text rule of spec v1 (inferred from {@link adapterV1TextRuleSchema}). */
export interface AdapterV1TextRule extends z.infer<typeof adapterV1TextRuleSchema> {}
