import { z } from 'zod';
import { parseWithSchema } from '../model/index.js';
import type { Classification, Classifier, ClassifierInput, Intent, Sentiment } from './classifier.js';
import { guessLanguage, primaryLanguage } from './language.js';
import { compileLexicon, type CompiledLexicon, type Lexicon } from './lexicon.js';
import { ARABIC_LEXICON } from './lexicon-ar.js';
import { ENGLISH_LEXICON } from './lexicon-en.js';
import { PERSIAN_LEXICON } from './lexicon-fa.js';
import { ROMANIAN_LEXICON } from './lexicon-ro.js';
import { normalizeForMatching } from './normalize.js';

/** The lexicons built in: English, Arabic, Persian and Romanian. */
export const BUILT_IN_LEXICONS: readonly Lexicon[] = [ENGLISH_LEXICON, ARABIC_LEXICON, PERSIAN_LEXICON, ROMANIAN_LEXICON];

// How many words after a negator it still reaches.
const NEGATION_REACH = 3;
// How many words before a post-negator (Persian "خوب نیست") it reaches.
const POST_NEGATION_REACH = 2;

const LexiconSchema = z.custom<Lexicon>(
  (value) =>
    typeof (value as Lexicon | null)?.language === 'string' &&
    typeof (value as Lexicon).positive === 'object' &&
    typeof (value as Lexicon).negative === 'object' &&
    Array.isArray((value as Lexicon).negators),
  { error: 'must be a Lexicon: { language, positive, negative, negators, intensifiers, questionStarts, complaintCues, praiseCues }' },
);

/** Validates {@link LexiconClassifierOptions} (defaults filled in); `createLexiconClassifier` parses its options with it. */
export const LexiconClassifierOptionsSchema = z.object({
  /** Weighted score at or beyond which a text is positive/negative (default 1). */
  threshold: z.number().positive({ error: 'must be a positive score such as 1' }).default(1),
  /** More lexicons, or replacements for built-in ones (by language). */
  lexicons: z.array(LexiconSchema).optional(),
});

/** Options for {@link createLexiconClassifier}. */
export interface LexiconClassifierOptions extends z.input<typeof LexiconClassifierOptionsSchema> {}

const CLAUSE_END = /^[.!?;,،؛؟…]+$/u;
const PIECES = /[.!?;,،؛؟…]+|[^.!?;,،؛؟…]+/gu;
const EMOJI_SPLIT = /\p{Extended_Pictographic}\ufe0f?|[^\p{Extended_Pictographic}\ufe0f]+/gu;

/** Folded words and clause ends (`.`), emoji one by one. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const [piece] of text.matchAll(PIECES)) {
    if (CLAUSE_END.test(piece)) {
      out.push('.');
      continue;
    }
    for (const word of normalizeForMatching(piece).split(' ')) {
      if (word === '') continue;
      if (/\p{Extended_Pictographic}/u.test(word)) for (const [part] of word.matchAll(EMOJI_SPLIT)) out.push(part);
      else out.push(word);
    }
  }
  return out;
}

/** The form of `word` the lexicon knows: itself, or itself without a joined proclitic. */
function stemOf(lexicon: CompiledLexicon, word: string): string {
  if (lexicon.proclitics.length === 0 || known(lexicon, word)) return word;
  for (const proclitic of lexicon.proclitics) {
    if (word.length - proclitic.length >= 2 && word.startsWith(proclitic) && known(lexicon, word.slice(proclitic.length))) {
      return word.slice(proclitic.length);
    }
  }
  return word;
}

const known = (lexicon: CompiledLexicon, word: string) =>
  lexicon.weights.has(word) || lexicon.complaintCues.has(word) || lexicon.praiseCues.has(word) || lexicon.negators.has(word);

