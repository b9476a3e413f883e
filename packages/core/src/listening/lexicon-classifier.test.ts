import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createLexiconClassifier } from './lexicon-classifier.js';

const classifier = createLexiconClassifier();
async function one(text: string, language?: string) {
  const [verdict] = await classifier.classify([language === undefined ? { text } : { text, language }]);
  return verdict!;
}

describe('createLexiconClassifier', () => {
  it.each([
    ['I love this app, great work!', 'positive', 'praise'],
    ['Thanks for the quick help', 'positive', 'praise'],
    ['This is the worst service, my parcel is late again', 'negative', 'complaint'],
    ['The app is not good', 'negative', 'complaint'],
    ['The update is not bad at all', 'positive', 'other'],
    ['How do I change my password?', 'neutral', 'question'],
    ['Why is my order still late?', 'negative', 'complaint'],
    ['We are at the store on Monday', 'neutral', 'other'],
    ['It is not very good, but the staff were really helpful', 'positive', 'other'],
  ])('%j → %s / %s', async (text, sentiment, intent) => {
    const verdict = await one(text, 'en');
    expect([verdict.sentiment, verdict.intent]).toEqual([sentiment, intent]);
    expect(verdict.sentimentConfidence).toBeGreaterThan(0);
    expect(verdict.sentimentConfidence).toBeLessThanOrEqual(1);
  });

  it('answers unknown, not neutral, for other languages and for text it cannot place', async () => {
    for (const [text, language] of [
      ['Le service est nul', 'fr'],
      ['خدمة سيئة جدا', undefined],
      ['Serviciul este groaznic', undefined],
      ['👍', undefined],
    ] as const) {
      const verdict = await one(text, language);
      expect([verdict.sentiment, verdict.intent, verdict.sentimentConfidence], text).toEqual(['unknown', 'unknown', 0]);
    }
  });

  it('reads English by guess when the mention has no language', async () => {
    expect((await one('This is terrible and I want a refund')).sentiment).toBe('negative');
  });

  it('answers one verdict per item, in order', async () => {
    const verdicts = await classifier.classify([
      { text: 'great', language: 'en' },
      { text: 'awful', language: 'en-US' },
      { text: 'x', language: 'de' },
    ]);
    expect(verdicts.map((verdict) => verdict.sentiment)).toEqual(['positive', 'negative', 'unknown']);
    expect(verdicts.every((verdict) => verdict.classifier === classifier.id)).toBe(true);
  });

  it('validates its options', () => {
    expect(() => createLexiconClassifier({ threshold: 0 })).toThrow(ValidationError);
  });
});
