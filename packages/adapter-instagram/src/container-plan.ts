import { ValidationError, type PublishInput, type PublishWarningOutput, type ValidationIssue } from '@smm/core/adapter-kit';
import type { InstagramOptions } from './network-options.js';

/** Container parameters, as Graph takes them (strings). @internal */
export type ContainerFields = Record<string, string>;

/** The containers one draft needs. @internal */
export interface ContainerPlan {
  /** Carousel items, in order (empty for a single media). */
  items: ContainerFields[];
  /** The container that is published: the media itself, or the carousel (its `children` are added once the items exist). */
  root: ContainerFields;
  /** Whether a carousel item is a video (it must finish processing before the carousel is created). */
  videoItems: boolean;
  /** What the draft asked that Instagram does not take (alt text on a video). */
  warnings: PublishWarningOutput[];
}

const DOCS = 'https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media';

/**
 * Turns a draft into Instagram containers (`POST /<IG_ID>/media`, {@link DOCS}): one image
 * (`image_url`, `alt_text`), one video as a reel (`media_type=REELS`: single feed videos are
 * reels since 1 July 2023), a story (`media_type=STORIES`, no caption), or a carousel of 2–10
 * items (`is_carousel_item=true`; videos `media_type=VIDEO`) under a `media_type=CAROUSEL`
 * container with the caption. `urls` are the media's public URLs, in order.
 *
 * @throws ValidationError naming the field when the draft does not fit the placement.
 * @internal
 */
export function planContainers(
  draft: PublishInput['draft'],
  options: InstagramOptions | undefined,
  urls: readonly string[],
): ContainerPlan {
  const placement = options?.placement ?? 'feed';
  const media = draft.media;
  const issues: ValidationIssue[] = [];
  const warnings: PublishWarningOutput[] = [];
  const caption: ContainerFields = draft.text === '' ? {} : { caption: draft.text };
  const shared: ContainerFields = {
    ...(options?.locationId ? { location_id: options.locationId } : {}),
    ...(options?.collaborators?.length ? { collaborators: JSON.stringify(options.collaborators) } : {}),
  };
  const reelOnly = (['shareToFeed', 'coverUrl', 'thumbOffsetMs'] as const).filter((key) => options?.[key] !== undefined);
  const dropAltText = (index: number) => {
    if (media[index]?.altText) {
      warnings.push({
        code: 'alt_text_dropped',
        message: `media[${index}] is a ${media[index]!.kind}: Instagram takes alt text on images only (not on reels, stories or carousel videos); it was left out`,
      });
    }
  };
  const fail = (path: Array<string | number>, code: string, message: string) => issues.push({ path, code, message });

  if (placement !== 'reel' && media.length === 1 && media[0]!.kind === 'image' && reelOnly.length > 0) {
    fail(
      ['networkOptions', 'instagram', reelOnly[0]!],
      'reel_option_on_image',
      `${reelOnly[0]} applies to reels only: remove it or publish a video`,
    );
  }
  if (placement === 'story') {
    if (media.length !== 1)
      fail(['media'], 'story_needs_one_media', `an Instagram story is one image or one video, not ${media.length}: keep one`);
    if (draft.text !== '')
      fail(['text'], 'story_has_no_caption', 'Instagram stories carry no caption: leave the text empty (put words in the image or video)');
    if (options?.collaborators?.length)
      fail(['networkOptions', 'instagram', 'collaborators'], 'story_collaborators', 'stories take no collaborators: remove them');
  }
  if (placement === 'reel' && (media.length !== 1 || media[0]!.kind !== 'video')) {
    fail(['media'], 'reel_needs_one_video', 'an Instagram reel is exactly one video: attach one video and nothing else');
  }
  if (media.length > 1 && reelOnly.length > 0) {
    fail(
      ['networkOptions', 'instagram', reelOnly[0]!],
      'reel_option_on_carousel',
      `${reelOnly[0]} applies to reels only, not to a carousel: remove it`,
    );
  }
  if (issues.length > 0) throw new ValidationError('Instagram draft', issues);

  const image = (index: number): ContainerFields => ({
    image_url: urls[index]!,
    ...(media[index]!.altText ? { alt_text: media[index]!.altText! } : {}),
  });
  if (placement === 'story') {
    const item = media[0]!;
    if (item.kind === 'video') dropAltText(0);
    return {
      items: [],
      root: { media_type: 'STORIES', ...(item.kind === 'video' ? { video_url: urls[0]! } : { image_url: urls[0]! }) },
      videoItems: false,
      warnings,
    };
  }
  if (media.length === 1) {
    if (media[0]!.kind === 'image') return { items: [], root: { ...image(0), ...caption, ...shared }, videoItems: false, warnings };
    dropAltText(0);
    return {
      items: [],
      root: {
        media_type: 'REELS',
        video_url: urls[0]!,
        ...caption,
        ...shared,
        share_to_feed: String(options?.shareToFeed ?? true),
        ...(options?.coverUrl ? { cover_url: options.coverUrl } : {}),
        ...(options?.thumbOffsetMs !== undefined ? { thumb_offset: String(options.thumbOffsetMs) } : {}),
      },
      videoItems: false,
      warnings,
    };
  }
  const items = media.map((item, index): ContainerFields => {
    if (item.kind === 'image') return { ...image(index), is_carousel_item: 'true' };
    dropAltText(index);
    return { media_type: 'VIDEO', video_url: urls[index]!, is_carousel_item: 'true' };
  });
  return {
    items,
    root: { media_type: 'CAROUSEL', ...caption, ...shared },
    videoItems: media.some((item) => item.kind === 'video'),
    warnings,
  };
}
