import { ValidationError } from '../errors/index.js';
import type { LengthMethod, TextRule } from './types.js';
import { extractEntities } from './entities.js';
import { mastodonCountableText } from './mastodon-count.js';
import { countCodePoints, countGraphemes, graphemes, utf8Length } from './unicode.js';
import { xWeightedLength } from './x-weighted-length.js';

/** How long a text is under one rule, and whether it fits. */
export interface TextMeasurement {
  /** Length by the rule's method (URLs and remote mentions counted as the network counts them). */
  length: number;
  /** UTF-8 bytes of the text as written. */
  bytes: number;
  method: LengthMethod;
  maxLength: number;
  maxBytes?: number;
  /** `maxLength - length` (negative when too long). */
  remaining: number;
  /** Whether both the length and the byte cap are respected. */
  fits: boolean;
}

const METHODS: readonly LengthMethod[] = ['x-weighted', 'graphemes', 'code-points', 'utf16', 'utf8-bytes'];

/** The rule as given, checked: a known method, and for a rule a non-negative `maxLength`. */
function checkRule(rule: TextRule | LengthMethod, where: string): void {
  const method = typeof rule === 'string' ? rule : (rule as Partial<TextRule> | null)?.method;
  if (!METHODS.includes(method as LengthMethod)) {
    throw new ValidationError(`${where} rule`, [
      {
        path: typeof rule === 'string' ? ['rule'] : ['rule', 'method'],
        code: 'invalid_method',
        message: `${JSON.stringify(method)} is not a length method: use one of ${METHODS.map((m) => `'${m}'`).join(', ')}, or a rule such as TEXT_RULES.x`,
      },
    ]);
  }
  if (typeof rule !== 'string' && !(typeof rule.maxLength === 'number' && rule.maxLength >= 0)) {
    throw new ValidationError(`${where} rule`, [
      { path: ['rule', 'maxLength'], code: 'invalid_max_length', message: 'must be the maximum length as a number, 0 or more' },
    ]);
  }
}

const EMOJI_GRAPHEME = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function measureBy(method: LengthMethod, text: string, emojiBytes: boolean): number {
  switch (method) {
    case 'graphemes': {
      if (!emojiBytes) return countGraphemes(text);
      let total = 0;
      for (const { segment } of graphemes().segment(text)) total += EMOJI_GRAPHEME.test(segment) ? utf8Length(segment) : 1;
      return total;
    }
    case 'code-points':
      return countCodePoints(text);
    case 'utf16':
      return text.length;
    case 'utf8-bytes':
      return utf8Length(text);
    case 'x-weighted':
      return xWeightedLength(text);
  }
}

/** The text as the network counts it: links as `urlLength` characters, `@user@domain` as `@user`. */
function countableText(text: string, rule: TextRule): string {
  if (rule.entityRules === 'mastodon') return mastodonCountableText(text, rule.urlLength, rule.mentionCountsLocalPartOnly === true);
  const shortensUrls = rule.urlLength !== undefined;
  if (!shortensUrls && !rule.mentionCountsLocalPartOnly) return text;
  if (!text.includes('.')) return text;
  let out = '';
  let last = 0;
  for (const entity of extractEntities(text)) {
    if (entity.type === 'url' && shortensUrls) {
      if (rule.urlsRequireScheme && entity.value !== entity.text) continue;
      out += text.slice(last, entity.start) + 'x'.repeat(rule.urlLength!);
      last = entity.end;
    } else if (entity.type === 'mention' && rule.mentionCountsLocalPartOnly) {
      const at = entity.text.indexOf('@', 1);
      if (at < 0) continue;
      out += text.slice(last, entity.start + at);
      last = entity.end;
    }
  }
  return out + text.slice(last);
}

/**
 * The length of `text` under a rule (or a bare method): X's weighted length, grapheme clusters,
 * code points, UTF-16 units or UTF-8 bytes, with links counted as `urlLength` and remote mentions
 * as their local part when the rule says so. Returns a number; {@link measureText} says more.
 *
 * @example
 * ```ts
 * countLength('Salut 👋🏽 https://example.com/ro', TEXT_RULES.x); // 32
 * countLength('👨‍👩‍👧 familia', TEXT_RULES.bluesky); // 9 graphemes
 * countLength('hi @ana@mastodon.social', TEXT_RULES.mastodon); // 7 ("hi @ana")
 * ```
 */
export function countLength(text: string, rule: TextRule | LengthMethod): number {
  checkRule(rule, 'countLength');
  if (typeof rule === 'string') return measureBy(rule, text, false);
  if (rule.method === 'x-weighted') return xWeightedLength(text, rule.urlLength ?? 23);
  return measureBy(rule.method, countableText(text, rule), rule.emojiCountsUtf8Bytes === true);
}

/**
 * Measures `text` against a rule: length, bytes, what is left, and whether it fits. Given a bare
 * method (`'graphemes'`, …) there is no limit: `maxLength` and `remaining` are `Infinity` and the
 * text always fits.
 *
 * @throws ValidationError when the rule's method is unknown or its `maxLength` is not a number.
 * @example
 * ```ts
 * const m = measureText('Bună ziua! 👋', TEXT_RULES.bluesky);
 * m.length; // 12 graphemes
 * m.bytes; // 18
 * m.fits; // true
 * measureText('👨‍👩‍👧 ok', 'graphemes').length; // 4
 * ```
 */
export function measureText(text: string, rule: TextRule | LengthMethod): TextMeasurement {
  if (typeof rule === 'string') {
    const length = countLength(text, rule);
    return { length, bytes: utf8Length(text), method: rule, maxLength: Infinity, remaining: Infinity, fits: true };
  }
  const length = countLength(text, rule);
  const bytes = utf8Length(text);
  const fits = length <= rule.maxLength && (rule.maxBytes === undefined || bytes <= rule.maxBytes);
  return {
    length,
    bytes,
    method: rule.method,
    maxLength: rule.maxLength,
    ...(rule.maxBytes === undefined ? {} : { maxBytes: rule.maxBytes }),
    remaining: rule.maxLength - length,
    fits,
  };
}
