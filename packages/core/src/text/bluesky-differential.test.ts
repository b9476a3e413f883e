import { RichText } from '@atproto/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBlueskyFacets, type BlueskyFacet } from './bluesky-facets.js';
import { countLength } from './measure.js';
import { TEXT_RULES } from './rules.js';

// Differential check against Bluesky's own client library (`@atproto/api` RichText, dev-only
// here): on everyday posts in eight scripts our facets — byte ranges, kinds, URIs, tags, order —
// equal what `detectFacetsWithoutResolution` finds, with each handle resolved the same way.

const WORDS: Record<string, string[]> = {
  latin: ['Bună', 'ziua', 'școală', 'marketing', 'the', 'launch', 'today', 'vă', 'așteptăm'],
  arabic: ['مرحبا', 'تسويق', 'المحتوى', 'اليوم', 'شكرا'],
  persian: ['می\u200cخواهم', 'بازاریابی', 'محتوا', 'سلام', 'امروز'],
  hebrew: ['שלום', 'עולם', 'שיווק', 'היום'],
  cjk: ['日本語', '東京', 'マーケティング', '中文', '内容', '今日は'],
  korean: ['한국어', '마케팅', '안녕하세요', '오늘'],
  cyrillic: ['привет', 'маркетинг', 'сегодня', 'Москва'],
  devanagari: ['नमस्ते', 'विपणन', 'आज', 'हिन्दी'],
};
const SCRIPTS = Object.keys(WORDS);

const LINKS = [
  'https://example.com',
  'https://example.com/blog/post-1',
  'https://fa.wikipedia.org/wiki/بازاریابی',
  'https://ar.wikipedia.org/wiki/تسويق',
  'https://ja.wikipedia.org/wiki/東京',
  'https://ro.wikipedia.org/wiki/România',
  'http://example.org/a_(b)',
  'https://example.com/?q=1&r=2#frag',
  'example.music/album',
  'example.com',
  'shop.example.ro/oferta',
  'bsky.app/profile/ana.bsky.social',
  'example.notatld',
  'EXAMPLE.COM',
  'my-site.com',
  'https://пример.рф/путь',
];
const TAGS = [
  '#marketing',
  '#تسويق',
  '#بازاریابی',
  '#می\u200cخواهم',
  '#日本',
  '#東京2026',
  '#한국',
  '#шкода',
  '#हिन्दी',
  '#1',
  '#a1',
  '＃タグ',
  '#️⃣',
  '#tag!',
  '#עברית',
];
const MENTIONS = ['@ana.bsky.social', '@bob.example.ro', '@Ana.Bsky.Social', '@ana', '@ana@mastodon.social', '@handle.test', '@x.notatld'];
const CASHTAGS = ['$TSLA', '$btc', '$AAPL.', '$toolongname'];
const EMOJI = ['👋🏽', '👨‍👩‍👧', '🇷🇴', '❤️', '🔥'];
const PUNCT = ['', '', '', '.', ',', '!', '?', ':', ')', '…', '؟', '。'];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', ' (', ' — '];

const token = (script: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...WORDS[script]!) },
    { weight: 1, arbitrary: fc.constantFrom(...LINKS) },
    { weight: 1, arbitrary: fc.constantFrom(...TAGS) },
    { weight: 1, arbitrary: fc.constantFrom(...MENTIONS) },
    { weight: 1, arbitrary: fc.constantFrom(...CASHTAGS) },
    { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  );

const post = fc.constantFrom(...SCRIPTS).chain((script) =>
  fc
    .array(fc.tuple(token(script), fc.constantFrom(...PUNCT), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
    .map((parts) =>
      parts
        .map(([word, punct, sep]) => word + punct + sep)
        .join('')
        .trim(),
    ),
);

const resolve = async (handle: string) => `did:web:${handle}`;

/** The official client's facets, with each mention's handle resolved as `resolve` does. */
function official(text: string): BlueskyFacet[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).map((facet) => ({
    index: { byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd },
    features: facet.features.map((feature) => {
      const f = feature as { $type: string; uri?: string; did?: string; tag?: string };
      if (f.$type === 'app.bsky.richtext.facet#link') return { $type: f.$type, uri: f.uri! };
      if (f.$type === 'app.bsky.richtext.facet#tag') return { $type: f.$type, tag: f.tag! };
      return { $type: 'app.bsky.richtext.facet#mention', did: `did:web:${f.did!}` };
    }) as BlueskyFacet['features'],
  }));
}

describe('differential: Bluesky facets against @atproto/api RichText', () => {
  it('equal the official client on everyday posts in eight scripts (property, 3,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(post, async (text) => {
        expect(await toBlueskyFacets(text, resolve)).toEqual(official(text));
      }),
      { numRuns: 3_000 },
    );
  }, 60_000);

  it('the examples from issue 18', async () => {
    for (const text of [
      'Citește https://fa.wikipedia.org/wiki/بازاریابی acum',
      'Ascultă example.music/album!',
      'Vezi https://example.com/a.',
    ]) {
      const ours = await toBlueskyFacets(text, resolve);
      expect(ours).toEqual(official(text));
      expect(ours).toHaveLength(1);
    }
    const [persian] = await toBlueskyFacets('https://fa.wikipedia.org/wiki/بازاریابی', resolve);
    expect(persian!.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#link', uri: 'https://fa.wikipedia.org/wiki/بازاریابی' });
    // 30 bytes of ASCII + 9 Persian letters of 2 bytes each.
    expect(persian!.index).toEqual({ byteStart: 0, byteEnd: 30 + 18 });
  });

  it('counts graphemes of the text as written (links are not shortened on Bluesky)', () => {
    const text = 'https://fa.wikipedia.org/wiki/بازاریابی';
    expect(countLength(text, TEXT_RULES.bluesky)).toBe(
      [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length,
    );
  });
});
