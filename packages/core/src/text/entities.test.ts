import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('extractEntities', () => {
  it('finds hashtags in any script, with UTF-16 and UTF-8 offsets', () => {
    const text = 'Ghid #تسويق și #بازاریابی, #日本 #Marketing2026';
    expect(extractEntities(text)).toEqual([
      // "Ghid " = 5 bytes; تسويق = 5 Arabic letters × 2 bytes
      { type: 'hashtag', text: '#تسويق', value: 'تسويق', start: 5, end: 11, byteStart: 5, byteEnd: 16 },
      // " și " = 1 + 3 (ș is 2 bytes) + 1 → 21; بازاریابی = 9 letters × 2 bytes
      { type: 'hashtag', text: '#بازاریابی', value: 'بازاریابی', start: 15, end: 25, byteStart: 21, byteEnd: 40 },
      // ", " → 42; 日本 = 2 × 3 bytes
      { type: 'hashtag', text: '#日本', value: '日本', start: 27, end: 30, byteStart: 42, byteEnd: 49 },
      { type: 'hashtag', text: '#Marketing2026', value: 'Marketing2026', start: 31, end: 45, byteStart: 50, byteEnd: 64 },
    ]);
  });

  it('keeps the ZWNJ inside a Persian hashtag and ignores all-digit tags', () => {
    const [tag] = extractEntities('#می\u200cخواهم #2026 a#b');
    expect(tag).toMatchObject({ type: 'hashtag', value: 'می\u200cخواهم', start: 0, end: 9 });
    expect(extractEntities('#2026 a#b')).toEqual([]);
  });

  it('finds mentions in X, fediverse and Bluesky forms, but not e-mail addresses', () => {
    const text = 'cc @ana, @bob@mastodon.social și @carol.bsky.social. mail: ion@example.ro';
    const found = extractEntities(text).filter((e) => e.type === 'mention');
    expect(found.map((e) => [e.text, e.value, e.start, e.end])).toEqual([
      ['@ana', 'ana', 3, 7],
      ['@bob@mastodon.social', 'bob@mastodon.social', 9, 29],
      ['@carol.bsky.social', 'carol.bsky.social', 33, 51],
    ]);
  });

  it('finds cashtags, URLs with and without a scheme, and nothing inside a URL', () => {
    const found = extractEntities('$TSLA up; read https://example.com/a#frag and example.ro/p?x=1, not notatld.zzz or https://x.com/@ana');
    expect(found.map((e) => [e.type, e.text, e.value])).toEqual([
      ['cashtag', '$TSLA', 'TSLA'],
      ['url', 'https://example.com/a#frag', 'https://example.com/a#frag'],
      ['url', 'example.ro/p?x=1', 'https://example.ro/p?x=1'],
      ['url', 'https://x.com/@ana', 'https://x.com/@ana'],
    ]);
  });

  it('finds a URL in Arabic and CJK text', () => {
    const text = 'زوروا https://مثال.com/صفحة أو 東京example.jp';
    const urls = extractEntities(text).filter((e) => e.type === 'url');
    expect(urls.map((e) => e.text)).toEqual(['https://مثال.com/', 'example.jp']);
  });

  it('offsets slice exactly the entity text, in UTF-16 and UTF-8 (property)', () => {
    const pieces = [
      '#تسويق',
      '#بازاریابی',
      '#日本',
      '@ana',
      '@ana@m.social',
      '@x.bsky.social',
      '$BTC',
      'https://example.com/ș',
      'example.org',
      '👨‍👩‍👧',
      '🇷🇴',
      'ș',
      'שלום',
      ' ',
      ', ',
      '\n',
      'e\u0301',
    ];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 25 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const bytes = encoder.encode(source);
        for (const entity of extractEntities(source)) {
          expect(source.slice(entity.start, entity.end)).toBe(entity.text);
          // Lone surrogates are written as U+FFFD by TextEncoder; compare the same way.
          expect(decoder.decode(bytes.slice(entity.byteStart, entity.byteEnd))).toBe(decoder.decode(encoder.encode(entity.text)));
        }
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
