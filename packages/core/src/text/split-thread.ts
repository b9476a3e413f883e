import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';
import { extractEntities } from './entities.js';
import { measureText } from './measure.js';
import type { TextRule } from './types.js';
import { graphemes } from './unicode.js';

/** Options for {@link splitThread}. */
export interface SplitThreadOptions {
  /**
   * Part numbers, counted inside the limit: `'suffix'` appends ` 2/5`, `'prefix'` prepends
   * `2/5 `, `'none'` (default) adds nothing. A text that fits in one part is never numbered.
   */
  numbering?: 'none' | 'suffix' | 'prefix';
  /** Refuse (ValidationError) rather than return more parts than this. */
  maxParts?: number;
}

const OptionsSchema = z
  .object({
    numbering: z.enum(['none', 'suffix', 'prefix'], { error: 'must be "none", "suffix" or "prefix"' }).optional(),
    maxParts: z.number().int().positive({ error: 'must be a whole number of parts, 1 or more' }).optional(),
  })
  .strict();

interface Unit {
  text: string;
  start: number;
}

type Span = { start: number; end: number };

const PARAGRAPH_BREAK = /\n[ \t\u00a0]*\n\s*/g;
const WORD = /\S+\s*|\s+/g;

let sentenceSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

function bySeparator(unit: Unit, separator: RegExp): Unit[] {
  const out: Unit[] = [];
  let last = 0;
  for (const match of unit.text.matchAll(separator)) {
    const end = match.index + match[0].length;
    if (end > last) out.push({ text: unit.text.slice(last, end), start: unit.start + last });
    last = end;
  }
  if (last < unit.text.length) out.push({ text: unit.text.slice(last), start: unit.start + last });
  return out;
}

function bySegmenter(unit: Unit, segmenter: Intl.Segmenter): Unit[] {
  return [...segmenter.segment(unit.text)].map((s) => ({ text: s.segment, start: unit.start + s.index }));
}

/** Joins neighbouring pieces whose boundary falls inside an entity, so no URL, mention or tag is cut. */
function keepEntitiesWhole(pieces: Unit[], entities: readonly Span[]): Unit[] {
  const out: Unit[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    if (previous && entities.some((e) => e.start < piece.start && piece.start < e.end)) previous.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/** Splitting levels, coarsest first: paragraph, sentence, word, word segments (CJK), graphemes. */
function subdivide(unit: Unit, level: number, entities: readonly Span[]): Unit[] {
  switch (level) {
    case 0:
      return bySeparator(unit, PARAGRAPH_BREAK);
    case 1:
      sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
      return keepEntitiesWhole(bySegmenter(unit, sentenceSegmenter), entities);
    case 2:
      return bySeparator(unit, WORD);
    case 3:
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      return keepEntitiesWhole(bySegmenter(unit, wordSegmenter), entities);
    case 4:
      return keepEntitiesWhole(bySegmenter(unit, graphemes()), entities);
    default:
      return bySegmenter(unit, graphemes());
  }
}

const LAST_LEVEL = 5;

function splitOnce(text: string, fits: (part: string) => boolean, entities: readonly Span[]): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    const part = current.trim();
    if (part !== '') parts.push(part);
    current = '';
  };
  const push = (unit: Unit, level: number): void => {
    if (unit.text.trim() === '') {
      current += unit.text;
      return;
    }
    if (fits((current + unit.text).trim())) {
      current += unit.text;
      return;
    }
    if (fits(unit.text.trim())) {
      flush();
      current = unit.text;
      return;
    }
    if (level > LAST_LEVEL) {
      // A single grapheme wider than the whole limit: nothing smaller to cut.
      throw new ValidationError('splitThread input', [
        {
          path: ['rule', 'maxLength'],
          code: 'limit_too_small',
          message: `a single character does not fit in ${JSON.stringify(unit.text)}: raise maxLength`,
        },
      ]);
    }
    const pieces = subdivide(unit, level, entities);
    if (pieces.length <= 1) {
      push(unit, level + 1);
      return;
    }
    for (const piece of pieces) push(piece, level + 1);
  };
  push({ text, start: 0 }, 0);
  flush();
  return parts;
}

function digits(n: number): number {
  return String(n).length;
}

/**
 * Splits a long text (a blog post, say) into thread parts that each fit `rule`. It cuts at
 * paragraph breaks first, then sentence ends, then between words (for scripts written without
 * spaces — Chinese, Japanese, Thai — at word boundaries the runtime's segmenter finds). It never
 * cuts inside a grapheme cluster, URL, mention, hashtag or cashtag. Only a single word longer
 * than a whole part is cut, as a last resort, at grapheme boundaries (and only a URL or tag
 * longer than a whole part is cut inside). Numbering (` 1/5`) is counted inside the limit.
 * Whitespace at the edges of parts is dropped; the words come back in order. Deterministic.
 *
 * @throws ValidationError on bad options, or when more than `maxParts` parts would be needed.
 * @example
 * ```ts
 * splitThread(blogPost, TEXT_RULES.x, { numbering: 'suffix' });
 * // ['Primul paragraf… 1/3', 'Al doilea… 2/3', 'Ultimul. 3/3']
 * ```
 */
export function splitThread(text: string, rule: TextRule, options: SplitThreadOptions = {}): string[] {
  const { numbering = 'none', maxParts } = parseWithSchema(OptionsSchema, options, 'splitThread options');
  if (text.trim() === '') return [];
  const entities = extractEntities(text);
  const fitsWith = (reserve: string) => (part: string) => measureText(numbering === 'prefix' ? reserve + part : part + reserve, rule).fits;
  let parts = splitOnce(text, fitsWith(''), entities);
  let total = parts.length;
  if (numbering !== 'none' && total > 1) {
    // Number widths depend on the count, and the count on the widths: settle in a few rounds.
    for (let round = 0; round < 8; round++) {
      const reserve = numbering === 'prefix' ? `${total}/${total} ` : ` ${total}/${total}`;
      parts = splitOnce(text, fitsWith(reserve), entities);
      if (digits(parts.length) <= digits(total)) break;
      total = parts.length;
    }
    const count = parts.length;
    parts = parts.map((part, index) => (numbering === 'prefix' ? `${index + 1}/${count} ${part}` : `${part} ${index + 1}/${count}`));
  }
  if (maxParts !== undefined && parts.length > maxParts) {
    throw new ValidationError('splitThread input', [
      {
        path: ['text'],
        code: 'too_many_thread_parts',
        message: `the text needs ${parts.length} parts, ${maxParts} allowed: shorten it or raise maxParts`,
      },
    ]);
  }
  return parts;
}
