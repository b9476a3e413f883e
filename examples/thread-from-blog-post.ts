/**
 * Thread from a blog post: turn one long article into posts that fit each network.
 *
 *   npx -y pnpm@10 exec tsx examples/thread-from-blog-post.ts      (from the repository root, after a build)
 *
 * It takes a Markdown-ish article (with some Persian, Arabic and emoji, which every counter
 * must get right), splits it into numbered threads for X and Bluesky — printing each part's
 * length as that network measures it against its limit — then `atomize`s it into one draft
 * per network (a thread where threads exist, one post elsewhere) and shows what
 * `validateDraft` says about a draft that is too long.
 */
import { CONTENT_RULES, TEXT_RULES, atomize, measureText, splitThread, validateDraft, type TextRule } from '@smm/core/text';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

const markdown = `## Why we rebuilt our publishing pipeline

Last spring our team posted to five networks by hand. Every network counts characters differently: X weighs emoji and CJK double, Bluesky counts graphemes, Mastodon counts every link as 23. We kept getting "post too long" errors at 11 pm 😩.

## What we measured

- **Time per post:** from 14 minutes to 3 minutes.
- **Failed posts:** from 9 a month to none.
- **Languages:** English, Română, فارسی and العربية, all in one calendar.

Our Tehran team writes in Persian, where the zero-width non-joiner matters: «می‌خواهیم پست‌ها را زمان‌بندی کنیم» must never be cut in the middle of a word. Our Cairo colleagues write «نشرنا أول سلسلة تغريدات اليوم» and expect the same care. A family emoji 👨‍👩‍👧‍👦 is one character to a reader, so it must be one character to the splitter too, and a flag like 🇷🇴 must not be split into two letters.

## What we learned

Measure with each network's own rule, never with string.length. Split at paragraphs first, then sentences, then words, and never inside a link such as https://example.com/blog/publishing-pipeline or a tag like #socialmedia. Number the parts inside the limit, not after it.

Read the whole story, with the code, on our blog.`;

// A tiny Markdown-to-text step: posts are plain text, so headings become their words and
// list bullets become "•"; **bold** loses its stars.
function toPlainText(text: string): string {
  return text
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*]\s+/gm, '• ')
    .replace(/\*\*(.+?)\*\*/g, '$1');
}

const [heading = '', ...rest] = toPlainText(markdown).split('\n');
const article = {
  title: heading,
  body: rest.join('\n').trim(),
  url: 'https://example.com/blog/publishing-pipeline',
  tags: ['socialmedia', 'engineering', 'i18n'],
};

function showThread(network: string, rule: TextRule): string[] {
  const parts = splitThread(`${article.body}\n\n${article.url}`, rule, { numbering: 'suffix' });
  console.log(`\n${network}: ${parts.length} parts (limit ${rule.maxLength}, counted as ${rule.method})`);
  for (const part of parts) {
    const { length, fits } = measureText(part, rule);
    // Failing loudly here is the point of the example: a part that does not fit is a bug.
    if (!fits) throw new Error(`a ${network} part is ${length} long, over the limit of ${rule.maxLength}: ${part}`);
    const preview = part.replace(/\s+/g, ' ');
    detail(`  [${String(length).padStart(3)}/${rule.maxLength}] ${preview}`);
  }
  if (quiet) console.log(`  longest part: ${Math.max(...parts.map((part) => measureText(part, rule).length))}/${rule.maxLength}`);
  return parts;
}

try {
  console.log(`Article: "${article.title}" (${article.body.length} UTF-16 units)`);

  // 1. Threads for X and Bluesky, numbered " 1/5" inside the limit.
  showThread('X', TEXT_RULES.x);
  showThread('Bluesky', TEXT_RULES.bluesky);

  // 2. One draft per network: threads where a network takes them, one post elsewhere.
  const drafts = atomize(article, {
    x: CONTENT_RULES.x,
    bluesky: CONTENT_RULES.bluesky,
    mastodon: CONTENT_RULES.mastodon,
    linkedin: CONTENT_RULES.linkedin,
  });
  console.log('\natomize → one draft per network:');
  for (const [network, draft] of Object.entries(drafts)) {
    const rule = CONTENT_RULES[network as keyof typeof CONTENT_RULES];
    const problems = validateDraft(draft, rule);
    if (problems.length > 0) throw new Error(`atomize made a ${network} draft with problems: ${problems.map((p) => p.message).join('; ')}`);
    const shape =
      draft.thread.length > 0
        ? `a thread of ${draft.thread.length + 1} parts`
        : `one post of ${measureText(draft.text, rule.text).length}/${rule.text.maxLength}`;
    console.log(`  ${network.padEnd(9)} ${shape}, link ${draft.link ?? 'none'}`);
    detail(`            first part: ${draft.text.replace(/\s+/g, ' ').slice(0, 90)}…`);
  }

  // 3. The LinkedIn post is one long text: as an X post it is far too long. validateDraft
  //    reports every problem at once, with the measured length and the limit.
  const tooLong = { text: drafts.linkedin!.text };
  const problems = validateDraft(tooLong, CONTENT_RULES.x);
  if (problems.length === 0) throw new Error('expected the LinkedIn text to be too long for X');
  console.log('\nThe LinkedIn text as an X post:');
  for (const problem of problems) console.log(`  ${problem.code} at ${problem.path.join('.')}: ${problem.message}`);
} catch (error) {
  console.error(`thread-from-blog-post failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
