import { describe, expect, it } from 'vitest';
import { runScript, sourceSpecifier } from '../test-helpers/run-script.js';

// A plain script: the only mention appears after the third poll (real time, 150 ms apart).
// Nothing else keeps Node running, so only the listening loop can. Then a second stream is
// read once and left alone (no break, no stop): an idle stream must not hold the process.
const script = `
import { listen } from ${sourceSpecifier('listening/index.ts')};
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
    const { code, signal, stdout, stderr } = await runScript(script);
    expect(stderr).toBe('');
    // It ended by itself once the idle stream was left (not killed at 20 s).
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const result = JSON.parse(stdout.trim()) as { got: string[]; polls: number; idleFirst: string };
    expect(result.got).toEqual(['late']);
    expect(result.polls).toBeGreaterThanOrEqual(3);
    expect(result.idleFirst).toBe('late');
  }, 25_000);
});
