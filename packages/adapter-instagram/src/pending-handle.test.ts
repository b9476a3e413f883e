import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@smm/core/client';
import { ValidationError } from '@smm/core/adapter-kit';
import { createFakeClock } from '@smm/testkit/clock';
import { createInstagramSimulator } from '@smm/testkit/instagram';
import { describe, expect, it } from 'vitest';
import { createInstagramAdapter } from './index.js';
import { parseHandle } from './pending-handle.js';

type PendingPublish = Parameters<ReturnType<typeof createClient>['awaitPublish']>[0];

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('parseHandle', () => {
  it('reads the handles the adapter makes and refuses anything else with a ValidationError', () => {
    const handle = {
      stage: 'container',
      containerId: '17890000000000001',
      caption: 'hi',
      placement: 'feed',
      since: '2026-12-01T09:00:00.000Z',
    };
    expect(parseHandle(handle)).toEqual(handle);
    expect(() => parseHandle('17890000000000001')).toThrow(ValidationError);
    expect(() => parseHandle({ ...handle, containerId: undefined })).toThrow(ValidationError);
    expect(() => parseHandle({ ...handle, stage: 'children', children: ['1'] })).toThrow(ValidationError);
  });
});

// The independent check of issue 22: a process killed with SIGKILL while it polls a container
// leaves exactly one media once a new process resumes from the stored pending publish.
describe('SIGKILL mid-poll', () => {
  it('ends with one published media after a new process resumes from the stored handle', async () => {
    // The simulator's clock starts at the real now and stands still until the test moves it: the
    // child polls a container that stays IN_PROGRESS (60 s of processing).
    const clock = createFakeClock({ now: new Date().toISOString(), autoAdvance: true });
    const sim = createInstagramSimulator({ clock, seed: 5, imageProcessingMs: 60_000 });
    const server = await sim.listen();
    try {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(new URL('./__tests__/publish-child.ts', import.meta.url)),
          server.url,
          sim.account.id,
          JSON.stringify(sim.credentials),
        ],
        { cwd: root, env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const pendingLine = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          const lines = buffer.split('\n');
          // Kill it mid-poll: once it has the handle and has read the container at least once.
          if (lines.some((line) => line.startsWith('POLL '))) resolve(lines.find((line) => line.startsWith('PENDING '))!);
        });
        child.once('exit', (code) => reject(new Error(`the child exited (${code}) before it polled: ${stderr}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const stored = JSON.parse(pendingLine.slice('PENDING '.length)) as PendingPublish;
      expect(sim.containers.all()).toHaveLength(1);
      expect(sim.posts()).toEqual([]);

      // Time passes (Instagram finishes processing whether anyone polls or not).
      clock.advance(2 * 60_000);
      const resumed = createClient({
        adapters: [createInstagramAdapter({ baseUrl: server.url })],
        accounts: [{ platform: 'instagram', id: sim.account.id, handle: sim.account.handle }],
        credentials: { [`instagram:${sim.account.id}`]: sim.credentials },
        clock,
      });
      const published = await resumed.awaitPublish(stored);
      expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'survives SIGKILL']]);
      expect(sim.containers.all()).toHaveLength(1);
      // A second resume (the first one's result was never recorded) finds the same media.
      const again = await resumed.awaitPublish(stored);
      expect(again.parts[0]!.id).toBe(published.parts[0]!.id);
      expect(sim.posts()).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 60_000);
});
