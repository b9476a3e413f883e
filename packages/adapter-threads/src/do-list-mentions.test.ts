import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('listing mentions', () => {
  it('reads /mentions page by page with Graph cursors; a reply to the account’s post is kind reply with its subject', async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 4 } });
    const { published } = await client.publish(account, { text: 'root' });
    const rootId = published.parts[0]!.id;
    sim.addMention({ text: 'a reply', kind: 'reply', postId: rootId });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.listMentions(account, { cursor, limit: 2 });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const all = await client.listMentions(account, { limit: 10 });
    const reply = all.items.find((item) => item.text === 'a reply')!;
    expect(reply).toMatchObject({ kind: 'reply', inReplyToId: rootId, subject: { id: rootId, platform: 'threads' }, platform: 'threads' });
    expect(
      sim.requests.filter((request) => request.path.endsWith('/mentions')).every((request) => request.query.fields !== undefined),
    ).toBe(true);
  });
});
