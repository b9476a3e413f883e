/** Threads' text limit: 500 characters (https://developers.facebook.com/documentation/threads/posts, "Limitations"). */
export const THREADS_MAX_TEXT = 500;
/** At most 5 links a post (https://developers.facebook.com/documentation/threads/create-posts/text-attachments). */
export const THREADS_MAX_LINKS = 5;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const encoder = new TextEncoder();

/**
 * A text's length as Threads counts it: one per character, except that "emojis are counted as
 * the number of UTF-8 bytes" (same page): 👍 counts 4, 👍🏽 8, a flag 8.
 */
export function threadsTextLength(text: string): number {
  let length = 0;
  for (const { segment } of segmenter.segment(text)) length += EMOJI.test(segment) ? encoder.encode(segment).length : 1;
  return length;
}

// A URL as Threads finds one: a scheme or www. start, up to whitespace.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;

/** The links of a text as Threads counts them: every unique URL, plus `link_attachment` when it differs. */
export function threadsLinkCount(text: string, attachment?: string): number {
  const links = new Set((text.match(URL_PATTERN) ?? []).map((url) => url.replace(/[.,!?;:)]+$/, '').toLowerCase()));
  if (attachment) links.add(attachment.toLowerCase());
  return links.size;
}
