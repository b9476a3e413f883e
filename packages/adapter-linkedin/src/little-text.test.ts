import fc from 'fast-check';
import { renderCommentary } from '@smm/testkit/linkedin';
import { describe, expect, it } from 'vitest';
import { fromLittleText, RESERVED_CHARACTERS, toLittleText } from './little-text.js';

const ORG = 'urn:li:organization:2414183';

describe('little text', () => {
  it('lists the reserved characters of the Posts API Text section', () => {
    // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api: | { } @ [ ] ( ) < > # \ * _ ~
    expect([...RESERVED_CHARACTERS].sort()).toEqual(['|', '{', '}', '@', '[', ']', '(', ')', '<', '>', '#', '\\', '*', '_', '~'].sort());
  });

  it('escapes every reserved character with a backslash, keeping hashtags as hashtags', () => {
    expect(toLittleText('Q3 (audited) results: 5*3 > 2 <yes> a_b ~x~ {y} [z] | \\ @ #earnings')).toBe(
      'Q3 \\(audited\\) results: 5\\*3 \\> 2 \\<yes\\> a\\_b \\~x\\~ \\{y\\} \\[z\\] \\| \\\\ \\@ #earnings',
    );
  });

  it('escapes a # that opens no hashtag (alone, after a word, before punctuation) and every # with hashtags: plain', () => {
    expect(toLittleText('# one, C#sharp, #!, #ok')).toBe('\\# one, C\\#sharp, \\#!, #ok');
    expect(toLittleText('#ok', { hashtags: 'plain' })).toBe('\\#ok');
  });

  it('writes mentions as @[Name](urn), an @ before the name included, the name escaped', () => {
    expect(toLittleText('Thanks @Acme (Corp) and Acme!', { mentions: [{ text: 'Acme (Corp)', urn: ORG }] })).toBe(
      `Thanks @[Acme \\(Corp\\)](${ORG}) and Acme!`,
    );
  });

  it('reads commentary back as a reader sees it: escapes dropped, mentions as names, hashtag templates as #tag', () => {
    expect(fromLittleText(`Hi @[Acme \\(Corp\\)](${ORG}) \\(again\\) {hashtag|\\#|news} #more`)).toBe('Hi Acme (Corp) (again) #news #more');
  });

  it('round-trips any text, every reserved character included, through LinkedIn rendering without a cut', () => {
    const alphabet = fc.constantFrom(...RESERVED_CHARACTERS, 'a', 'Z', '9', ' ', '\n', 'é', 'ش', '字', '😀', '\u200c', '&', '!');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')),
        (text) => {
          const commentary = toLittleText(text);
          const rendered = renderCommentary(commentary);
          expect(rendered.truncatedAt).toBeUndefined();
          expect(rendered.text).toBe(text);
          expect(fromLittleText(commentary)).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
