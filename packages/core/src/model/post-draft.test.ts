import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { parsePostDraft } from './index.js';

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
