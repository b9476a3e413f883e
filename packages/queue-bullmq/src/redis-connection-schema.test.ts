import { describe, expect, it } from 'vitest';
import { ValidationError } from '@smm/core/errors';
import { createMemoryStore } from '@smm/core/schedule-store';
import { createBullmqScheduler } from './bullmq-scheduler.js';
import { createRedisInboxStore } from './inbox-store.js';
import { createRedisRateLimitStore } from './redis-rate-limit-store.js';
import { createRedisStore } from './redis-store.js';

// Every Redis-backed piece checks its connection options the same way, before connecting:
// nothing here reaches a server (port 1 would refuse).
const URL = 'redis://127.0.0.1:1';

function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a ValidationError');
}

describe.each([
  ['createRedisStore', (options: Record<string, unknown>) => createRedisStore(options as never)],
  ['createRedisInboxStore', (options: Record<string, unknown>) => createRedisInboxStore(options as never)],
  ['createRedisRateLimitStore', (options: Record<string, unknown>) => createRedisRateLimitStore(options as never)],
])('%s options', (_name, make) => {
  it('needs exactly one of connection and url', () => {
    expect(refusal(() => make({}))).toMatch(/connection.*exactly one of `connection`/);
    expect(refusal(() => make({ url: URL, connection: { evalsha: () => undefined } }))).toMatch(/exactly one of `connection`/);
  });

  it('names a URL that is not redis:// or rediss://, a client that is not ioredis, a prefix Cluster cannot tag', () => {
    expect(refusal(() => make({ url: 'http://127.0.0.1:6379' }))).toMatch(/url.*must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(refusal(() => make({ connection: {} }))).toMatch(/connection.*must be an ioredis client/);
    expect(refusal(() => make({ url: URL, prefix: 'a{b}' }))).toMatch(/prefix.*must not contain braces or spaces/);
    expect(refusal(() => make({ url: URL, prefix: '' }))).toMatch(/prefix.*must not be empty/);
  });
});

describe('createBullmqScheduler options', () => {
  it('needs exactly one of connection and url, and a redis URL', () => {
    const store = createMemoryStore();
    expect(refusal(() => createBullmqScheduler({ store } as never))).toMatch(/exactly one of `connection`/);
    expect(refusal(() => createBullmqScheduler({ store, url: 'http://127.0.0.1:6379' }))).toMatch(/url.*redis:\/\//);
  });
});
