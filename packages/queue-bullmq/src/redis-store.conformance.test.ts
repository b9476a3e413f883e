import { inject, it } from 'vitest';
import { runStoreConformance } from '@smm/testkit/vitest';
import { createRedisStore, type RedisStore } from './redis-store.js';
import { dropPrefix } from '../test/redis-test-helpers.js';

const url = inject('redisUrl');
const seconds = new WeakMap<RedisStore, RedisStore>();
let counter = 0;

if (url === '') {
  it.skip(`store conformance: @smm/queue-bullmq — ${inject('redisSkipReason')}`, () => {});
} else {
  runStoreConformance({
    name: '@smm/queue-bullmq createRedisStore',
    // Each check gets its own key prefix on the suite's redis-server: a fresh, empty store.
    createStore: () => createRedisStore({ url, prefix: `conf-${process.pid}-${(counter += 1)}` }),
    openSecondHandle: (store) => {
      const first = store as RedisStore;
      const second = createRedisStore({ url, prefix: first.keyPrefix.slice(1, -2) });
      seconds.set(first, second);
      return second;
    },
    destroyStore: async (store) => {
      const first = store as RedisStore;
      await dropPrefix(first.redis, first.keyPrefix);
      await seconds.get(first)?.close();
      await first.close();
    },
    timeoutMs: 60_000,
  });
}
