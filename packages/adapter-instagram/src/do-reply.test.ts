import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { imageAt, settle, testEnv } from './__tests__/test-env.js';

describe('doReply', () => {
  it('replies to a post with a comment on it, and to a mention (a comment) in its thread', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'Ask me anything', media: [imageAt(env.sim)] });
    const root = published.parts[0]!;
    const comment = await env.client.reply(env.account, root, { text: 'First!' });
    expect(env.sim.posts().find((post) => post.id === comment.published.parts[0]!.id)).toMatchObject({
      text: 'First!',
      replyToId: root.id,
    });

    env.clock.advance(3 * 3_600_000);
    const mentions = await env.client.listMentions(env.account, { kinds: ['reply'] });
    const question = mentions.items[0]!;
    expect(question).toMatchObject({ kind: 'reply', inReplyToId: root.id });
    const from = env.requests().length;
    const answer = await env.client.reply(env.account, { platform: 'instagram', id: question.id }, { text: 'Thanks for asking' });
    expect(env.sim.posts().find((post) => post.id === answer.published.parts[0]!.id)).toMatchObject({
      text: 'Thanks for asking',
      replyToId: question.id,
    });
    expect(env.requests(from).filter((line) => line.startsWith('POST'))).toEqual([`POST /v26.0/${question.id}/replies`]);
  });

  it('refuses media on a reply: an Instagram comment is text only', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, { text: 'root', media: [imageAt(env.sim)] });
    const outcome = await settle(env.client.reply(env.account, published.parts[0]!, { text: 'look', media: [imageAt(env.sim)] }));
    expect(!outcome.ok && ValidationError.isInstance(outcome.error) && outcome.error.issues[0]!.code).toBe('reply_media_unsupported');
  });
});
