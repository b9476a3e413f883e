import type { PostDraft } from '@smm/core/adapter-kit';
import { countLength, TEXT_RULES } from '@smm/core/adapter-kit';

/**
 * The text X receives for the first post: the draft's text, with `draft.link` appended when
 * no part of the draft already holds it (X builds the link card from a URL in the text; a
 * thread that ends with the link, as `atomize` makes, must not repeat it up front). @internal
 */
export function composeRootText(draft: Pick<PostDraft, 'text' | 'link' | 'thread'>): string {
  const { text, link } = draft;
  if (link === undefined || text.includes(link) || draft.thread.some((part) => part.text.includes(link))) return text;
  return text.trim() === '' ? link : `${text} ${link}`;
}

/** X's weighted length of a text (URLs 23, CJK and emoji 2). @internal */
export function weightedLength(text: string): number {
  return countLength(text, TEXT_RULES.x);
}

const URL_PATTERN = /\bhttps?:\/\/\S+/giu;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * A text as it can be compared with what X returns for it: X HTML-escapes `&`, `<` and `>`,
 * replaces every URL with a t.co link and appends one for attached media; so entities are
 * decoded, URLs dropped, Unicode NFC-normalised and whitespace collapsed. @internal
 */
export function comparableText(text: string): string {
  return text
    .replace(/&(?:amp|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(URL_PATTERN, ' ')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
}
