import { describe, expect, it } from 'vitest';
import { renderCommentary } from './little-text-rendering.js';

describe('little text rendering', () => {
  it('shows escaped characters, mentions by name and hashtags (plain and template)', () => {
    expect(renderCommentary('\\(a\\) @[Acme \\(Corp\\)](urn:li:organization:7) #news {hashtag|\\#|more} \\\\')).toEqual({
      text: '(a) Acme (Corp) #news #more \\',
      mentions: [{ name: 'Acme (Corp)', urn: 'urn:li:organization:7' }],
    });
  });

  it('cuts the text at the first reserved character that starts no element', () => {
    expect(renderCommentary('one (two)')).toEqual({ text: 'one ', truncatedAt: 4, mentions: [] });
    expect(renderCommentary('mail me @ home')).toEqual({ text: 'mail me ', truncatedAt: 8, mentions: [] });
    expect(renderCommentary('# alone')).toEqual({ text: '', truncatedAt: 0, mentions: [] });
    expect(renderCommentary('a_b')).toEqual({ text: 'a', truncatedAt: 1, mentions: [] });
    expect(renderCommentary('@[x](https://example.com)')).toEqual({ text: '', truncatedAt: 0, mentions: [] });
  });
});
