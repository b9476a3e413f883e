// Small Unicode helpers shared by the text toolkit: UTF-8 byte lengths and grapheme clusters.

let graphemeSegmenter: Intl.Segmenter | undefined;

/** The shared grapheme segmenter (locale-independent for grapheme clusters). */
export function graphemes(): Intl.Segmenter {
  return (graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

/**
 * Number of extended grapheme clusters (what a reader sees as one character), as
 * `Intl.Segmenter` counts them.
 *
 * @example
 * ```ts
 * countGraphemes('👨‍👩‍👧 ok'); // 4
 * ```
 */
export function countGraphemes(text: string): number {
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Printable ASCII never joins into a larger cluster (CR LF is the one ASCII pair that does).
    if (c < 0x20 || c > 0x7e) {
      simple = false;
      break;
    }
  }
  if (simple) return text.length;
  let count = 0;
  for (const _ of graphemes().segment(text)) count++;
  return count;
}

/**
 * Number of Unicode code points (a lone surrogate counts as one).
 *
 * @example
 * ```ts
 * countCodePoints('a😀'); // 2
 * ```
 */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Bytes of `text` in UTF-8 (as `TextEncoder` writes it: a lone surrogate becomes U+FFFD, 3 bytes).
 *
 * @example
 * ```ts
 * utf8Length('ș😀'); // 2 + 4 = 6
 * ```
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
