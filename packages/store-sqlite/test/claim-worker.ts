// A worker process for the contention tests. Opens the store and prints "ready"; then, per
// stdin line, `due` claims until nothing is due and `id <json ids>` claims those ids one by
// one, each printing the ids it got as one JSON line; `exit` closes the store.
// Usage: node --import tsx claim-worker.ts <file> <owner> <now>
import { createInterface } from 'node:readline';
import { createSqliteStore } from '@smm/store-sqlite';

const [file, owner, nowText] = process.argv.slice(2) as [string, string, string];
const now = Number(nowText);
const store = createSqliteStore({ path: file, busyTimeoutMs: 20_000 });
process.stdout.write('ready\n');

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'exit') break;
  const claimed: string[] = [];
  if (line === 'due') {
    for (;;) {
      const batch = await store.claimDue({ owner, now, leaseMs: 600_000, limit: 2 });
      if (batch.length === 0) break;
      claimed.push(...batch.map((entry) => entry.id));
      // A breath between batches, so one fast process cannot drain the file before the
      // others start and the claims really interleave.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } else if (line.startsWith('id ')) {
    for (const id of JSON.parse(line.slice(3)) as string[]) {
      const entry = await store.claim(id, { owner, now, leaseMs: 600_000 });
      if (entry !== undefined) claimed.push(entry.id);
    }
  }
  process.stdout.write(`${JSON.stringify(claimed)}\n`);
}
store.close();
process.exit(0);
