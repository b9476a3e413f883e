import type { AdapterContext } from '@smm/core/adapter-kit';
import { ValidationError, countGraphemes, utf8Length } from '@smm/core/adapter-kit';
import type { MediaRef, PostDraft } from '@smm/core/adapter-kit';
import type { BlobRef, StrongRef } from './api-schemas.js';
import { uploadBlob } from './media-upload.js';
import type { BlueskyOptions } from './network-options.js';

/** What one part of a post may embed: its media, and for the root a quote and a link card. */
export interface EmbedSources {
  media: readonly MediaRef[];
  /** Where `media` sits in the draft, for error paths (`['media']`, `['thread', 0, 'media']`). */
  mediaPath: Array<string | number>;
  quote?: StrongRef;
  /** `draft.link` as a card (only when nothing else is embedded). */
  link?: { uri: string; title?: string; description?: string; thumbnail?: MediaRef };
}

const aspectRatio = (media: MediaRef) => (media.width && media.height ? { aspectRatio: { width: media.width, height: media.height } } : {});

/** The `media` embed: images (`app.bsky.embed.images`, alt text required, may be empty) or one video. */
async function mediaEmbed(
  sources: EmbedSources,
  context: AdapterContext,
  fetchMedia: typeof fetch,
): Promise<Record<string, unknown> | undefined> {
  if (sources.media.length === 0) return undefined;
  const blobs: BlobRef[] = [];
  // One at a time: the blobs must come back in order, and the PDS limits uploads per account.
  for (const [index, media] of sources.media.entries())
    blobs.push(await uploadBlob(media, [...sources.mediaPath, index], context, fetchMedia));
  const first = sources.media[0]!;
  if (first.kind === 'video') {
    return { $type: 'app.bsky.embed.video', video: blobs[0], ...(first.altText ? { alt: first.altText } : {}), ...aspectRatio(first) };
  }
  return {
    $type: 'app.bsky.embed.images',
    images: sources.media.map((media, index) => ({ image: blobs[index], alt: media.altText ?? '', ...aspectRatio(media) })),
  };
}

/**
 * Builds the `embed` of one post record, uploading what it needs: images or a video; a quoted
 * post (`app.bsky.embed.record`, or `recordWithMedia` together with media); otherwise a link
 * card (`app.bsky.embed.external`) for `draft.link`.
 * @internal
 */
export async function buildEmbed(
  sources: EmbedSources,
  context: AdapterContext,
  fetchMedia: typeof fetch,
): Promise<Record<string, unknown> | undefined> {
  const media = await mediaEmbed(sources, context, fetchMedia);
  if (sources.quote) {
    const record = { $type: 'app.bsky.embed.record', record: sources.quote };
    return media ? { $type: 'app.bsky.embed.recordWithMedia', record, media } : record;
  }
  if (media) return media;
  if (!sources.link) return undefined;
  const { uri, title, description, thumbnail } = sources.link;
  const thumb = thumbnail
    ? await uploadBlob(thumbnail, ['networkOptions', 'bluesky', 'linkCard', 'thumbnail'], context, fetchMedia)
    : undefined;
  return {
    $type: 'app.bsky.embed.external',
    external: { uri, title: title ?? uri, description: description ?? '', ...(thumb ? { thumb } : {}) },
  };
}

/**
 * Where `draft.link` goes. Bluesky shows one embed per post, so the link becomes a card on the
 * root only when it has no media and no quote; otherwise it must already be in the text (where
 * a link facet makes it live). Checked before anything is uploaded or posted.
 *
 * @throws ValidationError when the link would be lost.
 * @internal
 */
export function linkCardOf(draft: PostDraft, options: BlueskyOptions | undefined, linkCards: boolean): EmbedSources['link'] {
  const link = draft.link;
  if (link === undefined) return undefined;
  const cardWanted = linkCards && options?.linkCard !== false;
  const occupied = draft.media.length > 0 || options?.quote !== undefined;
  if (cardWanted && !occupied) {
    const card = options?.linkCard === false ? undefined : options?.linkCard;
    return {
      uri: link,
      ...(card?.title ? { title: card.title } : {}),
      ...(card?.description ? { description: card.description } : {}),
      ...(card?.thumbnail ? { thumbnail: card.thumbnail } : {}),
    };
  }
  if (!draft.text.includes(link)) {
    throw new ValidationError('PostDraft for Bluesky', [
      {
        path: ['link'],
        code: 'link_not_shown',
        message: occupied
          ? 'cannot be shown as a link card on a post with media or a quote (Bluesky shows one embed): put the link in the text'
          : 'would not be shown (link cards are turned off): put the link in the text',
      },
    ]);
  }
  return undefined;
}

// app.bsky.embed.video `alt`: at most 1 000 graphemes and 10 000 bytes (image alt text has no such cap).
const VIDEO_ALT = { graphemes: 1000, bytes: 10_000 };

/**
 * Checks what the lexicons refuse but the general Bluesky content rules let through: a video's
 * alt text is capped at 1 000 graphemes (lexicon `app.bsky.embed.video`), half what images take.
 * Checked before anything is uploaded or posted.
 *
 * @throws ValidationError naming each video whose alt text is too long.
 * @internal
 */
export function checkVideoAltText(draft: PostDraft): void {
  const parts = [draft.media, ...draft.thread.map((part) => part.media)];
  const issues = parts.flatMap((media, part) =>
    media.flatMap((item, index) => {
      const alt = item.altText;
      if (item.kind !== 'video' || alt === undefined) return [];
      if (countGraphemes(alt) <= VIDEO_ALT.graphemes && utf8Length(alt) <= VIDEO_ALT.bytes) return [];
      return [
        {
          path: [...(part === 0 ? [] : ['thread', part - 1]), 'media', index, 'altText'],
          code: 'alt_text_too_long',
          message: `is ${countGraphemes(alt)} graphemes; Bluesky takes at most ${VIDEO_ALT.graphemes} graphemes (${VIDEO_ALT.bytes} bytes) of alt text for a video: shorten it`,
        },
      ];
    }),
  );
  if (issues.length > 0) throw new ValidationError('PostDraft for Bluesky', issues);
}
