import { normalizeForMatching } from './normalize.js';

/**
 * What the lexicon classifier knows of one language. Words are written naturally (with
 * diacritics, hamza, Persian letters); they are folded like the text before comparing.
 *
 * @example
 * ```ts
 * const de: Lexicon = {
 *   language: 'de',
 *   positive: { gut: 1, super: 2 }, negative: { schlecht: 2 },
 *   negators: ['nicht', 'kein'], intensifiers: { sehr: 1.5 },
 *   questionStarts: ['wie', 'warum'], complaintCues: ['erstattung'], praiseCues: ['danke'],
 * };
 * createLexiconClassifier({ lexicons: [de] });
 * ```
 */
export interface Lexicon {
  /** BCP 47 primary subtag, e.g. `ar`. */
  language: string;
  /** Sentiment words with weights 1 (mild) to 3 (strong). */
  positive: Record<string, number>;
  negative: Record<string, number>;
  /** Words that flip the next three words within the clause ("not good"). */
  negators: string[];
  /** Words that flip the one or two words *before* them (Persian "خوب نیست": good is-not). */
  postNegators?: string[];
  /** Words that end a clause like a full stop ("but"): negation and intensity stop there. */
  contrasts?: string[];
  intensifiers: Record<string, number>;
  questionStarts: string[];
  complaintCues: string[];
  praiseCues: string[];
  /** Prefixes written joined to a word (Arabic و ال بال …): tried off when the whole word is unknown. */
  proclitics?: string[];
}

/** A lexicon with every word folded, ready to look up. @internal */
export interface CompiledLexicon {
  language: string;
  weights: Map<string, number>;
  negators: Set<string>;
  postNegators: Set<string>;
  contrasts: Set<string>;
  intensifiers: Map<string, number>;
  questionStarts: Set<string>;
  complaintCues: Set<string>;
  praiseCues: Set<string>;
  proclitics: string[];
}

const fold = (word: string) => normalizeForMatching(word);

/** Folds every word of `lexicon` (so `رائع` finds `رائع`, `رايع` and `راىع`). @internal */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const weights = new Map<string, number>();
  for (const [word, weight] of Object.entries(lexicon.positive)) weights.set(fold(word), (weights.get(fold(word)) ?? 0) + weight);
  for (const [word, weight] of Object.entries(lexicon.negative)) weights.set(fold(word), (weights.get(fold(word)) ?? 0) - weight);
  return {
    language: lexicon.language,
    weights,
    negators: new Set(lexicon.negators.map(fold)),
    postNegators: new Set((lexicon.postNegators ?? []).map(fold)),
    contrasts: new Set((lexicon.contrasts ?? []).map(fold)),
    intensifiers: new Map(Object.entries(lexicon.intensifiers).map(([word, factor]) => [fold(word), factor])),
    questionStarts: new Set(lexicon.questionStarts.map(fold)),
    complaintCues: new Set(lexicon.complaintCues.map(fold)),
    praiseCues: new Set(lexicon.praiseCues.map(fold)),
    // Longest first, so وال is tried before و.
    proclitics: (lexicon.proclitics ?? []).map(fold).sort((a, b) => b.length - a.length),
  };
}
