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
      ['Сервис ужасный', undefined],
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

  it.each([
    // Arabic: hamza and teh marbuta spelled either way, proclitics, negation, intensifiers.
    ['الخدمة سيئة جدا وأريد استرداد المبلغ', 'ar', 'negative', 'complaint'],
    ['الخدمه سيئه جدا', 'ar', 'negative', 'complaint'],
    ['شكرا، التطبيق رائع', 'ar', 'positive', 'praise'],
    ['المنتج ليس جيد', 'ar', 'negative', 'complaint'],
    ['كيف أغير كلمة المرور؟', 'ar', 'neutral', 'question'],
    ['والممتاز في الخدمة السرعة', 'ar', 'positive', 'praise'],
    // Persian: Persian letters, ZWNJ, the verb-final negation.
    ['سفارشم خیلی دیر رسید و خراب بود', 'fa', 'negative', 'complaint'],
    ['ممنون، پشتیبانی عالی بود', 'fa', 'positive', 'praise'],
    ['کیفیت خوب نیست', 'fa', 'negative', 'complaint'],
    ['کیفیت فوق\u200cالعاده است', 'fa', 'positive', 'praise'],
    ['چرا سفارش من نرسیده؟', 'fa', 'neutral', 'question'],
    // Romanian: with and without diacritics, comma-below and cedilla.
    ['Livrarea a întârziat și vreau rambursare', 'ro', 'negative', 'complaint'],
    ['Livrarea a intarziat si vreau rambursare, foarte nasol', 'ro', 'negative', 'complaint'],
    ['Mulţumesc, serviciu excelent!', 'ro', 'positive', 'praise'],
    ['Nu este bun deloc', 'ro', 'negative', 'complaint'],
    ['Unde este comanda mea?', 'ro', 'neutral', 'question'],
  ])('%j → %s: %s / %s', async (text, language, sentiment, intent) => {
    const verdict = await one(text.replace('\\u200c', '\u200c'));
    expect([verdict.language, verdict.sentiment, verdict.intent]).toEqual([language, sentiment, intent]);
    expect(verdict).toMatchObject({ languageSource: 'guessed', method: 'lexicon', classifier: 'lexicon@2' });
  });

  it('says the language was given when the item carried one', async () => {
    expect(await one('Serviciul este groaznic', 'ro-RO')).toMatchObject({
      language: 'ro',
      languageSource: 'given',
      method: 'lexicon',
      sentiment: 'negative',
    });
  });

  it('takes more lexicons through the pluggable options, by language', async () => {
    const german = createLexiconClassifier({
      lexicons: [
        {
          language: 'de',
          positive: { gut: 1, super: 2 },
          negative: { schlecht: 2 },
          negators: ['nicht'],
          intensifiers: { sehr: 1.5 },
          questionStarts: ['wie'],
          complaintCues: ['erstattung'],
          praiseCues: ['danke'],
        },
      ],
    });
    const [verdict] = await german.classify([{ text: 'Nicht gut, ich will eine Erstattung', language: 'de' }]);
    expect([verdict!.sentiment, verdict!.intent, verdict!.language]).toEqual(['negative', 'complaint', 'de']);
    expect(() => createLexiconClassifier({ lexicons: [{ language: 'xx' } as never] })).toThrow(/lexicons\[0\]: must be a Lexicon/);
  });
});
