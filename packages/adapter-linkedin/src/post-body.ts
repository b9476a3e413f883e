import type { PostDraft } from '@smm/core/adapter-kit';
import { toLittleText } from './little-text.js';
import type { UploadedMedia } from './media-upload.js';
import type { LinkedInOptions } from './network-options.js';

/** The JSON body of `POST /rest/posts` (plain JSON: it is kept in pending handles). @internal */
export type PostBody = { [key: string]: unknown };

/** The commentary a draft is published with: its text in LinkedIn's little format. @internal */
export function commentaryOf(text: string, options: LinkedInOptions | undefined): string {
  return toLittleText(text, { mentions: options?.mentions ?? [], hashtags: options?.hashtags ?? 'link' });
}

/**
 * The body of `POST /rest/posts`: `author`, `commentary` (little text), `visibility` (PUBLIC, or
 * CONNECTIONS for a member's `followers` post), `distribution` (`feedDistribution`, empty
 * `targetEntities` and `thirdPartyDistributionChannels`), `lifecycleState: PUBLISHED`,
 * `isReshareDisabledByAuthor`, and `content`: `media` (one image, video or document),
 * `multiImage.images` (2 to 20 images) or `article` (the draft's link).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 * @internal
 */
export function postBody(
  draft: PostDraft,
  options: LinkedInOptions | undefined,
  author: string,
  media: readonly UploadedMedia[],
): PostBody {
  const body: PostBody = {
    author,
    commentary: commentaryOf(draft.text, options),
    visibility: draft.visibility === 'followers' && author.startsWith('urn:li:person:') ? 'CONNECTIONS' : 'PUBLIC',
    distribution: { feedDistribution: options?.feedDistribution ?? 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: options?.disableReshare ?? false,
  };
  if (media.length > 1) {
    body.content = { multiImage: { images: media.map((item) => ({ id: item.urn, ...(item.altText ? { altText: item.altText } : {}) })) } };
  } else if (media.length === 1) {
    const item = media[0]!;
    body.content = {
      media: {
        id: item.urn,
        ...(item.kind === 'document' ? { title: options?.documentTitle ?? 'Document' } : {}),
        ...(item.altText ? { altText: item.altText } : {}),
      },
    };
  } else if (draft.link) {
    body.content = {
      article: {
        source: draft.link,
        title: options?.articleTitle ?? draft.link,
        ...(options?.articleDescription ? { description: options.articleDescription } : {}),
      },
    };
  }
  return body;
}
