import { describe, expect, it } from 'vitest';
import { runScript, sourceSpecifier } from '../test-helpers/run-script.js';

// A worker script: its only entry is due 300 ms after start, so at start() nothing is due and
// nothing but the scheduler could keep Node running (the test network makes no HTTP calls).
// Once the entry is published it stops the scheduler and leaves the process alone.
const script = `
import { systemClock } from ${sourceSpecifier('clock/index.ts')};
import { createMemoryStore } from ${sourceSpecifier('schedule-store/index.ts')};
import { createScheduler } from ${sourceSpecifier('scheduler/index.ts')};
import { createTestNetwork, dueEntry } from ${sourceSpecifier('scheduler/scheduler-test-network.ts')};
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

describe('a started scheduler keeps its process alive until stop()', () => {
  it('a worker script with nothing due yet waits, publishes, and exits by itself after stop()', async () => {
    const kept = await runScript(script, { args: ['true'] });
    expect(kept.stderr).toBe('');
    // "exit" last, no signal: it ended on its own, not through the 20 s SIGKILL.
    expect({ code: kept.code, signal: kept.signal }).toEqual({ code: 0, signal: null });
    expect(kept.stdout.trim().split('\n')).toEqual(['published later', 'stopped', 'exit 1']);

    // keepAlive: false is the old behaviour: the process ends while the scheduler only waits.
    const free = await runScript(script, { args: ['false'] });
    expect(free.stderr).toBe('');
    expect({ code: free.code, signal: free.signal }).toEqual({ code: 0, signal: null });
    expect(free.stdout.trim().split('\n')).toEqual(['exit 0']);
  }, 45_000);
});
