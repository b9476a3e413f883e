import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { extractEntities } from './entities.js';
import { addUtm, tagLinks } from './utm.js';

describe('addUtm', () => {
  it('appends to an existing query and keeps the fragment last', () => {
    expect(addUtm('https://example.com/p?id=7&q=a%20b#top', { source: 'bluesky', medium: 'social', campaign: 'lansare' })).toBe(
      'https://example.com/p?id=7&q=a%20b&utm_source=bluesky&utm_medium=social&utm_campaign=lansare#top',
    );
  });

  it('keeps existing utm values unless overwrite is set', () => {
    const url = 'https://example.com/?utm_source=newsletter&x=1';
    expect(addUtm(url, { source: 'x', medium: 'social' })).toBe('https://example.com/?utm_source=newsletter&x=1&utm_medium=social');
    expect(addUtm(url, { source: 'x', medium: 'social' }, { overwrite: true })).toBe(
      'https://example.com/?utm_source=x&x=1&utm_medium=social',
    );
  });

  it('encodes values (diacritics, spaces, trailing dots) so the link stays whole when posted', () => {
    expect(addUtm('https://example.com/a', { campaign: 'Toamnă 2026.' })).toBe('https://example.com/a?utm_campaign=Toamn%C4%83%202026%2E');
  });

  it('adds a slash to a bare domain, with or without a scheme', () => {
    expect(addUtm('example.ro', { source: 'x' })).toBe('example.ro/?utm_source=x');
    expect(addUtm('https://example.ro#x', { source: 'x' })).toBe('https://example.ro/?utm_source=x#x');
  });

  it('refuses an empty parameter set', () => {
    expect(() => addUtm('https://example.com', {})).toThrow(ValidationError);
    expect(() => addUtm('https://example.com', { source: 3 } as never)).toThrow(/utm_source/);
  });
});

describe('tagLinks', () => {
  it('tags every link in a text and leaves the rest alone', () => {
    const text = 'Citește: example.com/blog și https://shop.example.com/?p=1. Mulțumim! #تسويق';
    const tagged = tagLinks(text, { source: 'x', medium: 'social' });
    expect(tagged).toBe(
      'Citește: example.com/blog?utm_source=x&utm_medium=social și https://shop.example.com/?p=1&utm_source=x&utm_medium=social. Mulțumim! #تسويق',
    );
    // The tagged links are still found whole.
    expect(
      extractEntities(tagged)
        .filter((e) => e.type === 'url')
        .map((e) => e.text),
    ).toEqual(['example.com/blog?utm_source=x&utm_medium=social', 'https://shop.example.com/?p=1&utm_source=x&utm_medium=social']);
  });

  it('tags only the links the filter accepts', () => {
    const tagged = tagLinks('a https://mine.ro/x b https://other.ro/y', { source: 'x' }, { filter: (url) => url.includes('mine.ro') });
    expect(tagged).toBe('a https://mine.ro/x?utm_source=x b https://other.ro/y');
  });

  it('never lets a tagged link run on into the text after it', () => {
    // ".rom" would join the added query ("www.blog/?utm_source=x.rom"): the link stays as written.
    expect(tagLinks('Vezi www.blog.rom acum', { source: 'x' })).toBe('Vezi www.blog.rom acum');
    // A port stays with its link, and the query goes after it.
    expect(tagLinks('Vezi shop.ro:8080 acum', { source: 'x' })).toBe('Vezi shop.ro:8080/?utm_source=x acum');
    expect(tagLinks('a https://x.com/a. b', { source: 'x' })).toBe('a https://x.com/a?utm_source=x. b');
  });

  it('a tagged link is found as the same link with parameters added (property)', () => {
    const pieces = [
      'Vezi',
      'acum',
      'example.com',
      'www.blog.rom',
      'shop.ro:8080',
      'https://x.com/a',
      'example.ro/p?id=7',
      '.',
      ',',
      ':',
      ')',
      '(',
      'ș',
      'تسويق',
      '8080',
      '/',
    ];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('', ' ', '\n')), { maxLength: 12 }), (parts) => {
        const text = parts.map(([p, sep]) => p + sep).join('');
        const tagged = tagLinks(text, { source: 'x' });
        const before = extractEntities(text).filter((e) => e.type === 'url');
        const after = extractEntities(tagged).filter((e) => e.type === 'url');
        expect(after.length).toBe(before.length);
        // Each tagged link is its original (with a port, if one followed) plus the parameter, and
        // putting the originals back gives the text as it was.
        let restoredText = '';
        let last = 0;
        after.forEach((link, i) => {
          const original = before[i]!;
          let restored = link.text.replace(/[?&]utm_source=x$/, '');
          if (text.slice(original.start, original.start + restored.length) !== restored && restored.endsWith('/'))
            restored = restored.slice(0, -1);
          expect(text.slice(original.start, original.start + restored.length), link.text).toBe(restored);
          expect(restored.startsWith(original.text)).toBe(true);
          restoredText += tagged.slice(last, link.start) + restored;
          last = link.end;
        });
        expect(restoredText + tagged.slice(last)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
