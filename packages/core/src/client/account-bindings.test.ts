import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Adapter } from '../adapter-spec/index.js';
import { systemClock } from '../clock/index.js';
import { createTypedEmitter } from '../events/index.js';
import { ValidationError } from '../errors/index.js';
import type { HttpClient, HttpClientOptions } from '../http/index.js';
import type { Account } from '../model/index.js';
import { createAccountBindings, httpOptionsFor, operationContext } from './account-bindings.js';
import type { ClientContext } from './client-context.js';
import { noopLogger } from './logger.js';

const account: Account = { platform: 'memo', id: 'a1', handle: 'brand', timeZone: 'UTC' };
const adapter = {
  platform: 'memo',
  displayName: 'Memo',
  capabilities: { idempotency: { strategy: 'native-key', header: 'Idempotency-Key' } },
  http: { baseUrl: (a: Account) => `https://memo.example/${a.id}`, headers: { 'user-agent': 'test' } },
  credentials: {
    schema: z.object({ token: z.string().min(3) }),
    createProvider: ({ credentials }: { credentials: { token: string } }) => ({
      getHeaders: () => ({ authorization: `Bearer ${credentials.token}` }),
    }),
  },
} as unknown as Adapter;

function context(credentials: ClientContext['credentials']): { ctx: ClientContext; created: HttpClientOptions[] } {
  const created: HttpClientOptions[] = [];
  const ctx: ClientContext = {
    adapters: new Map([['memo', adapter]]),
    accounts: new Map([['memo:a1', account]]),
    credentials,
    onCredentialsChange: undefined,
    clock: systemClock,
    logger: noopLogger,
    httpOptions: { timeoutMs: 1234 },
    fetch: undefined,
    emitter: createTypedEmitter(),
    createHttpClient: (options) => {
      created.push(options);
      return { request: async () => ({ status: 200, headers: new Headers(), data: null }) } as unknown as HttpClient;
    },
  };
  return { ctx, created };
}

describe('account bindings', () => {
  it('builds the HTTP options from the adapter settings and the app options', () => {
    const { ctx } = context({});
    const options = httpOptionsFor(ctx, adapter, account);
    expect(options).toMatchObject({
      platform: 'memo',
      accountId: 'a1',
      baseUrl: 'https://memo.example/a1',
      headers: { 'user-agent': 'test' },
      idempotencyKeyHeader: 'Idempotency-Key',
      timeoutMs: 1234,
    });
    expect(options.credentials).toBeUndefined();
  });

  it('binds an account once, with one client for auth calls and one with credentials', async () => {
    const { ctx, created } = context({ 'memo:a1': { token: 'abcdef' } });
    const bindings = createAccountBindings(ctx);
    const [first, second] = await Promise.all([bindings.bind('memo:a1'), bindings.bind({ platform: 'memo', id: 'a1' })]);
    expect(first).toBe(second);
    expect(created).toHaveLength(2);
    expect(created[0]!.credentials).toBeUndefined();
    expect(await created[1]!.credentials!.getHeaders()).toEqual({ authorization: 'Bearer abcdef' });
    // Both spend the account's limits from one rate-limit state.
    expect(created[0]!.rateLimitStore).toBeDefined();
    expect(created[1]!.rateLimitStore).toBe(created[0]!.rateLimitStore);
  });

  it('refuses an unknown account naming the known ones, and bad credentials without echoing them', async () => {
    const { ctx } = context({ 'memo:a1': { token: 'x' } });
    const bindings = createAccountBindings(ctx);
    expect(() => bindings.resolve('memo:zz')).toThrow(/known: memo:a1/);
    const error = await bindings.bind('memo:a1').catch((thrown: unknown) => thrown);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as ValidationError).issues[0]!.path).toEqual(['token']);
    expect(JSON.stringify(error)).not.toContain('"x"');
  });

  it('tries a binding again after its credentials failed to load', async () => {
    let calls = 0;
    const { ctx } = context(async () => {
      calls += 1;
      if (calls === 1) throw new Error('vault down');
      return { token: 'abcdef' };
    });
    const bindings = createAccountBindings(ctx);
    await expect(bindings.bind('memo:a1')).rejects.toThrow('vault down');
    await expect(bindings.bind('memo:a1')).resolves.toMatchObject({ account });
    expect(calls).toBe(2);
  });

  it('gives each operation its own never-aborted signal when the caller gives none', async () => {
    const { ctx } = context({ 'memo:a1': { token: 'abcdef' } });
    const binding = await createAccountBindings(ctx).bind('memo:a1');
    const a = operationContext(ctx, binding, undefined, 'k1');
    const b = operationContext(ctx, binding, undefined);
    expect(a.signal).not.toBe(b.signal);
    expect(a.signal.aborted).toBe(false);
    expect(a.idempotencyKey).toBe('k1');
    expect('idempotencyKey' in b).toBe(false);
  });
});
