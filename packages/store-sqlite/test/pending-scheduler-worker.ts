// A scheduler worker process for the pending-publish crash test: createScheduler over the
// SQLite store, publishing through the container-network reference adapter (whose publishes
// answer "pending") to the simulator the test serves on 127.0.0.1. Prints "ready" once polling
// and one line per pending/progress event; the test SIGKILLs it mid-poll.
// Usage: node --import tsx pending-scheduler-worker.ts <db file> <simulator url> <owner> <account id>
import { createClient } from '@smm/core/client';
import { createScheduler } from '@smm/core/scheduler';
import { createContainerNetworkAdapter } from '@smm/testkit/container-network';
import { createSqliteStore } from '@smm/store-sqlite';

const [file, baseUrl, owner, accountId] = process.argv.slice(2) as [string, string, string, string];
const store = createSqliteStore({ path: file, busyTimeoutMs: 30_000 });
const client = createClient({
  adapters: [createContainerNetworkAdapter({ baseUrl })],
  accounts: [{ platform: 'containers', id: accountId, handle: 'smm' }],
  credentials: { [`containers:${accountId}`]: { accessToken: 'container-token-0' } },
});
const scheduler = createScheduler({ store, client, owner, leaseMs: 1_500, pollIntervalMs: 25 });
scheduler.on('entry-pending', ({ entry, pending }) => process.stdout.write(`pending ${entry.id} ${JSON.stringify(pending.handle)}\n`));
scheduler.on('entry-progress', ({ entryId, polls }) => process.stdout.write(`progress ${entryId} ${polls}\n`));
scheduler.on('entry-published', ({ entry }) => process.stdout.write(`published ${entry.id}\n`));
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
