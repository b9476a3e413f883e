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
export const ThreadPartSchema = z.strictObject({
  text: z.string({ error: 'must be the text of this thread part' }),
  media: z.array(MediaRefSchema).default([]),
});

/** A follow-up part of a thread. */
export interface ThreadPart extends z.infer<typeof ThreadPartSchema> {}

/** The fields a per-network variant may override (see {@link PostVariantSchema}). */
export const VARIANT_FIELDS = ['text', 'media', 'link', 'thread'] as const;
/** A field a per-network variant may override. */
export type VariantField = (typeof VARIANT_FIELDS)[number];

/**
 * What one network gets instead of the draft's own `text`, `media`, `link` or `thread`. Each
 * field present replaces the draft's field whole (a variant `media` replaces the media list, it
 * is not appended to); each field absent keeps the draft's. Any other key is an error naming it.
 */
export const PostVariantSchema = z.strictObject(
  {
    text: z.string({ error: "must be this network's text as a string" }).optional(),
    media: z.array(MediaRefSchema).optional(),
    link: HttpUrlSchema.optional(),
    thread: z.array(ThreadPartSchema).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${issue.keys.map((key) => `"${key}"`).join(', ')} cannot be overridden per network: a variant may set only ${VARIANT_FIELDS.join(', ')} (put network settings in networkOptions)`
        : issue.code === 'invalid_type'
          ? 'must be an object overriding some of text, media, link, thread, e.g. { "text": "…" }'
          : undefined,
  },
);

/** What one network gets instead of the draft's own fields, as {@link PostVariantSchema} returns it. */
export interface PostVariant extends z.infer<typeof PostVariantSchema> {}

/** The neutral post: what to publish, for any network. */
export const PostDraftSchema = z
  .strictObject({
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
    /**
     * Per-network overrides keyed by platform id (`x`, `bluesky`, `linkedin`, …): the network
     * named gets the variant's `text`, `media`, `link` or `thread` instead of the draft's. See
     * {@link draftFor}. A variant for a network the draft is not sent to is ignored with a warning.
     */
    variants: z
      .record(NetworkIdSchema, PostVariantSchema, {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? 'keys must be platform ids: lowercase letters, digits and dashes (e.g. "x", "bluesky", "linkedin")'
            : 'must be an object keyed by platform id, e.g. { "x": { "text": "…" } }',
      })
      .optional(),
  })
  .superRefine((draft, context) => {
    if (isEmptyPost(draft)) {
      context.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'a post needs text, media or a link: add text, attach media, or set link',
      });
    }
    for (const [platform, variant] of Object.entries(draft.variants ?? {})) {
      // Each network must still get a post: a variant may not empty it.
      if (!isEmptyPost(draft) && isEmptyPost({ ...draft, ...variant })) {
        context.addIssue({
          code: 'custom',
          path: ['variants', platform, 'text'],
          message: `the ${platform} variant leaves no text, media or link: give it text, or keep the draft's`,
        });
      }
    }
  });

function isEmptyPost(post: { text: string; media: readonly unknown[]; link?: string | undefined }): boolean {
  return post.text.trim() === '' && post.media.length === 0 && post.link === undefined;
}

/** The neutral post, as {@link PostDraftSchema} returns it. */
export type PostDraft = Omit<z.infer<typeof PostDraftSchema>, 'networkOptions'> & { networkOptions: NetworkOptions };
/** What {@link PostDraftSchema} accepts (defaults not yet applied). */
export type PostDraftInput = Omit<z.input<typeof PostDraftSchema>, 'networkOptions'> & { networkOptions?: NetworkOptions };

/**
 * The draft one network receives: the draft with that network's variant applied. Each of
 * `text`, `media`, `link` and `thread` the variant sets replaces the draft's whole; every other
 * field (`networkOptions`, visibility, language, tags, reply target, …) stays as it is. The
 * result carries no `variants`: it is what goes to the network. A platform without a variant
 * gets the draft unchanged (the same object, minus `variants`).
 *
 * @example
 * ```ts
 * const draft = parsePostDraft({
 *   text: 'The full release notes, far too long for X …',
 *   link: 'https://example.com/blog/spring',
 *   variants: { x: { text: 'Spring release is out 🌱' } },
 * });
 * draftFor(draft, 'x').text; // 'Spring release is out 🌱' (and the same link)
 * draftFor(draft, 'mastodon').text; // the full text
 * ```
 */
export function draftFor(draft: PostDraft, platform: string): PostDraft {
  const { variants, ...base } = draft;
  if (variants === undefined) return draft;
  const variant = Object.hasOwn(variants, platform) ? variants[platform] : undefined;
  if (variant === undefined) return base;
  const resolved: PostDraft = { ...base };
  for (const field of VARIANT_FIELDS) {
    if (variant[field] !== undefined) Object.assign(resolved, { [field]: variant[field] });
  }
  return resolved;
}

/**
 * The fields of `draft` that `platform`'s variant overrides, e.g. `['text']`: a problem found in
 * `draftFor(draft, platform)` under one of them belongs at `variants.<platform>.<field>`.
 *
 * @example
 * ```ts
 * overriddenFields(parsePostDraft({ text: 'Hi', variants: { x: { text: 'Hey' } } }), 'x'); // ['text']
 * ```
 */
export function overriddenFields(draft: PostDraft, platform: string): VariantField[] {
  const variant = draft.variants && Object.hasOwn(draft.variants, platform) ? draft.variants[platform] : undefined;
  return variant === undefined ? [] : VARIANT_FIELDS.filter((field) => variant[field] !== undefined);
}

/**
 * Where a problem found in `draftFor(draft, platform)` lives in the draft: paths under a field
 * the variant overrides move under `variants.<platform>`, the others stay.
 *
 * @example
 * ```ts
 * variantPath(draft, 'x', ['text']); // ['variants', 'x', 'text'] when draft.variants.x.text is set
 * ```
 */
export function variantPath(draft: PostDraft, platform: string, path: ReadonlyArray<string | number>): Array<string | number> {
  const head = path[0];
  return typeof head === 'string' && (overriddenFields(draft, platform) as string[]).includes(head)
    ? ['variants', platform, ...path]
    : [...path];
}
