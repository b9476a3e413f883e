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
});
