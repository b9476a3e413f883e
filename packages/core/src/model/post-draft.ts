import { ADAPTER_V1_VISIBILITIES } from '../adapter-spec/index.js';
import { z } from 'zod';
import { HttpUrlSchema, NetworkIdSchema } from './primitives.js';
import { MediaRefSchema } from './media-ref.js';
import { PostRefSchema } from './post-ref.js';

/**
 * Per-network options, typed by module augmentation: an adapter package declares
 *
 * ```ts
 * declare module '@smm/core/model' {
 *   interface NetworkOptionsRegistry { mastodon: { spoilerText?: string } }
 * }
 * ```
 *
 * and `draft.networkOptions.mastodon` is typed. Each adapter validates its own slice with
 * its own zod schema.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NetworkOptionsRegistry {}

/** Per-network options keyed by network id. */
export type NetworkOptions = { [K in keyof NetworkOptionsRegistry]?: NetworkOptionsRegistry[K] } & Record<string, unknown>;

/** Who may see a post. Networks without a matching setting say so in a warning. */
export const VISIBILITIES = ADAPTER_V1_VISIBILITIES;
/** Who may see a post. */
export type Visibility = (typeof VISIBILITIES)[number];

/** A follow-up part of a thread. */
export const ThreadPartSchema = z.object({
  text: z.string({ error: 'must be the text of this thread part' }),
  media: z.array(MediaRefSchema).default([]),
});

/** A follow-up part of a thread. */
export type ThreadPart = z.infer<typeof ThreadPartSchema>;

/** The neutral post: what to publish, for any network. */
export const PostDraftSchema = z
  .object({
    /** The caller's own id for the draft (for idempotency keys and the calendar). */
    id: z.string().min(1).optional(),
    /** The post's text. May be empty when the post carries media or a link. */
    text: z.string({ error: 'must be the post text as a string (use "" for a media-only post)' }).default(''),
    media: z.array(MediaRefSchema).default([]),
    /** A link to attach (a link card where the network makes one). */
    link: HttpUrlSchema.optional(),
    /** Follow-up parts published as replies to the first, in order. */
    thread: z.array(ThreadPartSchema).default([]),
    /** The post this one replies to. */
    replyTo: PostRefSchema.optional(),
    visibility: z.enum(VISIBILITIES, { error: `must be one of ${VISIBILITIES.join(', ')}` }).default('public'),
    /** BCP 47 language tag of the text, e.g. `ro` or `fa-IR`. */
    language: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a BCP 47 language tag such as en, ro or fa-IR' })
      .optional(),
    /** Free tags for filtering the calendar and reports (not hashtags). */
    tags: z.array(z.string().min(1)).default([]),
    /** The campaign this post belongs to. */
    campaign: z.string().min(1).optional(),
    /** Per-network options keyed by network id; each adapter validates its own slice. */
    networkOptions: z
      .record(NetworkIdSchema, z.unknown(), {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'keys must be network ids: lowercase letters, digits and dashes (e.g. "bluesky")'
            : 'must be an object keyed by network id, e.g. { "mastodon": { "spoilerText": "…" } }',
      })
      .default({}),
  })
  .superRefine((draft, context) => {
    if (draft.text.trim() === '' && draft.media.length === 0 && draft.link === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'a post needs text, media or a link: add text, attach media, or set link',
      });
    }
  });

/** The neutral post, as {@link PostDraftSchema} returns it. */
export type PostDraft = Omit<z.infer<typeof PostDraftSchema>, 'networkOptions'> & { networkOptions: NetworkOptions };
/** What {@link PostDraftSchema} accepts (defaults not yet applied). */
export type PostDraftInput = Omit<z.input<typeof PostDraftSchema>, 'networkOptions'> & { networkOptions?: NetworkOptions };
