// One worker process of the BullMQ rows of bench/scheduler.bench.ts (the "worker processes"
// shape): its own Redis store, core runner (lease owner) and BullMQ worker, publishing through
// the zero-latency client. Started by the bench over IPC; env REDIS_URL, STORE_PREFIX, OWNER,
// CONCURRENCY. Sends "ready", starts the worker on "start", reports what it published as
// { published: [i, epoch ms, i, epoch ms, …] } every 50 ms, and on "stop" sends the CPU time
// it used since "start" ({ cpuMs }), closes and exits.
import { createScheduler } from '../packages/core/src/scheduler/index.js';
import { systemClock } from '../packages/core/src/clock/index.js';
import { createBullmqScheduler, createRedisStore } from '../packages/queue-bullmq/src/index.js';
import { zeroLatencyClient } from './zero-latency-client.js';

const env = (name: string) => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`scheduler-bullmq-worker: ${name} is not set`);
  return value;
};
const url = env('REDIS_URL');
const prefix = env('STORE_PREFIX');
const concurrency = Number(env('CONCURRENCY'));

let published: number[] = [];
const flush = () => {
  if (published.length === 0) return;
  process.send!({ published });
  published = [];
};
const client = zeroLatencyClient((i) => void published.push(i, Date.now()), systemClock);
const store = createRedisStore({ url, prefix });
const runner = createScheduler({ store, client, owner: env('OWNER'), leaseMs: 60_000, concurrency, lagWarningMs: Number.MAX_SAFE_INTEGER });
// syncIntervalMs 0: the safety-net sweep is not what is measured.
const bullmq = createBullmqScheduler({ store, runner, url, queueName: prefix, concurrency, syncIntervalMs: 0 });
const reporter = setInterval(flush, 50);

let startCpu = process.cpuUsage();
process.on('message', (message) => {
  if (message === 'start') {
    startCpu = process.cpuUsage();
    bullmq.start();
  }
  if (message === 'stop') {
    const { user, system } = process.cpuUsage(startCpu);
    void bullmq
      .close()
      .then(() => store.close())
      .then(() => {
        clearInterval(reporter);
        flush();
        process.send!({ cpuMs: (user + system) / 1000 }, () => process.disconnect());
      });
  }
});
process.send!('ready');
