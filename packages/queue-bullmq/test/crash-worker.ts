// One worker process of the crash test and of examples/worker: runs BullMQ jobs through the
// core runner, publishing to the loopback network. Started with `node --import tsx` from the
// repository root (so @smm/* resolve to sources through tsconfig paths); killed with SIGKILL.
import { createClient } from '@smm/core/client';
import { createScheduler } from '@smm/core/scheduler';
import { createBullmqScheduler, createRedisStore } from '../src/index.js';
import { loopbackAdapter } from '../src/testing/index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`crash-worker: ${name} is not set`);
  return value;
};
const redisUrl = env('REDIS_URL');
const name = `${env('WORKER_NAME')}#${process.pid}`;
const leaseMs = Number(process.env.LEASE_MS ?? 1_500);

const store = createRedisStore({ url: redisUrl, prefix: env('STORE_PREFIX') });
const client = createClient({
  adapters: [loopbackAdapter(env('NETWORK_URL'), name)],
  // Ten accounts: the HTTP client queues requests per account, so one account would serialise publishing.
  accounts: Array.from({ length: 10 }, (_, i) => ({ platform: 'loopback', id: String(i), handle: `crash${i}` })),
  credentials: () => ({}),
});
const runner = createScheduler({ store, client, owner: name, leaseMs, concurrency: 8 });
const bullmq = createBullmqScheduler({
  store,
  runner,
  url: redisUrl,
  queueName: env('QUEUE_NAME'),
  concurrency: 8,
  lockDurationMs: leaseMs,
  stalledIntervalMs: 500,
  syncIntervalMs: 2_000,
  leaseGraceMs: 50,
  errorRetryMs: 200,
});
bullmq.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void bullmq
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
