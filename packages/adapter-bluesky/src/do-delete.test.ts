import { describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/adapter-kit';
import { testEnv } from './__tests__/test-env.js';

describe('deleting a post', () => {
  it('deletes with deleteRecord { repo, collection, rkey }; the post is then gone', async () => {
    const { client, account, sim, calls } = testEnv();
    const { published } = await client.publish(account, { text: 'bye' });
    await client.delete(account, published.parts[0]!);
    const rkey = published.parts[0]!.id.split('/').pop();
    expect(calls('com.atproto.repo.deleteRecord')[0]!.body).toEqual({ repo: sim.account.id, collection: 'app.bsky.feed.post', rkey });
    expect(await client.getPost(account, published.parts[0]!)).toBeNull();
    // Deleting again is harmless.
    await client.delete(account, published.parts[0]!);
  });

  it('refuses to delete a post of another account, or something that is not a post URI', async () => {
    const { client, account, sim } = testEnv();
    const other = { platform: 'bluesky', id: 'at://did:plc:someoneelse/app.bsky.feed.post/3kabcdefghijk' };
    await expect(client.delete(account, other)).rejects.toSatisfy(ValidationError.isInstance);
    await expect(client.delete(account, { platform: 'bluesky', id: 'https://bsky.app/profile/x/post/1' })).rejects.toSatisfy(
      ValidationError.isInstance,
    );
    expect(sim.requests.filter((request) => request.path.endsWith('deleteRecord'))).toHaveLength(0);
  });
});
