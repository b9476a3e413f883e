import { inject, it } from 'vitest';
import type { InboxStore } from '@smm/core/listening';
import { inboxConformanceChecks } from '@smm/testkit/inbox-conformance';
import { createRedisInboxStore, type RedisInboxStore } from './inbox-store.js';
import { dropPrefix } from '../test/redis-test-helpers.js';

const url = inject('redisUrl');
const seconds = new WeakMap<InboxStore, RedisInboxStore>();
let counter = 0;

if (url === '') {
  it.skip(`inbox conformance: @smm/queue-bullmq — ${inject('redisSkipReason')}`, () => {});
} else {
  const checks = inboxConformanceChecks({
    name: '@smm/queue-bullmq createRedisInboxStore',
    // Each check gets its own key prefix on the suite's redis-server: a fresh, empty store.
    createStore: () => createRedisInboxStore({ url, prefix: `inbox-${process.pid}-${(counter += 1)}` }),
    openSecondHandle: (store) => {
      const first = store as RedisInboxStore;
      const second = createRedisInboxStore({ url, prefix: first.keyPrefix.slice(1, -2) });
      seconds.set(first, second);
      return second;
    },
    destroyStore: async (store) => {
      const first = store as RedisInboxStore;
      if (seconds.has(first)) await dropPrefix(first.redis, first.keyPrefix);
      await seconds.get(first)?.close();
      await first.close();
    },
  });
  for (const { name, run } of checks) it(name, run, 30_000);
}
