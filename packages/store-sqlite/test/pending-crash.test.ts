// Issue 16's pending-publish crash check with the SQLite store: a scheduler worker *process*
// whose publish is pending (a container the network is still processing) is SIGKILLed while it
// polls; a restarted worker resumes from the handle stored on the entry. The entry must end
// `published` with exactly one post (and one container) on the network.
import { afterEach, describe, expect, it } from 'vitest';
import { parsePostDraft } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';
import { createContainerNetworkSimulator } from '@smm/testkit/container-network';
import { createSqliteStore } from '../src/index.js';
import { tempDir } from '../src/test-fixtures.js';
import { lineReader, spawnTsx } from './spawn-tsx.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('pending publish across a crash (SQLite store, worker processes)', () => {
  it('SIGKILL mid-poll, restart: the entry ends published with exactly one post on the network', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = dir.file('schedule.db');
    const store = createSqliteStore({ path: file });
    cleanups.push(() => store.close());
    // The container is ready 10 s (real time) after it is created: long enough to kill the
    // first worker while it polls even on a busy machine (at 4 s a slow worker once saw it
    // finished before its second poll), short enough for the second worker to finish it.
    const sim = createContainerNetworkSimulator({ finishAfter: { ms: 10_000 } });
    const server = await sim.listen();
    cleanups.push(() => server.close());
    const at = new Date().toISOString();
    const entry: CalendarEntry = {
      id: 'pending-1',
      accountKey: `containers:${sim.account.id}`,
      platform: 'containers',
      accountId: sim.account.id,
      draft: parsePostDraft({ text: 'post pending-1' }),
      status: 'scheduled',
      version: 0,
      scheduledAt: at,
      placement: 'pinned',
      createdAt: at,
      updatedAt: at,
      history: [{ from: null, to: 'scheduled', at, by: 'crash-test' }],
      approvals: [],
      hold: null,
      lease: null,
    };
    await store.insert(entry);

    const start = (owner: string) => {
      const child = spawnTsx('./pending-scheduler-worker.ts', [file, server.url, owner, sim.account.id]);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const out = lineReader(child);
      cleanups.push(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      });
      return { child, exited, out };
    };

    const first = start('worker-a');
    // Mid-poll: the handle is stored and at least one status read reached the network.
    await first.out
      .waitFor((line) => line.startsWith('progress pending-1 1'))
      .catch((error) => {
        throw new Error(`${String(error)}\nstdout: ${first.out.lines.join(' | ')}`);
      });
    const stored = await store.get('pending-1');
    expect(stored?.status).toBe('publishing');
    expect(stored?.pendingPublish?.handle).toBe('c1');
    expect(sim.requests.some((r) => r.method === 'GET' && r.path === '/v1/containers/c1')).toBe(true);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(sim.posts()).toEqual([]);

    const second = start('worker-b');
    await second.out.waitFor((line) => line === 'published pending-1');
    const done = (await store.get('pending-1'))!;
    expect(done.status).toBe('published');
    expect(done.pendingPublish).toBeUndefined();
    // One container, one create, one post: the restart resumed, it did not publish again.
    expect(sim.containers().map((c) => [c.id, c.status])).toEqual([['c1', 'PUBLISHED']]);
    expect(sim.requests.filter((r) => r.method === 'POST' && r.path === '/v1/containers')).toHaveLength(1);
    const posts = sim.posts().filter((post) => !post.deleted);
    expect(posts.map((post) => post.id)).toEqual([done.published!.parts[0]!.id]);
    // The second worker is the one that resumed and finished it.
    expect(done.history.at(-1)).toMatchObject({ from: 'publishing', to: 'published', by: 'worker-b' });
  }, 60_000);
});
