import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';
import type { MastodonNotification } from './api-schemas.js';
import { mentionKindOf } from './do-list-mentions.js';
import { statusText } from './status-text.js';

const OWN = '110000000000000001';
const author = { id: '42', username: 'ada', acct: 'ada@remote.example' };
const notification = (type: string, status: Partial<NonNullable<MastodonNotification['status']>> | null): MastodonNotification => ({
  id: '9',
  type,
  created_at: '2026-01-05T09:00:00.000Z',
  account: author,
  status:
    status === null ? null : { id: '77', created_at: '2026-01-05T09:00:00.000Z', content: '<p>hi</p>', media_attachments: [], ...status },
});

describe('notifications as mentions', () => {
  it('maps notification types and statuses to mention kinds, and skips what addresses no one', () => {
    expect(mentionKindOf(notification('mention', { visibility: 'public' }), OWN)).toBe('mention');
    expect(mentionKindOf(notification('mention', { in_reply_to_id: '5', in_reply_to_account_id: OWN }), OWN)).toBe('reply');
    // A reply to someone else's status that also mentions the account is a mention.
    expect(mentionKindOf(notification('mention', { in_reply_to_id: '5', in_reply_to_account_id: '999' }), OWN)).toBe('mention');
    expect(mentionKindOf(notification('mention', { visibility: 'direct', in_reply_to_id: '5', in_reply_to_account_id: OWN }), OWN)).toBe(
      'direct_message',
    );
    expect(mentionKindOf(notification('quote', { visibility: 'public' }), OWN)).toBe('quote');
    for (const type of ['favourite', 'reblog', 'status', 'poll', 'update'])
      expect(mentionKindOf(notification(type, {}), OWN)).toBeUndefined();
    expect(mentionKindOf(notification('follow', null), OWN)).toBeUndefined();
  });

  it("gives each mention the status's id, so it can be answered (a notification id is not a status)", async () => {
    const { sim, client, account } = testEnv({ simulator: { mentionBacklog: 3 } });
    const { items } = await client.listMentions(account, { limit: 3 });
    // The simulator refuses a reply to an id that is no status (404), as Mastodon does.
    const answered = await client.reply(account, items[0]!, { text: 'Thanks for asking!' });
    expect(sim.posts().find((post) => post.id === answered.published.parts[0]!.id)?.replyToId).toBe(items[0]!.id);
  });

  it('asks for mention and quote notifications with the limit, then follows the Link header max_id to the end', async () => {
    const { sim, client, account } = testEnv({ simulator: { mentionBacklog: 7 } });
    const first = await client.listMentions(account, { limit: 5 });
    const second = await client.listMentions(account, { limit: 5, cursor: first.nextCursor });
    expect(sim.requests[0]!.query).toEqual({ 'types[]': ['mention', 'quote'], limit: '5' });
    expect(first.items).toHaveLength(5);
    // The cursor is the Link header's max_id: a notification id, sent back as given.
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(sim.requests[1]!.query).toEqual({ 'types[]': ['mention', 'quote'], limit: '5', max_id: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((mention) => mention.id)).size).toBe(7);
    for (const mention of all) {
      expect(mention).toMatchObject({ platform: 'mastodon', accountId: sim.account.id });
      expect(mention.author.handle).toMatch(/@remote\.example$/);
      expect(mention.url).toMatch(/^https:\/\/remote\.example\/@/);
    }
  });

  it('clamps the page size to 80 and asks for quote notifications only when quotes are asked for', async () => {
    const { sim, client, account } = testEnv();
    await client.listMentions(account, { limit: 500 });
    await client.listMentions(account, { kinds: ['quote'] });
    await client.listMentions(account, { kinds: ['direct_message'] });
    expect(sim.requests.map((request) => request.query)).toEqual([
      { 'types[]': ['mention', 'quote'], limit: '80' },
      { 'types[]': ['quote'], limit: '40' },
      { 'types[]': ['mention'], limit: '40' },
    ]);
  });

  it('maps a quote of one of the account’s posts (Mastodon 4.5+) to a quote whose subject is the quoted post', async () => {
    const { sim, client, account, clock } = testEnv({ simulator: { quotes: true, mentionBacklog: 2, mentionEveryMs: 0 } });
    const { published } = await client.publish(account, { text: 'quote me' });
    const quoted = published.parts[0]!.id;
    sim.addMention({ text: 'so true', kind: 'quote', postId: quoted });
    await clock.advance(60_000);
    const page = await client.listMentions(account, { limit: 80 });
    const quotes = page.items.filter((mention) => mention.kind === 'quote');
    expect(quotes.length).toBeGreaterThanOrEqual(1);
    expect(quotes.find((mention) => mention.text === 'so true')).toBeDefined();
    for (const mention of quotes) {
      expect(mention.subject).toEqual({ platform: 'mastodon', id: quoted });
      expect(mention.inReplyToId).toBeUndefined();
    }
    // Mentions and quotes only: the two backlog mentions plus the quotes, each once.
    expect(page.items.filter((mention) => mention.kind === 'mention')).toHaveLength(2);
    const onlyQuotes = await client.listMentions(account, { kinds: ['quote'] });
    expect(onlyQuotes.items.map((mention) => mention.id)).toEqual(quotes.map((mention) => mention.id));
  });

  it('reads the plain text of a mention from its HTML content', async () => {
    const { client, account } = testEnv({ simulator: { mentionBacklog: 3 } });
    const page = await client.listMentions(account);
    for (const mention of page.items) expect(mention.text).not.toMatch(/[<>]|&amp;/);
  });
});

describe('statusText', () => {
  it('turns paragraphs into blank lines, <br> into newlines, and decodes entities', () => {
    expect(statusText('<p>Hello &amp; welcome</p><p>Line two<br />line three</p>')).toBe('Hello & welcome\n\nLine two\nline three');
    expect(statusText('<p>&lt;b&gt; isn&#39;t bold &quot;here&quot; &#x1F600;</p>')).toBe('<b> isn\'t bold "here" 😀');
  });

  it("gives back a whole URL from Mastodon's shortened link markup, and mentions as @user", () => {
    const html =
      '<p><span class="h-card"><a href="https://remote.example/@ada" class="u-url mention">@<span>ada</span></a></span> see <a href="https://example.com/very/long/path" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">example.com/very/lo</span><span class="invisible">ng/path</span></a></p>';
    expect(statusText(html)).toBe('@ada see https://example.com/very/long/path');
  });

  it('round-trips any single-line text through Mastodon-style escaping', () => {
    // Mastodon escapes &, <, >, " and ' in the HTML it renders.
    const escape = (text: string) =>
      text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((text) => !/[\r\n]/.test(text)),
        (text) => {
          expect(statusText(`<p>${escape(text)}</p>`)).toBe(text);
        },
      ),
    );
  });
});
