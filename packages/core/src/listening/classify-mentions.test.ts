import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import type { Classifier } from './classifier.js';
import { classifyMentions } from './classify-mentions.js';
import { createLexiconClassifier } from './lexicon-classifier.js';

describe('classifyMentions', () => {
  it('classifies in batches and keeps input order', async () => {
    const inner = createLexiconClassifier();
    const batches: number[] = [];
    const counting: Classifier = { id: inner.id, classify: (items) => (batches.push(items.length), inner.classify(items)) };
    const items = ['great stuff', 'awful service', 'hola', 'how do I log in?', 'love it'].map((text) => ({
      text,
      language: text === 'hola' ? 'es' : 'en',
    }));
    const result = await classifyMentions(counting, items, { batchSize: 2 });
    expect(batches).toEqual([2, 2, 1]);
    expect(result.map((item) => [item.text, item.classification.sentiment])).toEqual([
      ['great stuff', 'positive'],
      ['awful service', 'negative'],
      ['hola', 'unknown'],
      ['how do I log in?', 'neutral'],
      ['love it', 'positive'],
    ]);
  });

  it('refuses a classifier that answers the wrong number of verdicts', async () => {
    const broken: Classifier = { id: 'broken', classify: async () => [] };
    await expect(classifyMentions(broken, [{ text: 'x' }])).rejects.toSatisfy(
      (error: unknown) => ValidationError.isInstance(error) && error.message.includes('got 0 verdicts for 1 items'),
    );
  });
});
