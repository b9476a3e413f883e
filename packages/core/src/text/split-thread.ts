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

/** Where the text may be cut: `true` at each index where a grapheme cluster starts (and at the end). */
function clusterStarts(text: string): Uint8Array {
  const starts = new Uint8Array(text.length + 1);
  for (const { index } of graphemes().segment(text)) starts[index] = 1;
  starts[text.length] = 1;
  return starts;
}

/**
 * Joins neighbouring pieces whose boundary falls inside a grapheme cluster (`' \u0301'` is one
 * cluster, though a space starts it) or, when `entities` are given, inside an entity.
 */
function keepWhole(pieces: Unit[], starts: Uint8Array, entities: readonly Span[] = []): Unit[] {
  const out: Unit[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    const inside = starts[piece.start] !== 1 || entities.some((e) => e.start < piece.start && piece.start < e.end);
    if (previous && inside) previous.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/** Splitting levels, coarsest first: paragraph, sentence, word, word segments (CJK), graphemes. */
function subdivide(unit: Unit, level: number, starts: Uint8Array, entities: readonly Span[]): Unit[] {
  switch (level) {
    case 0:
      return keepWhole(bySeparator(unit, PARAGRAPH_BREAK), starts);
    case 1:
      sentenceSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
      return keepWhole(bySegmenter(unit, sentenceSegmenter), starts, entities);
    case 2:
      return keepWhole(bySeparator(unit, WORD), starts);
    case 3:
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      return keepWhole(bySegmenter(unit, wordSegmenter), starts, entities);
    case 4:
      return keepWhole(bySegmenter(unit, graphemes()), starts, entities);
    default:
      return keepWhole(bySegmenter(unit, graphemes()), starts);
  }
}

/**
 * `text` without white space at its edges, dropping only whole grapheme clusters: a space that
 * carries a combining mark (`' \u0301'`) stays, so no mark is left without its base.
 */
function trimClusters(text: string): string {
  const end = text.trimEnd();
  const lead = /^\s+/.exec(end);
  if (!lead) return end;
  const cut = lead[0].length;
  if (cut === end.length) return '';
  // A mark after the white space joins the last white-space character into one cluster.
  let first = 0;
  for (const { index, segment } of graphemes().segment(end.slice(0, cut + 2))) {
    if (index >= cut || segment.trim() !== '') break;
    first = index + segment.length;
  }
  return end.slice(first);
}

const LAST_LEVEL = 5;

function splitOnce(text: string, fits: (part: string) => boolean, starts: Uint8Array, entities: readonly Span[]): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    const part = trimClusters(current);
    if (part !== '') parts.push(part);
    current = '';
  };
  const push = (unit: Unit, level: number): void => {
    if (unit.text.trim() === '') {
      current += unit.text;
      return;
    }
    if (fits(trimClusters(current + unit.text))) {
      current += unit.text;
      return;
    }
    if (fits(trimClusters(unit.text))) {
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
    const pieces = subdivide(unit, level, starts, entities);
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
  const starts = clusterStarts(text);
  const fitsWith = (reserve: string) => (part: string) => measureText(numbering === 'prefix' ? reserve + part : part + reserve, rule).fits;
  let parts = splitOnce(text, fitsWith(''), starts, entities);
  let total = parts.length;
  if (numbering !== 'none' && total > 1) {
    // Number widths depend on the count, and the count on the widths: settle in a few rounds.
    for (let round = 0; round < 8; round++) {
      const reserve = numbering === 'prefix' ? `${total}/${total} ` : ` ${total}/${total}`;
      parts = splitOnce(text, fitsWith(reserve), starts, entities);
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
