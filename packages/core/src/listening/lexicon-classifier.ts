import { z } from 'zod';
import { parseWithSchema } from '../model/index.js';
import type { Classification, Classifier, ClassifierInput, Intent, Sentiment } from './classifier.js';
import { guessLanguage, primaryLanguage } from './language.js';

// Hand-picked English sentiment words, weighted 1 (mild) to 3 (strong).
const POSITIVE: Record<string, number> = {
  good: 1,
  great: 2,
  excellent: 3,
  amazing: 3,
  awesome: 3,
  love: 2,
  loved: 2,
  loving: 2,
  like: 1,
  liked: 1,
  nice: 1,
  perfect: 3,
  fantastic: 3,
  wonderful: 3,
  best: 2,
  happy: 2,
  glad: 1,
  thanks: 1,
  thank: 1,
  helpful: 2,
  fast: 1,
  quick: 1,
  easy: 1,
  recommend: 2,
  brilliant: 3,
  superb: 3,
  delighted: 3,
  pleased: 2,
  impressed: 2,
  smooth: 1,
  beautiful: 2,
  friendly: 1,
  reliable: 2,
  works: 1,
  fixed: 1,
  resolved: 1,
  enjoy: 2,
  enjoyed: 2,
  '❤️': 2,
  '😍': 3,
  '👍': 1,
  '🙏': 1,
  '😊': 2,
  '🎉': 2,
};
const NEGATIVE: Record<string, number> = {
  bad: 2,
  terrible: 3,
  awful: 3,
  horrible: 3,
  worst: 3,
  hate: 3,
  hated: 3,
  poor: 2,
  broken: 2,
  broke: 2,
  late: 1,
  slow: 1,
  never: 0,
  disappointed: 2,
  disappointing: 2,
  useless: 3,
  rude: 2,
  scam: 3,
  fraud: 3,
  angry: 2,
  annoyed: 2,
  annoying: 2,
  frustrated: 2,
  frustrating: 2,
  problem: 1,
  issue: 1,
  issues: 1,
  bug: 1,
  error: 1,
  fail: 2,
  failed: 2,
  fails: 2,
  wrong: 2,
  missing: 2,
  lost: 2,
  damaged: 2,
  delayed: 1,
  unacceptable: 3,
  ridiculous: 2,
  refund: 1,
  cancel: 1,
  crash: 2,
  crashes: 2,
  down: 1,
  waiting: 1,
  sucks: 3,
  '😡': 3,
  '👎': 2,
  '😠': 3,
  '😞': 2,
  '🤬': 3,
};
// Words that flip the polarity of what follows (within the same clause).
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'cant',
  'cannot',
  'couldnt',
  'wont',
  'wouldnt',
  'hardly',
  'without',
  'nothing',
  'nobody',
]);
const INTENSIFIERS: Record<string, number> = { very: 1.5, really: 1.5, so: 1.3, extremely: 2, super: 1.5, totally: 1.5, absolutely: 1.5 };
const QUESTION_STARTS = new Set([
  'how',
  'what',
  'why',
  'when',
  'where',
  'who',
  'which',
  'can',
  'could',
  'is',
  'are',
  'do',
  'does',
  'did',
  'will',
  'would',
  'should',
  'any',
  'anyone',
]);
const COMPLAINT_CUES = new Set([
  'refund',
  'broken',
  'late',
  'delayed',
  'missing',
  'lost',
  'damaged',
  'cancel',
  'waiting',
  'still',
  'never',
  'worst',
  'terrible',
  'awful',
  'unacceptable',
  'scam',
  'complaint',
  'disappointed',
  'support',
  'charged',
  'wrong',
]);
const PRAISE_CUES = new Set([
  'thanks',
  'thank',
  'love',
  'loved',
  'great',
  'amazing',
  'awesome',
  'excellent',
  'best',
  'perfect',
  'fantastic',
  'brilliant',
  'recommend',
  'kudos',
  '❤️',
  '😍',
  '🎉',
]);
// How many words after a negator it still reaches.
const NEGATION_REACH = 3;

const OptionsSchema = z.object({
  /** Weighted score at or beyond which a text is positive/negative (default 1). */
  threshold: z.number().positive({ error: 'must be a positive score such as 1' }).default(1),
});

/** Options for {@link createLexiconClassifier}. */
export type LexiconClassifierOptions = z.input<typeof OptionsSchema>;

