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
  /**
   * Most parts in a thread (default 6), one number for every network or one per network key
   * (`{ x: 5, bluesky: 7 }`); never more than a rule's own `maxThreadParts`. An article longer
   * than that is summarised — its leading paragraphs (or `summary`), cut at a word to fit — and
   * linked, not pasted whole.
   */
  maxThreadParts?: number | Record<string, number>;
}

/** Default cap on thread parts: more reads as spam to most people. */
const DEFAULT_MAX_PARTS = 6;

const ArticleSchema = z.object({
  title: z.string({ error: 'must be the article title' }).trim().min(1, { error: 'must not be empty' }),
  body: z.string({ error: 'must be the article body as a string' }),
  url: HttpUrlSchema.optional(),
  summary: z.string().optional(),
  tags: z.array(z.string().min(1)).optional(),
});
const PartsSchema = z.number().int().min(1, { error: 'must be 1 or more' });
const OptionsSchema = z
  .object({
    maxHashtags: z.number().int().nonnegative().optional(),
    numbering: z.enum(['none', 'suffix', 'prefix']).optional(),
    maxThreadParts: z
      .union([PartsSchema, z.record(z.string(), PartsSchema)], {
        error: 'must be a whole number of parts (1 or more), or one per network key',
      })
      .optional(),
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

/**
 * A thread of at most `cap` parts for an article: the whole article when it fits, else its title,
 * as many leading paragraphs (or the summary) as fit, and the link last; undefined when not even
 * a shortened first paragraph fits.
 */
function threadFor(
  title: string | undefined,
  body: string,
  summary: string | undefined,
  url: string | undefined,
  cap: number,
  split: (text: string) => string[],
): string[] | undefined {
  const whole = split(compose(title, body, url));
  if (whole.length <= cap) return whole;
  const fits = (...lead: string[]): boolean => split(compose(title, ...lead, url)).length <= cap;
  const paragraphs = summary !== undefined ? [summary] : body.trim().split(/\n[ \t]*\n/);
  const lead: string[] = [];
  for (const paragraph of paragraphs) {
    if (!fits(...lead, paragraph)) break;
    lead.push(paragraph);
  }
  if (lead.length === 0) {
    const first = shorten(paragraphs[0] ?? '', (candidate) => fits(candidate));
    if (first === '' && !fits()) return undefined;
    lead.push(first);
  }
  const parts = split(compose(title, ...lead, url));
  return parts.length > 0 && parts.length <= cap ? parts : undefined;
}

function compose(...blocks: Array<string | undefined>): string {
  return blocks.filter((block): block is string => block !== undefined && block.trim() !== '').join('\n\n');
}

/**
 * Turns one long article into one draft per network: a numbered thread where the network takes
 * threads — the whole article when it fits in `maxThreadParts` (default 6, and the network's own
 * cap), else the title, the leading paragraphs (or `summary`) that fit and the link, so no thread
 * reads as spam; elsewhere a
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
  const { maxHashtags = 3, numbering = 'suffix', maxThreadParts } = parseWithSchema(OptionsSchema, options, 'atomize options');
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
      const wanted = typeof maxThreadParts === 'number' ? maxThreadParts : (maxThreadParts?.[network] ?? DEFAULT_MAX_PARTS);
      const cap = Math.min(wanted, rule.maxThreadParts ?? wanted);
      const split = (text: string): string[] => splitThread(text, rule.text, { numbering });
      const parts = threadFor(title, input.body, input.summary, input.url, cap, split);
      if (parts !== undefined && parts.length > 0) {
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
