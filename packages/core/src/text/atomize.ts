import { z } from 'zod';
import type { PostDraft } from '../model/index.js';
import { HttpUrlSchema, parsePostDraft, parseWithSchema } from '../model/index.js';
import { measureText } from './measure.js';
import { splitThread } from './split-thread.js';
import type { ContentRules, TextRule } from './types.js';
import { graphemes } from './unicode.js';

/** A long piece of content to turn into posts. */
export interface Article {
  title: string;
  body: string;
  /** Where the full article lives; every draft links to it. */
  url?: string;
  /** A short summary for single-post networks; default: the first paragraph of the body. */
  summary?: string;
  /** Topics, posted as hashtags where the network's rule allows them. */
  tags?: string[];
}

/** Options for {@link atomize}. */
export interface AtomizeOptions {
  /** Most hashtags to add from `article.tags` (default 3; never more than a rule's `maxHashtags`). */
  maxHashtags?: number;
  /** Thread numbering for networks that take threads (default `'suffix'`). */
  numbering?: 'none' | 'suffix' | 'prefix';
}

const ArticleSchema = z.object({
  title: z.string({ error: 'must be the article title' }).trim().min(1, { error: 'must not be empty' }),
  body: z.string({ error: 'must be the article body as a string' }),
  url: HttpUrlSchema.optional(),
  summary: z.string().optional(),
  tags: z.array(z.string().min(1)).optional(),
});
const OptionsSchema = z
  .object({
    maxHashtags: z.number().int().nonnegative().optional(),
    numbering: z.enum(['none', 'suffix', 'prefix']).optional(),
  })
  .strict();

const ELLIPSIS = '…';

/** The longest prefix of `text` (cut after a word where possible) that, with `…`, passes `fits`. */
function shorten(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const clusters = [...graphemes().segment(text)].map((s) => s.segment);
  let low = 0;
  let high = clusters.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(clusters.slice(0, mid).join('').trimEnd() + ELLIPSIS)) low = mid;
    else high = mid - 1;
  }
  if (low === 0) return '';
  const prefix = clusters.slice(0, low).join('');
  const lastSpace = prefix.search(/\s\S*$/);
  const cut = lastSpace > prefix.length * 0.6 ? prefix.slice(0, lastSpace) : prefix;
  return cut.trimEnd() + ELLIPSIS;
}

function hashtagsFor(tags: readonly string[], rule: TextRule, max: number): string {
  const limit = Math.min(max, rule.maxHashtags ?? max);
  return tags
    .slice(0, limit)
    .map((tag) => `#${tag.replace(/[\s#]+/gu, '')}`)
    .filter((tag) => tag.length > 1)
    .join(' ');
}

function compose(...blocks: Array<string | undefined>): string {
  return blocks.filter((block): block is string => block !== undefined && block.trim() !== '').join('\n\n');
}

/**
 * Turns one long article into one draft per network: a numbered thread (title, body, link)
 * where the network takes threads and the thread stays within `maxThreadParts`; elsewhere a
 * single post — title, summary shortened at a word to fit (with `…`), link, hashtags from
 * `tags` while they fit. Where a network has a title rule (YouTube, Pinterest) the title goes
 * to `networkOptions[network].title`, shortened to fit. Media is left to the caller (networks
 * that need it will report `too_few_media` from `validateDraft`).
 *
 * @throws ValidationError when the article or options are malformed.
 * @example
 * ```ts
 * const drafts = atomize(
 *   { title: 'Ghid de marketing', body: longText, url: 'https://example.com/ghid', tags: ['marketing'] },
 *   { x: CONTENT_RULES.x, bluesky: CONTENT_RULES.bluesky, linkedin: CONTENT_RULES.linkedin },
 * );
 * drafts.x.thread.length; // follow-up parts
 * ```
 */
export function atomize(article: Article, rules: Record<string, ContentRules>, options: AtomizeOptions = {}): Record<string, PostDraft> {
  const input = parseWithSchema(ArticleSchema, article, 'atomize article');
  const { maxHashtags = 3, numbering = 'suffix' } = parseWithSchema(OptionsSchema, options, 'atomize options');
  const drafts: Record<string, PostDraft> = {};
  const firstParagraph = input.body.trim().split(/\n[ \t]*\n/)[0] ?? '';
  for (const [network, rule] of Object.entries(rules)) {
    const hashtags = hashtagsFor(input.tags ?? [], rule.text, maxHashtags);
    const networkOptions: Record<string, unknown> = {};
    let title: string | undefined = input.title;
    if (rule.title) {
      networkOptions[network] = { title: shorten(input.title, (t) => measureText(t, rule.title!).fits) };
      title = undefined;
    }
    if (rule.threads && input.body.trim() !== '') {
      const parts = splitThread(compose(title, input.body, input.url), rule.text, { numbering });
      const max = rule.maxThreadParts;
      if (parts.length > 0 && (max === undefined || parts.length <= max)) {
        drafts[network] = parsePostDraft({
          text: parts[0],
          thread: parts.slice(1).map((text) => ({ text })),
          ...(input.url ? { link: input.url } : {}),
          networkOptions,
        });
        continue;
      }
    }
    const fits = (text: string): boolean => measureText(text, rule.text).fits;
    const summary = input.summary ?? firstParagraph;
    let text = compose(title, summary, input.url, hashtags);
    if (!fits(text))
      text = compose(
        title,
        shorten(summary, (s) => fits(compose(title, s, input.url, hashtags))),
        input.url,
        hashtags,
      );
    if (!fits(text))
      text = compose(
        title,
        shorten(summary, (s) => fits(compose(title, s, input.url))),
        input.url,
      );
    if (!fits(text))
      text = compose(
        shorten(title ?? summary, (t) => fits(compose(t, input.url))),
        input.url,
      );
    drafts[network] = parsePostDraft({ text, ...(input.url ? { link: input.url } : {}), networkOptions });
  }
  return drafts;
}