function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2019']/gu, '')
      .match(/[a-z]+|[.!?;,]|\p{Extended_Pictographic}\ufe0f?/gu) ?? []
  );
}

/**
 * The built-in English classifier: a hand-made lexicon with weights, negation ("not good"
 * is negative, "not bad" positive; a negator reaches three words within its clause) and
 * intensifiers ("very", "really"). Intent: a negative text with a complaint cue ("refund",
 * "late", "broken", …) is a `complaint`; otherwise a `?` or a leading question word makes a
 * `question`; a positive text with a praise cue is `praise`; the rest is `other`. Texts not
 * in English — by their `language`, else by {@link guessLanguage} — and texts whose language
 * cannot be told get `unknown` for both. Small and explainable; plug a model for more.
 *
 * @example
 * ```ts
 * const classifier = createLexiconClassifier();
 * const [verdict] = await classifier.classify([{ text: 'The app is not good, I want a refund', language: 'en' }]);
 * verdict.sentiment; // 'negative'
 * verdict.intent;    // 'complaint'
 * ```
 */
export function createLexiconClassifier(options: LexiconClassifierOptions = {}): Classifier {
  const { threshold } = parseWithSchema(OptionsSchema, options, 'createLexiconClassifier options');
  const id = 'lexicon-en@1';
  const classifyOne = (item: ClassifierInput): Classification => {
    const language = primaryLanguage(item.language) ?? guessLanguage(item.text);
    if (language !== 'en') {
      return {
        sentiment: 'unknown',
        sentimentConfidence: 0,
        intent: 'unknown',
        intentConfidence: 0,
        ...(language === undefined ? {} : { language }),
        classifier: id,
      };
    }
    const words = tokens(item.text);
    let score = 0;
    let hits = 0;
    let negateFor = 0;
    let boost = 1;
    let complaintCue = false;
    let praiseCue = false;
    for (const word of words) {
      if (/^[.!?;,]$/u.test(word) || word === 'but') {
        negateFor = 0; // a clause boundary ends negation
        boost = 1;
        continue;
      }
      if (NEGATORS.has(word)) {
        negateFor = NEGATION_REACH;
        continue;
      }
      const intensity = INTENSIFIERS[word];
      if (intensity !== undefined) {
        boost = intensity;
        continue;
      }
      const weight = (POSITIVE[word] ?? 0) - (NEGATIVE[word] ?? 0);
      const negated = negateFor > 0;
      if (weight !== 0) {
        // "not good" is as negative as "good" is positive; "not bad" is only mildly positive.
        const signed = negated ? (weight > 0 ? -weight : -weight / 2) : weight;
        score += signed * boost;
        hits += 1;
      }
      if (COMPLAINT_CUES.has(word)) complaintCue = true;
      if (PRAISE_CUES.has(word) && !negated) praiseCue = true;
      if (negated) negateFor -= 1;
      boost = 1;
    }
    const sentiment: Sentiment = score >= threshold ? 'positive' : score <= -threshold ? 'negative' : 'neutral';
    const strength = Math.abs(score);
    const sentimentConfidence = sentiment === 'neutral' ? (hits === 0 ? 0.6 : 0.4) : Math.min(0.95, 0.55 + 0.1 * strength);

    const isQuestion = item.text.includes('?') || item.text.includes('؟') || QUESTION_STARTS.has(words[0] ?? '');
    let intent: Intent = 'other';
    let intentConfidence = 0.5;
    if (sentiment === 'negative' && complaintCue) {
      intent = 'complaint';
      intentConfidence = Math.min(0.9, 0.6 + 0.1 * strength);
    } else if (isQuestion) {
      intent = 'question';
      intentConfidence = item.text.includes('?') ? 0.8 : 0.6;
    } else if (sentiment === 'positive' && praiseCue) {
      intent = 'praise';
      intentConfidence = Math.min(0.9, 0.6 + 0.1 * strength);
    } else if (sentiment === 'negative') {
      intent = 'complaint';
      intentConfidence = 0.5;
    }
    return { sentiment, sentimentConfidence, intent, intentConfidence, language, classifier: id };
  };
  return {
    id,
    classify: async (items, classifyOptions) => {
      classifyOptions?.signal?.throwIfAborted();
      return items.map(classifyOne);
    },
  };
}
