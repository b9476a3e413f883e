import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@smm/core/client';
import { createFakeClock } from '@smm/testkit/clock';
import { createTikTokSimulator } from '@smm/testkit/tiktok';
import { describe, expect, it } from 'vitest';
import { createTikTokAdapter } from './index.js';

type PendingPublish = Parameters<ReturnType<typeof createClient>['awaitPublish']>[0];

const root = fileURLToPath(new URL('../../../', import.meta.url));

// The independent check of issue 24: the pending handle holds the publish_id from the init on, so
// a process killed with SIGKILL while TikTok processes its video leaves one published video once a
// new process resumes from the stored pending publish.
describe('SIGKILL during processing', () => {
  it('ends with one published video after a new process resumes from the stored handle', async () => {
    // The simulator's clock starts at the real now (the child runs on the system clock) and stands
    // still until the test moves it (or, later, the resumed client waits on it): the child waits in processing.
    const clock = createFakeClock({ now: new Date().toISOString(), autoAdvance: true });
    const sim = createTikTokSimulator({ clock, seed: 5 });
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
      const line = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          const found = buffer.split('\n').find((entry) => entry.startsWith('PENDING '));
          if (found) resolve(found);
        });
        child.once('exit', (code) => reject(new Error(`the child exited (${code}) before its publish went pending: ${stderr}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      const stored = JSON.parse(line.slice('PENDING '.length)) as PendingPublish;
      expect(sim.publishes()).toHaveLength(1);
      expect(sim.publishes()[0]!.uploadedBytes).toBe(12 * 1024 * 1024);
      expect(sim.posts()).toEqual([]);

      // Time passes (TikTok finishes processing and moderation whether anyone polls or not).
      clock.advance(5 * 60_000);
      const resumed = createClient({
        adapters: [createTikTokAdapter({ baseUrl: server.url })],
        accounts: [{ platform: 'tiktok', id: sim.account.id, handle: 'creator' }],
        credentials: { [`tiktok:${sim.account.id}`]: sim.credentials },
        clock,
      });
      const published = await resumed.awaitPublish(stored);
      expect(sim.posts().map((post) => [post.id, post.text])).toEqual([[published.parts[0]!.id, 'survives SIGKILL']]);
      expect(sim.publishes()).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 60_000);
});
