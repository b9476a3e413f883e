import { ValidationError } from '@smm/core/adapter-kit';
import { describe, expect, it } from 'vitest';
import { testEnv, settle } from './__tests__/test-env.js';

describe('direct messages', () => {
  it('posts a direct status that mentions the recipient by handle', async () => {
    const { sim, client, account } = testEnv();
    const sent = await client.sendDirectMessage(account, { recipientId: '@ada@remote.example', text: 'Thanks for the report!' });
    const [request] = sim.requests;
    expect(request!.body).toEqual({ status: '@ada@remote.example Thanks for the report!', visibility: 'direct' });
    expect(request!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent).toEqual({ id: sim.posts()[0]!.id, sentAt: sim.posts()[0]!.createdAt });
    expect(sim.posts()[0]!.visibility).toBe('direct');
  });

  it('keeps the text when it already mentions the recipient, and looks numeric ids up', async () => {
    const { sim, client, account, intercepted } = testEnv({
      intercept: (request) =>
        new URL(request.url).pathname === '/api/v1/accounts/200001'
          ? Response.json({ id: '200001', username: 'bob', acct: 'bob@remote.example' })
          : undefined,
    });
    await client.sendDirectMessage(account, { recipientId: 'ada@remote.example', text: 'Hi @ada@remote.example, got it' });
    await client.sendDirectMessage(account, { recipientId: '200001', text: 'Hello' });
    expect(intercepted).toHaveLength(1);
    expect(sim.requests.map((request) => (request.body as { status: string }).status)).toEqual([
      'Hi @ada@remote.example, got it',
      '@bob@remote.example Hello',
    ]);
  });

  it('refuses a recipient that is neither an id nor a handle', async () => {
    const { sim, client, account } = testEnv();
    const result = await settle(client.sendDirectMessage(account, { recipientId: 'not a handle!', text: 'x' }));
    expect(!result.ok && ValidationError.isInstance(result.error) && result.error.issues[0]!.path).toEqual(['recipientId']);
    expect(sim.requests).toHaveLength(0);
  });
});
