/**
 * Step 2: one long article becomes the week's posts. `atomize` cuts the whole article into one
 * draft per network (a numbered thread where the network takes threads and the thread is not
 * too long, one post with a summary and the link elsewhere); each lesson of the article
 * becomes a single teaser post per network, linking to its section. Writing the long version
 * once and deriving the posts from it is the point: edits happen in one place.
 */
import { readFileSync } from 'node:fs';
import type { PostDraft } from '@smm/core/model';
import { CONTENT_RULES, atomize, type Article, type ContentRules } from '@smm/core/text';

export type Platform = 'x' | 'bluesky' | 'mastodon' | 'linkedin';
export const PLATFORMS: readonly Platform[] = ['x', 'bluesky', 'mastodon', 'linkedin'];

export interface ParsedArticle extends Article {
  url: string;
  tags: string[];
  /** The first paragraph, before the first heading. */
  intro: string;
  sections: Array<{ number: number; heading: string; anchor: string; body: string }>;
  words: number;
}

/** One planned post: which piece of the article it comes from, and its draft per network. */
export interface PlannedPost {
  label: string;
  /** Not every piece goes to every network. */
  drafts: Partial<Record<Platform, PostDraft>>;
}

// Posts are plain text: headings lose their #, **bold** its stars.
function plain(markdown: string): string {
  return markdown
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .trim();
}

const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/^\d+\.\s*/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');

/** Reads the Markdown article with its small front matter (`url:` and `tags:`). */
export function readArticle(file: URL): ParsedArticle {
  const source = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source);
  if (!match) throw new Error(`${file.pathname} must start with a front matter block (---, url: …, tags: …, ---)`);
  const meta = Object.fromEntries(match[1]!.split('\n').map((line) => line.split(/:\s*(.*)/s).slice(0, 2) as [string, string]));
  if (!meta.url) throw new Error(`${file.pathname}: the front matter has no url`);
  const markdown = match[2]!.trim();
  const title = /^# (.+)$/m.exec(markdown)?.[1];
  if (!title) throw new Error(`${file.pathname}: the article has no "# Title" line`);
  const body = markdown.replace(/^# .+\n+/, '');
  const [intro = '', ...chunks] = body.split(/^## /m);
  const sections = chunks
    .map((chunk) => {
      const [heading = '', ...rest] = chunk.split('\n');
      return { heading: heading.trim(), body: plain(rest.join('\n')) };
    })
    .filter((section) => /^\d+\./.test(section.heading))
    .map((section) => ({ ...section, number: Number.parseInt(section.heading, 10), anchor: slug(section.heading) }));
  return {
    title,
    body: plain(body),
    url: meta.url,
    tags: (meta.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    intro: plain(intro),
    sections,
    words: plain(markdown).split(/\s+/).filter(Boolean).length,
  };
}

export const RULES: Record<Platform, ContentRules> = {
  x: CONTENT_RULES.x,
  bluesky: CONTENT_RULES.bluesky,
  mastodon: CONTENT_RULES.mastodon,
  linkedin: CONTENT_RULES.linkedin,
};
// Teasers are single posts, never threads, on every network.
const SINGLE_POST: Record<Platform, ContentRules> = {
  x: { ...RULES.x, threads: false },
  bluesky: { ...RULES.bluesky, threads: false },
  mastodon: { ...RULES.mastodon, threads: false },
  linkedin: RULES.linkedin,
};

/** The whole article, atomized: one draft per network. */
export function atomizeArticle(article: ParsedArticle): Record<Platform, PostDraft> {
  // A thread ends with the link; the adapters see it there and do not repeat it up front.
  // Bluesky also shows it as a link card.
  return atomize({ title: article.title, body: article.body, url: article.url, tags: article.tags }, RULES) as Record<Platform, PostDraft>;
}

/** One teaser per lesson and network: "Lesson 3: …", the lesson's first lines, its link, hashtags. */
export function lessonTeasers(article: ParsedArticle): PlannedPost[] {
  return article.sections.map((section) => {
    const heading = section.heading.replace(/^\d+\.\s*/, '');
    const drafts = atomize(
      {
        title: `Lesson ${section.number}/${article.sections.length}: ${heading}`,
        body: section.body,
        url: `${article.url}#${section.anchor}`,
        tags: article.tags,
      },
      SINGLE_POST,
      { maxHashtags: 2 },
    ) as Record<Platform, PostDraft>;
    return { label: `lesson ${section.number}`, drafts };
  });
}
