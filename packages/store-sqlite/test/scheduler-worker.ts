// A scheduler worker process for the crash tests: createScheduler over the SQLite store,
// publishing to the Mastodon simulator the test serves on 127.0.0.1. Prints "ready" once
// polling; SIGTERM stops it gracefully. The tests SIGKILL it at random moments.
// Usage: node --import tsx scheduler-worker.ts <db file> <simulator url> <owner> <account id>
import { createClient } from '@smm/core/client';
import { createScheduler } from '@smm/core/scheduler';
import { createSqliteStore } from '@smm/store-sqlite';
import { createMastodonTestAdapter } from './mastodon-test-adapter.js';

const [file, baseUrl, owner, accountId] = process.argv.slice(2) as [string, string, string, string];
const store = createSqliteStore({ path: file, busyTimeoutMs: 30_000 });
const client = createClient({
  adapters: [createMastodonTestAdapter(baseUrl)],
  accounts: [{ platform: 'mastodon', id: accountId, handle: 'smm' }],
  credentials: { [`mastodon:${accountId}`]: { accessToken: 'mastodon-token-0' } },
});
const scheduler = createScheduler({ store, client, owner, leaseMs: 1_500, pollIntervalMs: 25, concurrency: 16, batchSize: 32 });
scheduler.on('error', ({ error, phase, entryId }) =>
  process.stderr.write(`scheduler error (${phase} ${entryId ?? ''}): ${String(error)}\n`),
);
scheduler.start();
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void scheduler.stop({ timeoutMs: 5_000 }).then(() => {
    store.close();
    process.exit(0);
  });
});
