import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const here = (file: string) => JSON.stringify(pathToFileURL(fileURLToPath(new URL(file, import.meta.url))).href);

// A worker script: its only entry is due 300 ms after start, so at start() nothing is due and
// nothing but the scheduler could keep Node running (the test network makes no HTTP calls).
// Once the entry is published it stops the scheduler and leaves the process alone.
const script = `
import { systemClock } from ${here('../clock/index.ts')};
import { createMemoryStore } from ${here('../schedule-store/index.ts')};
import { createScheduler } from ${here('./index.ts')};
import { createTestNetwork, dueEntry } from ${here('./scheduler-test-network.ts')};
const keepAlive = process.argv[2] === 'true';
const network = createTestNetwork({ clock: systemClock, strategy: 'lookup' });
const store = createMemoryStore();
await store.insert(dueEntry('later', new Date(Date.now() + 300).toISOString()));
const scheduler = createScheduler({ store, client: network.client, pollIntervalMs: 50, keepAlive });
scheduler.on('entry-published', ({ entry }) => {
  console.log('published ' + entry.id);
  void scheduler.stop().then(() => console.log('stopped'));
});
process.on('exit', () => console.log('exit ' + network.posts.length));
scheduler.start();
`;

async function runWorker(file: string, keepAlive: boolean): Promise<{ code: number | null; lines: string[]; stderr: string }> {
  const child = spawn(tsx, [file, String(keepAlive)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (exitCode) => {
      clearTimeout(killer);
      resolve(exitCode);
    });
  });
  return { code, lines: stdout.trim().split('\n'), stderr };
}

describe('a started scheduler keeps its process alive until stop()', () => {
  it('a worker script with nothing due yet waits, publishes, and exits by itself after stop()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smm-scheduler-alive-'));
    const file = join(dir, 'worker.mts');
    writeFileSync(file, script);
    try {
      const kept = await runWorker(file, true);
      expect(kept.stderr).toBe('');
      // Exit code 0 with "exit" last: it ended on its own, not through the 20 s SIGKILL.
      expect(kept).toMatchObject({ code: 0, lines: ['published later', 'stopped', 'exit 1'] });

      // keepAlive: false is the old behaviour: the process ends while the scheduler only waits.
      const free = await runWorker(file, false);
      expect(free.stderr).toBe('');
      expect(free).toMatchObject({ code: 0, lines: ['exit 0'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 45_000);
});
