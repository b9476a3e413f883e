import { z } from 'zod';
import { checkMediaAgainstRules, type MediaProbe } from '../media-rules/index.js';
import type { MediaKind, MediaRef, PostDraft } from '../model/index.js';
import { parseWithSchema } from '../model/index.js';
import { extractEntities } from './entities.js';
import { countLength } from './measure.js';
import type { ContentRules, DraftProblem, MediaRules, TextRule } from './types.js';
import { countGraphemes, utf8Length } from './unicode.js';

/** Options for {@link validateDraft}. */
export interface ValidateDraftOptions {
  /** The title to check against `rules.title` (YouTube, Pinterest). Default: `draft.networkOptions[network].title`. */
  title?: string;
  /** The network whose `networkOptions` slice holds the title, e.g. `youtube`. */
  network?: string;
  /**
   * What each attachment's bytes say (from `probeDraftMedia`), keyed by the draft's own `MediaRef`
   * objects. Measured facts win over the draft's declared `sizeBytes`/`width`/`height`/`durationMs`/`mimeType`.
   * `validateDraftWithMedia` (`@smm/core/media`) fills this for you.
   */
  mediaProbes?: ReadonlyMap<object, MediaProbe>;
}

const OptionsSchema = z
  .object({
    title: z.string({ error: 'must be the title as a string' }).optional(),
    network: z.string({ error: 'must be a network id such as "youtube"' }).optional(),
    mediaProbes: z
      .custom<ReadonlyMap<object, MediaProbe>>((value) => value instanceof Map, { error: 'must be the Map that probeDraftMedia returns' })
      .optional(),
  })
  .strict();

/** The parts of a draft `validateDraft` reads; a full `PostDraft` fits. */
export type CheckableDraft = Pick<PostDraft, 'text'> & Partial<Pick<PostDraft, 'media' | 'thread' | 'link' | 'networkOptions' | 'replyTo'>>;

type Path = Array<string | number>;

function unit(rule: TextRule): string {
  switch (rule.method) {
    case 'x-weighted':
      return 'characters (X-weighted: CJK and emoji count 2, links 23)';
    case 'graphemes':
      return 'characters';
    case 'code-points':
      return 'characters';
    case 'utf16':
      return 'characters (UTF-16 units)';
    case 'utf8-bytes':
      return 'bytes (UTF-8)';
  }
}

/** Characters X refuses in a post (twitter-text's `invalidChars`): U+FFFE, U+FEFF (byte order mark), U+FFFF. */
const X_INVALID = /[\uFFFE\uFEFF\uFFFF]/g;

