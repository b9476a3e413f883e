import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { draftFor, parsePostDraft, variantPath } from './index.js';

const image = {
  kind: 'image',
  source: { type: 'url', url: 'https://cdn.example.com/a.jpg' },
  mimeType: 'image/jpeg',
  altText: 'A red bicycle against a wall',
};

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('parsePostDraft', () => {
  it('applies defaults to a minimal draft', () => {
    expect(parsePostDraft({ text: 'hello' })).toEqual({
      text: 'hello',
      media: [],
      thread: [],
      visibility: 'public',
      tags: [],
      networkOptions: {},
    });
  });

  it('rejects a non-string text and names the field', () => {
    const error = issuesOf(() => parsePostDraft({ text: 42 }));
    expect(error.issues.map((issue) => issue.path)).toEqual([['text']]);
    expect(error.message).toMatch(/^Invalid PostDraft \(1 problem\):\n {2}- text: /);
    expect(error.code).toBe('validation_error');
  });

  it('reports every problem at once, each with its path', () => {
    const error = issuesOf(() =>
      parsePostDraft({
        text: 'ok',
        visibility: 'everyone',
        link: 'ftp://example.com',
        media: [
          { ...image, kind: 'hologram' },
          { ...image, mimeType: 'jpeg' },
        ],
        thread: [{ text: 7 }],
        language: 'not a tag',
        networkOptions: { 'Bad Key': {} },
      }),
    );
    const paths = error.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(
      ['language', 'link', 'media.0.kind', 'media.1.mimeType', 'networkOptions.Bad Key', 'thread.0.text', 'visibility'].sort(),
    );
  });

  it('requires text, media or a link, and says so on text', () => {
    const error = issuesOf(() => parsePostDraft({ text: '   ' }));
    expect(error.issues[0]?.path).toEqual(['text']);
    expect(error.issues[0]?.message).toContain('text, media or a link');
    expect(parsePostDraft({ media: [image] }).text).toBe('');
    expect(parsePostDraft({ link: 'https://example.com/' }).link).toBe('https://example.com/');
  });

  it('accepts media given as base64 bytes and rejects non-base64', () => {
    const bytes = { ...image, source: { type: 'bytes', base64: 'aGVsbG8=' } };
    expect(parsePostDraft({ media: [bytes] }).media[0]?.source).toEqual({ type: 'bytes', base64: 'aGVsbG8=' });
    const error = issuesOf(() => parsePostDraft({ media: [{ ...bytes, source: { type: 'bytes', base64: 'not base64!' } }] }));
    expect(error.issues[0]?.path).toEqual(['media', 0, 'source', 'base64']);
  });

  it('round-trips through JSON unchanged (property)', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }).filter((s) => s.trim() !== '');
    const draftInput = fc.record(
      {
        text,
        tags: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { maxLength: 4 }),
        visibility: fc.constantFrom('public', 'unlisted', 'followers', 'direct'),
        thread: fc.array(fc.record({ text }), { maxLength: 3 }),
        campaign: fc.string({ minLength: 1, maxLength: 12 }),
        language: fc.constantFrom('en', 'ro', 'fa-IR', 'ar', 'zh-Hant'),
        networkOptions: fc.dictionary(
          fc.constantFrom('x', 'bluesky', 'mastodon', 'my-net'),
          fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
          { maxKeys: 3 },
        ), // JSON has no -0,
      },
      { requiredKeys: ['text'] },
    );
    fc.assert(
      fc.property(draftInput, (input) => {
        const parsed = parsePostDraft(input);
        const again = parsePostDraft(JSON.parse(JSON.stringify(parsed)));
        expect(again).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('unknown draft keys', () => {
  const problems = (input: unknown) => {
    try {
      parsePostDraft(input);
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      return (error as ValidationError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    }
    throw new Error('the draft was accepted');
  };

  it('names a key a newcomer reaches for, with the key smm uses, and not the empty text it leads to', () => {
    expect(problems({ body: 'hi' })).toEqual(['body: unknown option — did you mean `text`?']);
    expect(problems({ text: 'hi', images: [] })).toEqual(['images: unknown option — did you mean `media`?']);
    expect(problems({ text: 'hi', thread: [{ text: 'two', alt: 'x' }] })).toEqual([
      'thread.0.alt: unknown option: the options here are `text`, `media`',
    ]);
  });

  it('lists the accepted keys when nothing is close, and still reports the other problems after it', () => {
    expect(problems({ text: 'hi', colour: 'red', visibility: 'friends' })).toEqual([
      'colour: unknown option: the options here are `id`, `text`, `media`, `link`, `thread`, `replyTo`, `visibility`, `language`, `tags`, `campaign`, `networkOptions`, `variants`',
      'visibility: must be one of public, unlisted, followers, direct',
    ]);
  });
});

describe('per-network variants', () => {
  const base = { text: 'The full release notes', link: 'https://example.com/blog/spring', tags: ['release'], language: 'en' };

  it('gives each network its variant and the others the draft', () => {
    const draft = parsePostDraft({ ...base, variants: { x: { text: 'Short for X' }, bluesky: { media: [image] } } });
    expect(draftFor(draft, 'x')).toEqual({ ...parsePostDraft(base), text: 'Short for X' });
    expect(draftFor(draft, 'bluesky').media).toEqual([parsePostDraft({ text: 'x', media: [image] }).media[0]]);
    expect(draftFor(draft, 'bluesky').text).toBe('The full release notes');
    expect(draftFor(draft, 'mastodon')).toEqual(parsePostDraft(base));
    // The resolved draft is what a network receives: no variants left in it.
    expect('variants' in draftFor(draft, 'x')).toBe(false);
  });

  it('never changes a field the variant does not override, and the variant fields win', () => {
    const textArb = fc.string({ minLength: 1 }).filter((text) => text.trim() !== '');
    const variantArb = fc.record(
      {
        text: textArb,
        link: fc.constantFrom('https://a.example/1', 'https://b.example/2'),
        thread: fc.array(fc.record({ text: textArb }), { maxLength: 3 }),
        media: fc.constantFrom([], [image]),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        textArb,
        fc.constantFrom('x', 'bluesky', 'linkedin'),
        fc.dictionary(fc.constantFrom('x', 'bluesky', 'linkedin', 'mastodon'), variantArb),
        (text, platform, variants) => {
          const draft = parsePostDraft({ ...base, text, networkOptions: { x: { replySettings: 'following' } }, variants });
          const resolved = draftFor(draft, platform);
          const variant = draft.variants?.[platform] ?? {};
          for (const key of Object.keys(draft) as Array<keyof typeof draft>) {
            if (key === 'variants') continue;
            const overridden = key in variant && (variant as Record<string, unknown>)[key] !== undefined;
            expect(resolved[key]).toEqual(overridden ? (variant as Record<string, unknown>)[key] : draft[key]);
          }
          expect(resolved.networkOptions).toEqual({ x: { replySettings: 'following' } });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names an unknown override key and a key that is not a platform id', () => {
    const error = issuesOf(() =>
      parsePostDraft({ ...base, variants: { x: { text: 'ok', visibility: 'unlisted' }, 'Blue Sky': { text: 'hi' } } as never }),
    );
    const byPath = new Map(error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath.get('variants.x')).toContain('"visibility"');
    expect(byPath.get('variants.x')).toContain('text, media, link, thread');
    expect([...byPath.keys()].some((path) => path.startsWith('variants'))).toBe(true);
    expect(error.issues.some((issue) => issue.path[0] === 'variants' && /platform ids/.test(issue.message))).toBe(true);
  });

  it('refuses a variant that leaves a network nothing to post', () => {
    const error = issuesOf(() => parsePostDraft({ text: 'Hello', variants: { x: { text: '  ' } } }));
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['variants.x.text']);
  });

  it('moves problem paths under the variant only for the fields it overrides', () => {
    const draft = parsePostDraft({ ...base, variants: { x: { text: 'Hey', thread: [{ text: 'two' }] } } });
    expect(variantPath(draft, 'x', ['text'])).toEqual(['variants', 'x', 'text']);
    expect(variantPath(draft, 'x', ['thread', 0, 'text'])).toEqual(['variants', 'x', 'thread', 0, 'text']);
    expect(variantPath(draft, 'x', ['link'])).toEqual(['link']);
    expect(variantPath(draft, 'bluesky', ['text'])).toEqual(['text']);
  });
});
