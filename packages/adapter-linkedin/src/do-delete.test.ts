import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';

describe('deleting', () => {
  it('deletes a post with DELETE /rest/posts/{encoded urn}; a post already gone counts as deleted', async () => {
    const { sim, client, account, requests } = testEnv();
    const { published } = await client.publish(account, { text: 'short-lived' });
    const ref = published.parts[0]!;
    const from = sim.requests.length;
    await client.delete(account, ref);
    await client.delete(account, ref);
    const path = `/rest/posts/${encodeURIComponent(ref.id)}`;
    expect(requests(from)).toEqual([`DELETE ${path}`, `DELETE ${path}`]);
    expect(sim.posts().find((post) => post.id === ref.id)!.deleted).toBe(true);
  });

  it('deletes a reply as the comment it is, naming the actor', async () => {
    const { sim, client, account } = testEnv();
    const { published } = await client.publish(account, { text: 'root' });
    const { published: reply } = await client.reply(account, published.parts[0]!, { text: 'oops' });
    await client.delete(account, reply.parts[0]!);
    const last = sim.requests.at(-1)!;
    expect(last.method).toBe('DELETE');
    expect(last.path).toMatch(new RegExp(`^/rest/socialActions/${encodeURIComponent(published.parts[0]!.id)}/comments/\\d+$`));
    expect(last.query).toEqual({ actor: 'urn:li:organization:2414183' });
    expect(sim.posts().find((post) => post.text === 'oops')!.deleted).toBe(true);
  });
});