/** A character as a person can read it in a message: visible ones quoted, the others by code point. */
function describe(ch: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? JSON.stringify(ch) : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function checkText(text: string, rule: TextRule, path: Path, what: 'text' | 'title', problems: DraftProblem[]): void {
  const length = countLength(text, rule);
  if (length > rule.maxLength) {
    problems.push({
      code: what === 'title' ? 'title_too_long' : 'text_too_long',
      message: `${what} is ${length} of ${rule.maxLength} allowed (${rule.method}): shorten by ${length - rule.maxLength} ${unit(rule)}`,
      path,
      measured: length,
      allowed: rule.maxLength,
    });
  }
  if (rule.maxBytes !== undefined) {
    const bytes = utf8Length(text);
    if (bytes > rule.maxBytes) {
      problems.push({
        code: 'too_many_bytes',
        message: `${what} is ${bytes} of ${rule.maxBytes} UTF-8 bytes allowed: shorten by ${bytes - rule.maxBytes} bytes (non-Latin letters take 2–4 bytes each)`,
        path,
        measured: bytes,
        allowed: rule.maxBytes,
      });
    }
  }
  if (rule.method === 'x-weighted') {
    // twitter-text's invalid set: a post holding one is refused (`parseTweet().valid` is false).
    const invalid = [...new Set(text.match(X_INVALID) ?? [])];
    if (invalid.length > 0) {
      problems.push({
        code: 'invalid_character',
        message: `${what} contains ${invalid.map(describe).join(', ')}, which X refuses (often pasted in invisibly): remove ${invalid.length === 1 ? 'it' : 'them'}`,
        path,
      });
    }
  }
  if (rule.forbiddenCharacters) {
    const found = [...new Set([...text].filter((ch) => rule.forbiddenCharacters!.includes(ch)))];
    if (found.length > 0) {
      problems.push({
        code: 'forbidden_character',
        message: `${what} contains ${found.map(describe).join(', ')}, which ${rule.id} refuses: remove ${found.length === 1 ? 'it' : 'them'}`,
        path,
      });
    }
  }
  if (rule.maxHashtags === undefined && rule.maxMentions === undefined && rule.maxLinks === undefined) return;
  const entities = extractEntities(text);
  const caps: Array<[number | undefined, 'hashtag' | 'mention' | 'url', string, string]> = [
    [rule.maxHashtags, 'hashtag', 'too_many_hashtags', 'hashtags'],
    [rule.maxMentions, 'mention', 'too_many_mentions', 'mentions'],
    [rule.maxLinks, 'url', 'too_many_links', 'links'],
  ];
  for (const [max, type, code, noun] of caps) {
    if (max === undefined) continue;
    const count = entities.filter((entity) => entity.type === type).length;
    if (count > max) {
      problems.push({
        code,
        message: `${what} has ${count} ${noun}, ${max} allowed: remove ${count - max}`,
        path,
        measured: count,
        allowed: max,
      });
    }
  }
}

function checkMedia(
  media: readonly MediaRef[],
  rules: MediaRules,
  path: Path,
  problems: DraftProblem[],
  probes: ReadonlyMap<object, MediaProbe> | undefined,
): void {
  if (media.length > rules.maxItems) {
    problems.push({
      code: 'too_many_media',
      message:
        rules.maxItems === 0
          ? 'this network takes no media on a post: remove the attachments'
          : `${media.length} attachments, ${rules.maxItems} allowed: remove ${media.length - rules.maxItems}`,
      path,
      measured: media.length,
      allowed: rules.maxItems,
    });
  }
  if (rules.minItems !== undefined && media.length < rules.minItems) {
    problems.push({
      code: 'too_few_media',
      message: `this network needs at least ${rules.minItems} attachment${rules.minItems === 1 ? '' : 's'}: attach ${rules.minItems - media.length} more (${rules.kinds.join(' or ')})`,
      path,
      measured: media.length,
      allowed: rules.minItems,
    });
  }
  const perKind = new Map<MediaKind, number>();
  media.forEach((item, index) => {
    perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
    if (!rules.kinds.includes(item.kind)) {
      problems.push({
        code: 'unsupported_media_kind',
        message: `${item.kind} is not accepted here: use ${rules.kinds.length > 0 ? rules.kinds.join(', ') : 'no media'} instead`,
        path: [...path, index, 'kind'],
      });
    }
    const alt = item.altText ?? '';
    if (rules.requireAltText && alt.trim() === '') {
      problems.push({
        code: 'missing_alt_text',
        message: `${item.kind} ${index + 1} has no alt text: describe it in altText for people who cannot see it`,
        path: [...path, index, 'altText'],
      });
    }
    if (rules.maxAltTextLength !== undefined) {
      const length = countGraphemes(alt);
      if (length > rules.maxAltTextLength) {
        problems.push({
          code: 'alt_text_too_long',
          message: `alt text of ${item.kind} ${index + 1} is ${length} of ${rules.maxAltTextLength} characters allowed: shorten by ${length - rules.maxAltTextLength}`,
          path: [...path, index, 'altText'],
          measured: length,
          allowed: rules.maxAltTextLength,
        });
      }
    }
    // Size, format, dimensions, aspect ratio, duration and codec: measured where probed, else as declared.
    const probe = probes?.get(item);
    const facts = probe ?? {
      sizeBytes: item.sizeBytes,
      mimeType: item.mimeType,
      width: item.width,
      height: item.height,
      durationMs: item.durationMs,
    };
    for (const problem of checkMediaAgainstRules(facts, item, rules, [...path, index])) {
      const { field: _field, ...rest } = problem;
      problems.push(rest);
    }
  });
  for (const [kind, count] of perKind) {
    const max = rules.maxPerKind?.[kind];
    if (max !== undefined && count > max && count <= rules.maxItems) {
      problems.push({
        code: 'too_many_media',
        message: `${count} ${kind} attachments, ${max} allowed: remove ${count - max}`,
        path,
        measured: count,
        allowed: max,
      });
    }
  }
  if (perKind.size > 1 && rules.mixKinds !== true) {
    problems.push({
      code: 'mixed_media_kinds',
      message: `attachments mix ${[...perKind.keys()].join(' and ')}, which this network does not allow on one post: keep one kind`,
      path,
    });
  }
}

function titleFrom(draft: CheckableDraft, options: ValidateDraftOptions): string | undefined {
  if (options.title !== undefined) return options.title;
  if (options.network === undefined) return undefined;
  const slice = draft.networkOptions?.[options.network];
  const title = typeof slice === 'object' && slice !== null ? (slice as { title?: unknown }).title : undefined;
  return typeof title === 'string' ? title : undefined;
}

function isContentRules(rules: TextRule | ContentRules): rules is ContentRules {
  return 'text' in rules && typeof rules.text === 'object';
}

/**
 * Checks a draft against a network's rules and returns **every** problem at once (an empty array
 * when it fits): text length and bytes, hashtags, mentions, links, forbidden characters, media
 * count, kinds, mixing, alt text, sizes, threads and titles — for the post and each thread part.
 * Each problem has a stable `code`, the `path` in the draft, `measured`/`allowed` where they
 * apply, and a message that says how to fix it. Pass a bare `TextRule` to check only text.
 *
 * @throws ValidationError when `options` is malformed.
 * @example
 * ```ts
 * const problems = validateDraft({ text: longText, media: [] }, CONTENT_RULES.x);
 * // [{ code: 'text_too_long', path: ['text'], measured: 312, allowed: 280,
 * //    message: 'text is 312 of 280 allowed (x-weighted): shorten by 32 characters (…)' }]
 * ```
 */
export function validateDraft(draft: CheckableDraft, rules: TextRule | ContentRules, options: ValidateDraftOptions = {}): DraftProblem[] {
  const checked = parseWithSchema(OptionsSchema, options, 'validateDraft options');
  const content = isContentRules(rules) ? rules : undefined;
  const textRule = content ? content.text : (rules as TextRule);
  const problems: DraftProblem[] = [];
  const media = draft.media ?? [];
  const thread = draft.thread ?? [];

  if (draft.text.trim() === '' && media.length === 0 && draft.link === undefined) {
    problems.push({ code: 'empty_post', message: 'the post is empty: add text, media or a link', path: ['text'] });
  }
  checkText(draft.text, textRule, ['text'], 'text', problems);
  // `minItems` is a rule for posts: a reply is a comment where a network needs media on posts (Instagram).
  const mediaRules = content && draft.replyTo !== undefined ? { ...content.media, minItems: undefined } : content?.media;
  if (mediaRules) checkMedia(media, mediaRules, ['media'], problems, checked.mediaProbes);

  if (content && thread.length > 0) {
    if (!content.threads) {
      problems.push({
        code: 'threads_unsupported',
        message: `${textRule.id} does not take threads: publish the ${thread.length} follow-up part${thread.length === 1 ? '' : 's'} as separate posts or shorten into one`,
        path: ['thread'],
        measured: thread.length + 1,
        allowed: 1,
      });
    } else if (content.maxThreadParts !== undefined && thread.length + 1 > content.maxThreadParts) {
      problems.push({
        code: 'too_many_thread_parts',
        message: `the thread has ${thread.length + 1} parts, ${content.maxThreadParts} allowed: merge or drop ${thread.length + 1 - content.maxThreadParts}`,
        path: ['thread'],
        measured: thread.length + 1,
        allowed: content.maxThreadParts,
      });
    }
  }
  thread.forEach((part, index) => {
    const partMedia = part.media ?? [];
    if (part.text.trim() === '' && partMedia.length === 0) {
      problems.push({
        code: 'empty_post',
        message: `thread part ${index + 2} is empty: add text or media, or remove it`,
        path: ['thread', index, 'text'],
      });
    }
    checkText(part.text, textRule, ['thread', index, 'text'], 'text', problems);
    if (content)
      checkMedia(partMedia, { ...content.media, minItems: undefined }, ['thread', index, 'media'], problems, checked.mediaProbes);
  });

  if (content?.title) {
    const title = titleFrom(draft, checked);
    if (title === undefined || title.trim() === '') {
      if (content.titleRequired) {
        problems.push({
          code: 'missing_title',
          message: `${content.title.id} is required: give a title (up to ${content.title.maxLength})`,
          path: ['title'],
        });
      }
    } else checkText(title, content.title, ['title'], 'title', problems);
  }
  return problems;
}
