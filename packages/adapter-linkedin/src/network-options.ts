import { z } from 'zod';
import { AUTHOR_URN } from './urns.js';

/**
 * `draft.networkOptions.linkedin`: what only LinkedIn has.
 *
 * @example
 * ```ts
 * const linkedin: LinkedInOptionsInput = {
 *   mentions: [{ text: 'Acme', urn: 'urn:li:organization:2414183' }],
 *   feedDistribution: 'MAIN_FEED',
 * };
 * ```
 */
export const LinkedInOptionsSchema = z
  .object({
    /**
     * Mentions: the first occurrence of each `text` in the post (an `@` before it included)
     * becomes LinkedIn's mention markup `@[text](urn)` and shows as `text`, linked.
     */
    mentions: z
      .array(
        z
          .object({
            text: z.string().min(1, { error: 'must be the text of the mention as it appears in the post (not empty)' }),
            urn: z.string().regex(AUTHOR_URN, { error: 'must be a member or organisation URN: urn:li:person:… or urn:li:organization:…' }),
          })
          .strict(),
      )
      .default([]),
    /** `link` (default): `#word` becomes a hashtag; `plain`: every `#` shows as typed, unlinked. */
    hashtags: z.enum(['link', 'plain'], { error: 'must be "link" or "plain"' }).default('link'),
    /** `MAIN_FEED` (default) or `NONE` (not shown in the feed: a "dark" post for ads). */
    feedDistribution: z.enum(['MAIN_FEED', 'NONE'], { error: 'must be "MAIN_FEED" or "NONE"' }).default('MAIN_FEED'),
    /** Stop others from resharing the post (`isReshareDisabledByAuthor`). */
    disableReshare: z.boolean().default(false),
    /** The link card's title when `draft.link` is set (`content.article.title`; default: the link itself). */
    articleTitle: z.string().min(1, { error: 'must not be empty' }).optional(),
    /** The link card's description (`content.article.description`). */
    articleDescription: z.string().min(1, { error: 'must not be empty' }).optional(),
    /** A document's title (`content.media.title`; LinkedIn requires one for documents; default: "Document"). */
    documentTitle: z.string().min(1, { error: 'must not be empty' }).optional(),
  })
  .strict();

/** LinkedIn's options, parsed. */
export type LinkedInOptions = z.output<typeof LinkedInOptionsSchema>;
/** LinkedIn's options as written in a draft. */
export type LinkedInOptionsInput = z.input<typeof LinkedInOptionsSchema>;
