import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { atomize } from './atomize.js';
import { CONTENT_RULES } from './rules.js';
import { validateDraft } from './validate-draft.js';

const paragraphs = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraful ${i + 1} explică un pas din strategie: publicăm în română, العربية și فارسی, măsurăm și ajustăm. Detalii pe example.ro/pas-${i + 1}.`,
);
const article = {
  title: 'Ghid de marketing pentru rețele sociale',
  body: paragraphs.join('\n\n'),
  url: 'https://example.ro/ghid',
  summary: 'Un ghid practic: ce publicăm, când și cum măsurăm rezultatele în fiecare rețea.',
  tags: ['marketing', 'rețele sociale', 'تسويق'],
};

describe('atomize', () => {
  const drafts = atomize(article, CONTENT_RULES);

  it('makes one draft per network', () => {
    expect(Object.keys(drafts).sort()).toEqual(Object.keys(CONTENT_RULES).sort());
  });

  it('makes a numbered thread where threads are allowed, with every word of the article', () => {
    const x = drafts.x!;
    expect(x.thread.length).toBeGreaterThan(0);
    const all = [x.text, ...x.thread.map((p) => p.text)];
    all.forEach((part, i) => expect(part.endsWith(` ${i + 1}/${all.length}`)).toBe(true));
    const joined = all.map((p) => p.replace(/ \d+\/\d+$/u, '')).join(' ');
    for (const paragraph of paragraphs) for (const word of paragraph.split(' ')) expect(joined).toContain(word);
    expect(joined).toContain(article.url);
  });

  it('makes a single post with title, summary, link and hashtags elsewhere', () => {
    expect(drafts.linkedin).toMatchObject({
      text: `${article.title}\n\n${article.summary}\n\n${article.url}\n\n#marketing #rețelesociale #تسويق`,
      thread: [],
      link: article.url,
    });
  });

  it('puts the title where the network has a title field, shortened to fit', () => {
    const long = atomize({ ...article, title: 'Titlu '.repeat(30).trim() }, { youtube: CONTENT_RULES.youtube });
    const title = (long.youtube!.networkOptions.youtube as { title: string }).title;
    expect(title.length).toBeLessThanOrEqual(100);
    expect(title.endsWith('…')).toBe(true);
    expect(long.youtube!.text).not.toContain('Titlu');
  });

  it('produces text that passes every network text rule', () => {
    for (const [network, draft] of Object.entries(drafts)) {
      const problems = validateDraft(draft, CONTENT_RULES[network as keyof typeof CONTENT_RULES], { network }).filter(
        (p) => p.code !== 'too_few_media', // media is the caller's to add
      );
      expect(problems, network).toEqual([]);
    }
  });

  it('shortens the summary at a word to fit a small limit', () => {
    const tiny = atomize(
      { ...article, summary: 'cuvânt '.repeat(200) },
      { small: { ...CONTENT_RULES.linkedin, text: { id: 's', method: 'utf16', maxLength: 200 } } },
    );
    const text = tiny.small!.text;
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toContain('cuvânt…');
    expect(text).toContain(article.url);
  });

  it('refuses an article without a title', () => {
    expect(() => atomize({ ...article, title: ' ' }, CONTENT_RULES)).toThrow(ValidationError);
  });

  it('never makes a thread longer than the cap: a long article is summarised and linked', () => {
    const long = Array.from({ length: 40 }, (_, i) => paragraphs[i % paragraphs.length]!).join('\n\n');
    const rules = { x: CONTENT_RULES.x, bluesky: CONTENT_RULES.bluesky, mastodon: CONTENT_RULES.mastodon, threads: CONTENT_RULES.threads };
    for (const [network, draft] of Object.entries(atomize({ ...article, body: long, summary: undefined }, rules))) {
      const parts = [draft.text, ...draft.thread.map((p) => p.text)];
      expect(parts.length, network).toBeLessThanOrEqual(6);
      expect(parts[0]!.startsWith(article.title), network).toBe(true);
      expect(parts.at(-1)!, network).toContain(article.url);
      // It begins with the article's own first paragraph, not a cut-up middle.
      expect(parts.join(' '), network).toContain(paragraphs[0]!.slice(0, 40));
    }
    const capped = atomize({ ...article, body: long }, rules, { maxThreadParts: { x: 3, bluesky: 2 } });
    expect(1 + capped.x!.thread.length).toBeLessThanOrEqual(3);
    expect(1 + capped.bluesky!.thread.length).toBeLessThanOrEqual(2);
    expect(1 + capped.mastodon!.thread.length).toBeLessThanOrEqual(6);
    const one = atomize({ ...article, body: long }, rules, { maxThreadParts: 1 });
    for (const draft of Object.values(one)) expect(draft.thread).toEqual([]);
  });

  it('refuses a cap below one', () => {
    expect(() => atomize(article, CONTENT_RULES, { maxThreadParts: 0 })).toThrow(ValidationError);
  });
});
