import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsTerm, normalizeForMatching } from './normalize.js';

describe('normalizeForMatching', () => {
  it('strips Arabic harakat, shadda and tatweel', () => {
    expect(normalizeForMatching('تَسْوِيق')).toBe('تسويق');
    expect(normalizeForMatching('التَّسْوِيقُ')).toBe('التسويق');
    expect(normalizeForMatching('تســـويق')).toBe('تسويق');
  });

  it('unifies Persian and Arabic letter variants', () => {
    // Persian yeh/keheh vs Arabic yeh/kaf, alef maksura, teh marbuta, hamza-carrying alefs.
    expect(normalizeForMatching('بازاریابی')).toBe(normalizeForMatching('بازاريابي'));
    expect(normalizeForMatching('کتاب')).toBe('كتاب');
    expect(normalizeForMatching('مستشفى')).toBe('مستشفي');
    expect(normalizeForMatching('مدرسة')).toBe('مدرسه');
    expect(['أحمد', 'إحمد', 'آحمد', 'ٱحمد'].map(normalizeForMatching)).toEqual(['احمد', 'احمد', 'احمد', 'احمد']);
  });

  it('removes ZWNJ and folds Persian and Arabic-Indic digits', () => {
    expect(normalizeForMatching('می\u200cخواهم')).toBe('ميخواهم');
    expect(normalizeForMatching('۱۲۳ ٤٥٦')).toBe('123 456');
  });

  it('folds case and Latin diacritics, Romanian comma and cedilla alike', () => {
    expect(normalizeForMatching('Ștefan ŢARĂ')).toBe('stefan tara');
    expect(normalizeForMatching('Şerban ţară')).toBe('serban tara');
    expect(normalizeForMatching('Crème Brûlée, STRASSE straße')).toBe('creme brulee strasse strasse');
  });

  it('turns punctuation into single spaces but keeps hashtags and mentions', () => {
    expect(normalizeForMatching('late-delivery!!  @Brand #Refund')).toBe('late delivery @brand #refund');
  });

  it('keeps Hangul syllables whole (NFD is recomposed)', () => {
    expect(normalizeForMatching('배송')).toBe('배송');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeForMatching(text);
        expect(normalizeForMatching(once)).toBe(once);
      }),
    );
  });
});

describe('containsTerm', () => {
  it('matches whole words only in spaced scripts', () => {
    expect(containsTerm('i want a refund now', 'refund')).toBe(true);
    expect(containsTerm('refunds are slow', 'refund')).toBe(false);
    expect(containsTerm('refunds are slow', 'refund', true)).toBe(true);
    expect(containsTerm('#refund please', 'refund')).toBe(true);
  });

  it('accepts Arabic proclitics joined to the word', () => {
    expect(containsTerm('خدمات والتسويق', 'تسويق')).toBe(true);
    expect(containsTerm('للتسويق', 'تسويق')).toBe(true);
    expect(containsTerm('مستسويق', 'تسويق')).toBe(false);
  });

  it('matches inside a run in scripts written without spaces', () => {
    expect(containsTerm('配送が遅い', '配送')).toBe(true);
  });
});
