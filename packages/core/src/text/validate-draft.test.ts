import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import type { MediaRef } from '../model/index.js';
import { CONTENT_RULES, TEXT_RULES } from './rules.js';
import type { ContentRules } from './types.js';
import { validateDraft } from './validate-draft.js';

const media = (kind: MediaRef['kind'], extra: Partial<MediaRef> = {}): MediaRef => ({
  kind,
  source: { type: 'url', url: `https://cdn.example.com/${kind}` },
  mimeType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  ...extra,
});

describe('validateDraft', () => {
  it('returns nothing for a draft that fits', () => {
    expect(validateDraft({ text: 'Bună ziua 👋', media: [media('image', { altText: 'o bicicletă' })] }, CONTENT_RULES.x)).toEqual([]);
  });

  it('reports the length with measured, allowed and how much to cut', () => {
    // 156 CJK characters weigh 312 on X
    const [problem] = validateDraft({ text: '日'.repeat(156) }, CONTENT_RULES.x);
    expect(problem).toEqual({
      code: 'text_too_long',
      path: ['text'],
      measured: 312,
      allowed: 280,
      message: expect.stringMatching(/^text is 312 of 280 allowed \(x-weighted\): shorten by 32 characters/),
    });
  });

  it('reports every problem at once, each with its path', () => {
    const strict: ContentRules = {
      ...CONTENT_RULES.instagram,
      text: { ...TEXT_RULES.instagram, maxHashtags: 2, maxMentions: 1 },
      media: { ...CONTENT_RULES.instagram.media, requireAltText: true, maxAltTextLength: 10, maxSizeBytes: { image: 1000 } },
    };
    const problems = validateDraft(
      {
        text: `${'ș'.repeat(2200)} #a #b #c @x @y`,
        media: [media('image', { sizeBytes: 5000 }), media('audio'), media('image', { altText: 'prea lung pentru regula' })],
        thread: [{ text: 'a doua parte', media: [] }],
      },
      strict,
    );
    expect(problems.map((p) => [p.code, p.path.join('.'), p.measured, p.allowed])).toEqual([
      ['text_too_long', 'text', 2215, 2200],
      ['too_many_hashtags', 'text', 3, 2],
      ['too_many_mentions', 'text', 2, 1],
      ['missing_alt_text', 'media.0.altText', undefined, undefined],
      ['media_too_large', 'media.0.sizeBytes', 5000, 1000],
      ['unsupported_media_kind', 'media.1.kind', undefined, undefined],
      ['missing_alt_text', 'media.1.altText', undefined, undefined],
      ['alt_text_too_long', 'media.2.altText', 23, 10],
      ['threads_unsupported', 'thread', 2, 1],
    ]);
  });

  it('checks media counts, kinds per post and mixing', () => {
    const problems = validateDraft(
      { text: 'x', media: [media('image'), media('image'), media('video'), media('video'), media('image')] },
      CONTENT_RULES.x,
    );
    expect(problems.map((p) => [p.code, p.measured, p.allowed])).toEqual([
      ['too_many_media', 5, 4],
      ['too_many_media', 2, 1], // videos: 1 allowed
      ['mixed_media_kinds', undefined, undefined],
    ]);
    const videos = validateDraft({ text: 'x', media: [media('video'), media('video')] }, CONTENT_RULES.x);
    expect(videos.map((p) => [p.code, p.message])).toEqual([['too_many_media', '2 video attachments, 1 allowed: remove 1']]);
  });

  it('checks each thread part, the part count, and empty parts', () => {
    const rules: ContentRules = { ...CONTENT_RULES.bluesky, maxThreadParts: 2 };
    const problems = validateDraft(
      {
        text: 'unu',
        thread: [
          { text: '👍'.repeat(301), media: [] },
          { text: ' ', media: [] },
        ],
      },
      rules,
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['too_many_thread_parts', ['thread']],
      ['text_too_long', ['thread', 0, 'text']],
      ['empty_post', ['thread', 1, 'text']],
    ]);
  });

  it('checks Bluesky bytes and forbidden characters', () => {
    const bytes = validateDraft({ text: '🏴󠁧󠁢󠁳󠁣󠁴󠁿'.repeat(120) }, TEXT_RULES.bluesky);
    expect(bytes).toEqual([expect.objectContaining({ code: 'too_many_bytes', measured: 3360, allowed: 3000 })]);
    const youtube = validateDraft({ text: 'Descriere <b>' }, TEXT_RULES.youtubeDescription);
    expect(youtube).toEqual([expect.objectContaining({ code: 'forbidden_character', path: ['text'] })]);
    expect(youtube[0]!.message).toContain('"<", ">"');
  });

  it('needs media on an Instagram post but not on a reply (a comment)', () => {
    expect(validateDraft({ text: 'Caption' }, CONTENT_RULES.instagram).map((p) => p.code)).toEqual(['too_few_media']);
    const replyTo = { platform: 'instagram', id: '17895695668004550' };
    expect(validateDraft({ text: 'Thanks!', replyTo }, CONTENT_RULES.instagram)).toEqual([]);
  });

  it('requires a YouTube title and a video, and checks the title length', () => {
    const missing = validateDraft({ text: 'Descriere' }, CONTENT_RULES.youtube);
    expect(missing.map((p) => p.code)).toEqual(['too_few_media', 'missing_title']);
    const long = validateDraft(
      { text: 'Descriere', media: [media('video')], networkOptions: { youtube: { title: 'T'.repeat(101) } } },
      CONTENT_RULES.youtube,
      { network: 'youtube' },
    );
    expect(long).toEqual([expect.objectContaining({ code: 'title_too_long', path: ['title'], measured: 101, allowed: 100 })]);
    expect(validateDraft({ text: 'D', media: [media('video')] }, CONTENT_RULES.youtube, { title: 'Bun' })).toEqual([]);
  });

  it('reports an empty post', () => {
    expect(validateDraft({ text: '  ' }, TEXT_RULES.x).map((p) => p.code)).toEqual(['empty_post']);
  });

  it('refuses malformed options with a ValidationError', () => {
    expect(() => validateDraft({ text: 'x' }, TEXT_RULES.x, { title: 5 } as never)).toThrow(ValidationError);
  });

  it('refuses the characters X treats as invalid, naming them by code point', () => {
    const problems = validateDraft({ text: 'Bună\uFEFF ziua\uFFFE! \uFFFF' }, CONTENT_RULES.x);
    expect(problems).toEqual([{ code: 'invalid_character', path: ['text'], message: expect.stringContaining('U+FEFF, U+FFFE, U+FFFF') }]);
    expect(validateDraft({ text: 'ok', thread: [{ text: 'a\uFEFF', media: [] }] }, CONTENT_RULES.x).map((p) => p.path)).toEqual([
      ['thread', 0, 'text'],
    ]);
    // Other networks take them.
    expect(validateDraft({ text: 'a\uFEFF' }, TEXT_RULES.bluesky)).toEqual([]);
  });

  it("does not count keycaps as hashtags: 31 of them pass Instagram's 30-hashtag rule", () => {
    expect(validateDraft({ text: '#️⃣'.repeat(31) }, TEXT_RULES.instagram)).toEqual([]);
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${i}`).join(' ');
    expect(validateDraft({ text: tags }, TEXT_RULES.instagram).map((p) => p.code)).toEqual(['too_many_hashtags']);
  });
});
