/**
 * One publishing worker: what a real deployment runs in each process, on each machine. Start
 * as many as you like against one Redis; together they publish every due calendar entry
 * exactly once.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 MASTODON_ACCOUNTS='[…]' npx -y pnpm@10 exec tsx examples/worker/worker.ts
 *
 * Configuration comes from the environment (see examples/worker/README.md), so the same code
 * runs under systemd, Docker or Kubernetes: REDIS_URL, MASTODON_ACCOUNTS, and optionally
 * SMM_PREFIX, SMM_WORKER_NAME, SMM_CONCURRENCY. It logs one line per outcome to stdout and
 * stops gracefully on SIGTERM (what `docker stop` and Kubernetes send).
 */
import { hostname } from 'node:os';
import { z } from 'zod';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/errors';
import { parseWithSchema } from '@smm/core/model';
import { createScheduler } from '@smm/core/scheduler';
import { createBullmqScheduler, createRedisStore } from '@smm/queue-bullmq';

const AccountSchema = z.object({
  id: z.string().min(1, { error: 'must be the Mastodon account id (from verify_credentials)' }),
  handle: z.string().min(1, { error: 'must be the account handle, e.g. "acme"' }),
  instanceUrl: z.url({ protocol: /^https?$/, error: "must be the account's instance as an http(s) URL, e.g. https://mastodon.social" }),
  accessToken: z.string().min(1, { error: "must be the account's OAuth access token (not empty)" }),
});

const EnvSchema = z.object({
  REDIS_URL: z
    .string({ error: 'must be set to your Redis, e.g. REDIS_URL=redis://127.0.0.1:6379' })
    .regex(/^rediss?:\/\//, { error: 'must be set to your Redis, e.g. REDIS_URL=redis://127.0.0.1:6379' }),
  // JSON in one variable: a secret store or a Kubernetes Secret can hand it over as it is.
  MASTODON_ACCOUNTS: z
    .string({ error: 'must be set: a JSON array of { id, handle, instanceUrl, accessToken }' })
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Never echo the text: it holds access tokens.
        ctx.addIssue({ code: 'custom', message: 'must be valid JSON: an array of { id, handle, instanceUrl, accessToken }' });
        return z.NEVER;
      }
    })
    .pipe(z.array(AccountSchema).min(1, { error: 'must list at least one account' })),
  // Store keys and the BullMQ queue share this name, so several apps can share one Redis.
  SMM_PREFIX: z
    .string()
    .regex(/^[\w.-]+$/, { error: 'must be letters, digits, "_", "." or "-", e.g. SMM_PREFIX=acme' })
    .default('smm'),
  SMM_WORKER_NAME: z.string().min(1).default(`${hostname()}#${process.pid}`),
  SMM_CONCURRENCY: z.coerce.number().int().positive({ error: 'must be a whole number above 0, e.g. SMM_CONCURRENCY=8' }).default(8),
});

function readEnv(): z.output<typeof EnvSchema> {
  try {
    return parseWithSchema(EnvSchema, process.env, 'worker environment');
  } catch (error) {
    // A configuration mistake: say what to fix (the message names each variable, never a token) and exit non-zero.
    if (!ValidationError.isInstance(error)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const env = readEnv();
const name = env.SMM_WORKER_NAME;
const log = (line: string) => process.stdout.write(`[${name}] ${line}\n`);

// One adapter serves every account; each account talks to its own instance (Mastodon is federated).
const adapter = createMastodonAdapter({
  baseUrl: env.MASTODON_ACCOUNTS[0]!.instanceUrl,
  accountInstances: Object.fromEntries(env.MASTODON_ACCOUNTS.map((account) => [account.id, account.instanceUrl])),
});
const client = createClient({
  adapters: [adapter],
  accounts: env.MASTODON_ACCOUNTS.map(({ id, handle }) => ({ platform: 'mastodon', id, handle })),
  credentials: Object.fromEntries(env.MASTODON_ACCOUNTS.map(({ id, accessToken }) => [`mastodon:${id}`, { accessToken }])),
});

const store = createRedisStore({ url: env.REDIS_URL, prefix: env.SMM_PREFIX });
// The runner is the same one the embedded scheduler uses: it claims an entry under a lease
// and publishes it with the entry's idempotency key, so two workers woken for one entry (or a
// worker that died halfway) can never post it twice. `owner` is what the entry's history
// records as the publisher. 30 s leases: a crashed worker's entries are reconciled that long after.
const runner = createScheduler({ store, client, owner: name, concurrency: env.SMM_CONCURRENCY, leaseMs: 30_000 });
runner.on('entry-published', ({ entry, published }) =>
  log(`published ${entry.id} as ${entry.accountKey} post ${published.parts[0]?.id ?? '?'}`),
);
runner.on('entry-retry', ({ entry, error, nextAttemptAt }) => log(`retry ${entry.id} at ${nextAttemptAt}: ${error.code}`));
runner.on('entry-failed', ({ entry, error }) => log(`failed ${entry.id}: ${error.code} ${error.message}`));
// A person has to look at these: the network could not say whether the post went out.
runner.on('entry-outcome-unknown', ({ entry, reason }) => log(`outcome unknown ${entry.id}: ${reason}`));
runner.on('error', ({ error, phase, entryId }) => log(`error (${phase}${entryId ? ` ${entryId}` : ''}): ${String(error)}`));

// BullMQ wakes this process when entries fall due (one delayed wake-up job per instant); the
// runner claims them in batches and decides. Not calling runner.start(): polling the store is
// the embedded mode, wake-up jobs replace it.
const bullmq = createBullmqScheduler({ store, runner, url: env.REDIS_URL, queueName: env.SMM_PREFIX });
bullmq.start();
log(`ready: ${env.MASTODON_ACCOUNTS.length} account(s), ${env.SMM_CONCURRENCY} publishes at once, queue "${env.SMM_PREFIX}"`);

// Graceful stop: take no new jobs, let running publishes finish and release their leases,
// then close the connections. Killing the process instead is safe too (another worker
// reconciles its entries once the leases expire) but slower to recover.
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing running jobs`);
  // A hard deadline, so a hung connection cannot keep the process from exiting.
  setTimeout(() => {
    log('did not stop within 20 s; exiting');
    process.exit(1);
  }, 20_000).unref();
  void bullmq
    .close()
    .then(() => store.close())
    .then(() => {
      log('stopped');
      process.exit(0);
    })
    .catch((error: unknown) => {
      log(`could not stop cleanly: ${String(error)}`);
      process.exit(1);
    });
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
