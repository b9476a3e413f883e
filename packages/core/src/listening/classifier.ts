/** Sentiment of a mention; `unknown` when the classifier cannot read its language. */
export type Sentiment = 'positive' | 'negative' | 'neutral' | 'unknown';
/** What the author wants; `unknown` when the classifier cannot read its language. */
export type Intent = 'complaint' | 'question' | 'praise' | 'other' | 'unknown';

/** What a classifier needs to know about an item; a `Mention` fits. */
export interface ClassifierInput {
  text: string;
  /** BCP 47 tag, when known. */
  language?: string;
}

/** A classifier's verdict on one item. */
export interface Classification {
  sentiment: Sentiment;
  /** 0..1; 0 for `unknown`. */
  sentimentConfidence: number;
  intent: Intent;
  /** 0..1; 0 for `unknown`. */
  intentConfidence: number;
  /** The language the classifier read the text as, when it could tell. */
  language?: string;
  /** Whether `language` came with the item (`given`) or the classifier guessed it (`guessed`). */
  languageSource?: 'given' | 'guessed';
  /** How the verdict was reached, e.g. `lexicon` or `model` (a fallback chain names the step that answered). */
  method?: string;
  /** Which classifier said so (its `id`), so stored verdicts keep their provenance. */
  classifier: string;
}

/**
 * Anything that labels mentions with sentiment and intent: the built-in
 * {@link createLexiconClassifier}, or a model behind an HTTP call (see docs/listening.md).
 * Batch-friendly: it gets many items at once and answers one verdict per item, in order.
 * Items in a language it cannot read get `unknown` (never `neutral`).
 *
 * @example
 * ```ts
 * const classifier: Classifier = {
 *   id: 'always-unknown',
 *   classify: async (items) => items.map(() => ({
 *     sentiment: 'unknown', sentimentConfidence: 0, intent: 'unknown', intentConfidence: 0, classifier: 'always-unknown',
 *   })),
 * };
 * ```
 */
export interface Classifier {
  /** A stable name, e.g. `lexicon-en@1` or `my-model@2026-03`. */
  readonly id: string;
  /** One classification per item, in the same order. */
  classify(items: readonly ClassifierInput[], options?: { signal?: AbortSignal }): Promise<Classification[]>;
}
