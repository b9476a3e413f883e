// twitter-text's own conformance files (vendored in __fixtures__, see SOURCE.md there), run for
// every section this toolkit claims: weighted length and validity, hashtag, mention, cashtag and
// URL extraction, and the TLD list. Sections it does not claim are listed in docs/text.md:
// `isValidUrl` (urls, urls_without_protocol), lists (`@user/list`), replies, and the legacy
// counters: `tweets` (isValidTweetText, 140 code points) and WeightedTweetsCounterTest (version 2,
// before X's emoji discount).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.js';
import { countLength } from './measure.js';
import { TEXT_RULES } from './rules.js';
import { validateDraft } from './validate-draft.js';
import { findXCashtags, findXHashtags, findXMentions } from './x-tags.js';
import { findXUrls } from './x-url.js';

interface Case<T> {
  description: string;
  text: string;
  expected: T;
}
type Suite = Record<string, Array<Case<unknown>>>;

function load(name: string): Suite {
  return (parse(readFileSync(new URL(`./__fixtures__/twitter-text-${name}.yml`, import.meta.url), 'utf8')) as { tests: Suite }).tests;
}

const validate = load('validate');
const extract = load('extract');
const tlds = load('tlds');

function cases<T>(suite: Suite, section: string): Array<Case<T>> {
  const list = suite[section] as Array<Case<T>> | undefined;
  if (!list || list.length === 0) throw new Error(`conformance section ${section} is missing`);
  return list;
}

/** Valid as X's `parseTweet().valid`: our check of a text-only draft finds nothing. */
function xValid(text: string): boolean {
  return validateDraft({ text }, TEXT_RULES.x).length === 0;
}

type Span = { start: number; end: number };

/** twitter-text's `extractHashtags` (URL overlap removed: the earlier entity wins). */
function hashtagsOutsideUrls(text: string): Array<Span & { value: string }> {
  const all = [...findXUrls(text).map((u) => ({ ...u, value: '', url: true })), ...findXHashtags(text).map((h) => ({ ...h, url: false }))];
  all.sort((a, b) => a.start - b.start);
  const kept: typeof all = [];
  for (const entity of all) if (kept.length === 0 || kept[kept.length - 1]!.end <= entity.start) kept.push(entity);
  return kept.filter((entity) => !entity.url);
}

describe('twitter-text conformance: validate.yml', () => {
  for (const section of ['WeightedTweetsWithDiscountedEmojiCounterTest', 'UnicodeDirectionalMarkerCounterTest']) {
    describe(section, () => {
      for (const c of cases<{ weightedLength: number; valid: boolean }>(validate, section)) {
        it(c.description, () => {
          expect(countLength(c.text, TEXT_RULES.x)).toBe(c.expected.weightedLength);
          expect(xValid(c.text)).toBe(c.expected.valid);
        });
      }
    });
  }

  describe('hashtags (a text that is one whole hashtag)', () => {
    for (const c of cases<boolean>(validate, 'hashtags')) {
      it(c.description, () => {
        const tags = extractEntities(c.text).filter((e) => e.type === 'hashtag');
        expect(tags.length === 1 && tags[0]!.start === 0 && tags[0]!.end === c.text.length).toBe(c.expected);
      });
    }
  });

  describe('usernames (a text that is one whole X mention)', () => {
    for (const c of cases<boolean>(validate, 'usernames')) {
      it(c.description, () => {
        const mentions = extractEntities(c.text, { mentions: 'x' }).filter((e) => e.type === 'mention');
        expect(mentions.length === 1 && mentions[0]!.start === 0 && mentions[0]!.end === c.text.length).toBe(c.expected);
      });
    }
  });
});

describe('twitter-text conformance: extract.yml', () => {
  describe('mentions', () => {
    for (const c of cases<string[]>(extract, 'mentions'))
      it(c.description, () => expect(findXMentions(c.text).map((m) => m.value)).toEqual(c.expected));
  });
  describe('mentions_with_indices', () => {
    for (const c of cases<Array<{ screen_name: string; indices: [number, number] }>>(extract, 'mentions_with_indices')) {
      it(c.description, () =>
        expect(findXMentions(c.text).map((m) => ({ screen_name: m.value, indices: [m.start, m.end] }))).toEqual(c.expected),
      );
    }
  });

  for (const section of ['urls', 'urls_with_directional_markers', 'tco_urls_with_params']) {
    describe(section, () => {
      for (const c of cases<Array<string | { url: string; indices: [number, number] }>>(extract, section)) {
        it(c.description, () => {
          const urls = findXUrls(c.text);
          const expected = c.expected.map((e) => (typeof e === 'string' ? e : e.url));
          expect(urls.map((u) => c.text.slice(u.start, u.end))).toEqual(expected);
          for (const [i, e] of c.expected.entries()) if (typeof e !== 'string') expect([urls[i]!.start, urls[i]!.end]).toEqual(e.indices);
        });
      }
    });
  }
  describe('urls_with_indices', () => {
    for (const c of cases<Array<{ url: string; indices: [number, number] }>>(extract, 'urls_with_indices')) {
      it(c.description, () =>
        expect(findXUrls(c.text).map((u) => ({ url: c.text.slice(u.start, u.end), indices: [u.start, u.end] }))).toEqual(c.expected),
      );
    }
  });

  for (const section of ['hashtags', 'hashtags_from_astral']) {
    describe(section, () => {
      for (const c of cases<string[]>(extract, section))
        it(c.description, () => expect(hashtagsOutsideUrls(c.text).map((h) => h.value)).toEqual(c.expected));
    });
  }
  describe('hashtags_with_indices', () => {
    for (const c of cases<Array<{ hashtag: string; indices: [number, number] }>>(extract, 'hashtags_with_indices')) {
      it(c.description, () =>
        expect(hashtagsOutsideUrls(c.text).map((h) => ({ hashtag: h.value, indices: [h.start, h.end] }))).toEqual(c.expected),
      );
    }
  });

  describe('cashtags', () => {
    for (const c of cases<string[]>(extract, 'cashtags'))
      it(c.description, () => expect(findXCashtags(c.text).map((t) => t.value)).toEqual(c.expected));
  });
  describe('cashtags_with_indices', () => {
    for (const c of cases<Array<{ cashtag: string; indices: [number, number] }>>(extract, 'cashtags_with_indices')) {
      it(c.description, () =>
        expect(findXCashtags(c.text).map((t) => ({ cashtag: t.value, indices: [t.start, t.end] }))).toEqual(c.expected),
      );
    }
  });

  it('the public extractEntities agrees with the finders on every extract.yml text', () => {
    for (const section of ['hashtags', 'cashtags', 'urls', 'mentions']) {
      for (const c of cases<unknown>(extract, section)) {
        const entities = extractEntities(c.text, { mentions: 'x' });
        for (const e of entities) expect(c.text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });
});

describe('twitter-text conformance: tlds.yml', () => {
  for (const section of ['generic', 'country']) {
    it(`every ${section} TLD is found in a URL (${cases(tlds, section).length} cases)`, () => {
      const wrong: string[] = [];
      for (const c of cases<string[]>(tlds, section)) {
        const found = findXUrls(c.text).map((u) => c.text.slice(u.start, u.end));
        if (JSON.stringify(found) !== JSON.stringify(c.expected)) wrong.push(`${c.text} → ${JSON.stringify(found)}`);
        // And counted as one link of 23 by the X rule.
        if (countLength(c.text, TEXT_RULES.x) !== 23) wrong.push(`${c.text} counts ${countLength(c.text, TEXT_RULES.x)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
