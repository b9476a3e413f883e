import fc from 'fast-check';
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
    // The mentions edge's 5 posts on 3 pages (the newest, the reply, left out: the root post's conversation lists it), then that conversation.
    expect(pages).toBe(4);
    expect(seen.length).toBe(5);
    expect(new Set(seen).size).toBe(5);
    const all = await client.listMentions(account, { limit: 10, cursor: null, kinds: ['reply'] });
    const reply = all.items.find((item) => item.text === 'a reply')!;
    expect(reply).toMatchObject({ kind: 'reply', inReplyToId: rootId, subject: { id: rootId, platform: 'threads' }, platform: 'threads' });
    expect(
      sim.requests.filter((request) => request.path.endsWith('/mentions')).every((request) => request.query.fields !== undefined),
    ).toBe(true);
  });
});

describe('listing replies under the account’s posts', () => {
  const drain = async (
    client: ReturnType<typeof testEnv>['client'],
    account: ReturnType<typeof testEnv>['account'],
    limit: number,
    kinds?: Array<'mention' | 'reply'>,
  ) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await client.listMentions(account, { cursor, limit, ...(kinds ? { kinds } : {}) });
      seen.push(...page.items.map((item) => item.text));
      cursor = page.nextCursor;
    } while (cursor !== null);
    return seen;
  };

  it('lists others’ replies from /conversation once each, leaves out the account’s own, and visits every item once at any page size', async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 0 } });
    const first = (await client.publish(account, { text: 'first' })).published.parts[0]!.id;
    const secondRef = (await client.publish(account, { text: 'second' })).published.parts[0]!;
    const second = secondRef.id;
    sim.addMention({ text: 'r1', kind: 'reply', postId: first });
    sim.addMention({ text: 'r2', kind: 'reply', postId: second });
    sim.addMention({ text: 'r3', kind: 'reply', postId: second });
    sim.addMention({ text: 'tag', kind: 'mention' });
    const own = await client.reply(account, secondRef, { text: 'my own reply' });
    expect(own.published.parts).toHaveLength(1);
    // The simulator lists the account's reply in the conversation, flagged is_reply_owned_by_me.
    const conversation = sim.requests.length;
    for (const limit of [1, 2, 3, 10]) {
      const seen = await drain(client, account, limit);
      expect([...seen].sort()).toEqual(['r1', 'r2', 'r3', 'tag']);
    }
    const all = await drain(client, account, 10, ['reply']);
    expect([...all].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(await drain(client, account, 10, ['mention'])).toEqual(['tag']);
    const page = await client.listMentions(account, { kinds: ['reply'], limit: 10 });
    const next = await client.listMentions(account, { kinds: ['reply'], limit: 10, cursor: page.nextCursor });
    expect(next.items.find((item) => item.text === 'r1')).toMatchObject({
      kind: 'reply',
      inReplyToId: first,
      conversationId: first,
      subject: { id: first },
    });
    expect(sim.requests.slice(conversation).some((request) => request.path.endsWith(`/${second}/conversation`))).toBe(true);
  });

  it('refuses a cursor it did not make with a ValidationError naming cursor', async () => {
    const { client, account } = testEnv();
    for (const cursor of [
      'not-a-cursor',
      Buffer.from('{"p":"x"}').toString('base64url'),
      Buffer.from('{"p":"c","i":-1}').toString('base64url'),
    ]) {
      await expect(client.listMentions(account, { cursor })).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining('cursor'),
      });
    }
  });

  it('visits every mention and every reply from others exactly once, whatever the page size and replies per post', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (repliesPerPost, tags, limit) => {
          const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 0 } });
          const expected: string[] = [];
          for (const [post, count] of repliesPerPost.entries()) {
            const id = (await client.publish(account, { text: `post ${post}` })).published.parts[0]!.id;
            for (let reply = 0; reply < count; reply += 1) {
              sim.addMention({ text: `reply ${post}.${reply}`, kind: 'reply', postId: id });
              expected.push(`reply ${post}.${reply}`);
            }
          }
          for (let tag = 0; tag < tags; tag += 1) {
            sim.addMention({ text: `tag ${tag}`, kind: 'mention' });
            expected.push(`tag ${tag}`);
          }
          expect((await drain(client, account, limit)).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: 15 },
    );
  });

  it('reads conversations under the mentionPostDepth newest posts only', async () => {
    const { client, account, sim } = testEnv({ simulator: { mentionBacklog: 0 }, settings: { mentionPostDepth: 1 } });
    const older = (await client.publish(account, { text: 'older' })).published.parts[0]!.id;
    const newer = (await client.publish(account, { text: 'newer' })).published.parts[0]!.id;
    sim.addMention({ text: 'under older', kind: 'reply', postId: older });
    sim.addMention({ text: 'under newer', kind: 'reply', postId: newer });
    await drain(client, account, 10);
    const conversations = sim.requests.filter((request) => request.path.endsWith('/conversation')).map((request) => request.path);
    expect(conversations).toEqual([`/v1.0/${newer}/conversation`]);
  });
});
