import type { PublishInput } from '@smm/core/adapter-kit';
import type { ExpectedPost } from './find-post.js';

/**
 * The message a draft becomes on Facebook. A feed post carries the draft's `link` as its link
 * card; a photo, video or comment has no link field, so there the link goes at the end of the
 * text (clickable in the post). @internal
 */
export function messageOf(draft: Pick<PublishInput['draft'], 'text' | 'link' | 'media'>, linkField: boolean): string {
  if (!draft.link || linkField) return draft.text;
  return draft.text.includes(draft.link) ? draft.text : [draft.text, draft.link].filter(Boolean).join('\n\n');
}

/** Whether the draft publishes as a feed post with a link card (text and link, no media). @internal */
export function hasLinkCard(draft: Pick<PublishInput['draft'], 'link' | 'media'>): boolean {
  return draft.link !== undefined && draft.media.length === 0;
}

/** What the post made from `draft` looks like, for finding it again after a lost answer. @internal */
export function expectedPost(draft: Pick<PublishInput['draft'], 'text' | 'link' | 'media'>): ExpectedPost {
  const card = hasLinkCard(draft);
  return {
    message: messageOf(draft, card),
    ...(card ? { link: draft.link } : {}),
    photos: draft.media.filter((item) => item.kind === 'image').length,
  };
}
