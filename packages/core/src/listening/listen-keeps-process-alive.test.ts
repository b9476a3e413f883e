import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));
const entry = pathToFileURL(fileURLToPath(new URL('./index.ts', import.meta.url))).href;

// A plain script: the only mention appears after the third poll (real time, 150 ms apart).
// Nothing else keeps Node running, so only the listening loop can. Then a second stream is
// read once and left alone (no break, no stop): an idle stream must not hold the process.
const script = `
import { listen } from ${JSON.stringify(entry)};
const account = { platform: 'bluesky', id: 'alice', handle: 'alice', timeZone: 'UTC' };
const startedAt = Date.now();
let polls = 0;
const source = {
  listMentions: async () => {
    polls += 1;
    const items = polls >= 3
      ? [{ platform: 'bluesky', accountId: 'alice', id: 'late', kind: 'mention', author: { id: 'u', handle: 'u' }, text: 'hi', createdAt: new Date(startedAt + 10).toISOString() }]
      : [];
    return { items, nextCursor: null };
  },
};
const got = [];
for await (const mention of listen({ source, accounts: [account], pollEvery: 150, since: new Date(startedAt).toISOString() })) {
  got.push(mention.id);
  break;
}
const idle = listen({ source, accounts: [account], pollEvery: 150, since: new Date(startedAt).toISOString() })[Symbol.asyncIterator]();
const first = await idle.next();
console.log(JSON.stringify({ got, polls, idleFirst: first.value?.id }));
`;

describe('a running listener keeps its process alive', () => {
  it('a for-await loop waits for a mention that comes three polls later; an idle stream holds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smm-listen-'));
    const file = join(dir, 'listening.mts');
    writeFileSync(file, script);
    try {
      const child = spawn(tsx, [file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const started = performance.now();
      const code = await new Promise<number | null>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (exitCode) => {
          clearTimeout(killer);
          resolve(exitCode);
        });
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout.trim()) as { got: string[]; polls: number; idleFirst: string };
      expect(result.got).toEqual(['late']);
      expect(result.polls).toBeGreaterThanOrEqual(3);
      expect(result.idleFirst).toBe('late');
      // It ended by itself once the idle stream was left (not killed at 20 s).
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 25_000);
});
