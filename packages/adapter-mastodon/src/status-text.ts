const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/**
 * The plain text of a status's `content`. Mastodon returns statuses as sanitised HTML: one
 * `<p>` per paragraph, `<br>` for line breaks, links whose visible text is split into
 * `invisible`/`ellipsis` spans (their text together is the full URL), mentions and hashtags
 * as links. Paragraphs become blank lines, tags are dropped and entities decoded, which gives
 * back the text as it was posted. @internal
 */
export function statusText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text);
}