function score(lexicon: CompiledLexicon, text: string, threshold: number): Omit<Classification, 'classifier' | 'language'> {
  const words = tokens(text).map((word) => stemOf(lexicon, word));
  let total = 0;
  let hits = 0;
  let negateFor = 0;
  let boost = 1;
  let complaintCue = false;
  let praiseCue = false;
  let last: { index: number; weight: number; signed: number; praise: boolean } | undefined;
  words.forEach((word, index) => {
    if (word === '.' || lexicon.contrasts.has(word)) {
      negateFor = 0; // a clause boundary ends negation
      boost = 1;
      last = undefined;
      return;
    }
    if (lexicon.negators.has(word)) {
      negateFor = NEGATION_REACH;
      return;
    }
    if (lexicon.postNegators.has(word)) {
      // "خوب نیست" (good is-not): flip what came just before.
      if (last !== undefined && index - last.index <= POST_NEGATION_REACH) {
        const flipped = last.weight > 0 ? -last.weight : -last.weight / 2;
        total += flipped - last.signed;
        if (last.praise) praiseCue = false;
        last = undefined;
      }
      return;
    }
    const intensity = lexicon.intensifiers.get(word);
    if (intensity !== undefined) {
      boost = intensity;
      return;
    }
    const weight = lexicon.weights.get(word) ?? 0;
    const negated = negateFor > 0;
    const praise = lexicon.praiseCues.has(word) && !negated;
    if (weight !== 0) {
      // "not good" is as negative as "good" is positive; "not bad" is only mildly positive.
      const signed = (negated ? (weight > 0 ? -weight : -weight / 2) : weight) * boost;
      total += signed;
      hits += 1;
      last = { index, weight: weight * boost, signed, praise };
    }
    if (lexicon.complaintCues.has(word)) complaintCue = true;
    if (praise) praiseCue = true;
    if (negated) negateFor -= 1;
    boost = 1;
  });
  const sentiment: Sentiment = total >= threshold ? 'positive' : total <= -threshold ? 'negative' : 'neutral';
  const strength = Math.abs(total);
  const sentimentConfidence = sentiment === 'neutral' ? (hits === 0 ? 0.6 : 0.4) : Math.min(0.95, 0.55 + 0.1 * strength);

  const firstTwo = words.slice(0, 2).join(' ');
  const isQuestion =
    text.includes('?') || text.includes('؟') || lexicon.questionStarts.has(words[0] ?? '') || lexicon.questionStarts.has(firstTwo);
  let intent: Intent = 'other';
  let intentConfidence = 0.5;
  if (sentiment === 'negative' && complaintCue) {
    intent = 'complaint';
    intentConfidence = Math.min(0.9, 0.6 + 0.1 * strength);
  } else if (isQuestion) {
    intent = 'question';
    intentConfidence = text.includes('?') || text.includes('؟') ? 0.8 : 0.6;
  } else if (sentiment === 'positive' && praiseCue) {
    intent = 'praise';
    intentConfidence = Math.min(0.9, 0.6 + 0.1 * strength);
  } else if (sentiment === 'negative') {
    intent = 'complaint';
    intentConfidence = 0.5;
  }
  return { sentiment, sentimentConfidence, intent, intentConfidence };
}

/**
 * The built-in classifier: hand-made lexicons for English, Arabic, Persian and Romanian
 * (add or replace with `lexicons`), with weights, negation ("not good" is negative, "not
 * bad" mildly positive; a negator reaches three words within its clause; Persian's
 * "خوب نیست" flips the word before), intensifiers ("very", "جدا", "خیلی", "foarte") and
 * Arabic proclitics (والممتاز reads as ممتاز). Intent: a negative text with a complaint cue
 * is a `complaint`; otherwise a `?`/`؟` or a leading question word makes a `question`; a
 * positive text with a praise cue is `praise`; the rest is `other`. The language is the
 * item's `language`, else {@link guessLanguage}; a language without a lexicon, or one that
 * cannot be told, gets `unknown`. Each verdict says which `language` decided, whether it
 * was given or guessed (`languageSource`), and `method: 'lexicon'`. Small and explainable;
 * plug a model for more (see docs/listening.md).
 *
 * @example
 * ```ts
 * const classifier = createLexiconClassifier();
 * const [en, ar] = await classifier.classify([
 *   { text: 'The app is not good, I want a refund', language: 'en' },
 *   { text: 'الخدمة سيئة جدا وأريد استرداد المبلغ' },
 * ]);
 * en.sentiment; // 'negative'
 * ar.language;  // 'ar' (languageSource: 'guessed')
 * ar.intent;    // 'complaint'
 * ```
 */
export function createLexiconClassifier(options: LexiconClassifierOptions = {}): Classifier {
  const { threshold, lexicons: extra } = parseWithSchema(LexiconClassifierOptionsSchema, options, 'createLexiconClassifier options');
  const lexicons = new Map<string, CompiledLexicon>();
  for (const lexicon of [...BUILT_IN_LEXICONS, ...(extra ?? [])]) {
    lexicons.set(primaryLanguage(lexicon.language) ?? lexicon.language, compileLexicon(lexicon));
  }
  const id = 'lexicon@2';
  const classifyOne = (item: ClassifierInput): Classification => {
    const given = primaryLanguage(item.language);
    const language = given ?? guessLanguage(item.text);
    const provenance = {
      ...(language === undefined ? {} : { language, languageSource: given === undefined ? ('guessed' as const) : ('given' as const) }),
      method: 'lexicon',
      classifier: id,
    };
    const lexicon = language === undefined ? undefined : lexicons.get(language);
    if (lexicon === undefined) {
      return { sentiment: 'unknown', sentimentConfidence: 0, intent: 'unknown', intentConfidence: 0, ...provenance };
    }
    return { ...score(lexicon, item.text, threshold), ...provenance };
  };
  return {
    id,
    classify: async (items, classifyOptions) => {
      classifyOptions?.signal?.throwIfAborted();
      return items.map(classifyOne);
    },
  };
}
