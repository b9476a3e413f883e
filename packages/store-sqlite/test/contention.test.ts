import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { T0, scheduledFixture, tempDir } from '../src/test-fixtures.js';
import { lineReader, spawnTsx } from './spawn-tsx.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** `count` claim worker processes on one file, ready to race. */
async function startWorkers(file: string, count: number) {
  const workers = Array.from({ length: count }, (_, index) => {
    const child = spawnTsx('./claim-worker.ts', [file, `w${index}`, String(T0)]);
    cleanups.push(() => child.kill('SIGKILL'));
    return { child, out: lineReader(child) };
  });
  await Promise.all(workers.map(({ out }) => out.waitFor((line) => line === 'ready')));
  /** Sends each worker its command at once and returns what each claimed. */
  return async (command: (index: number) => string): Promise<string[][]> => {
    const seen = workers.map(({ out }) => out.lines.length);
    workers.forEach(({ child }, index) => child.stdin!.write(`${command(index)}\n`));
    const results = await Promise.all(workers.map(({ out }, index) => out.waitFor((line) => line.startsWith('['), seen[index])));
    return results.map((line) => JSON.parse(line) as string[]);
  };
}

describe('several processes on one SQLite file', () => {
  it('never claim the same entry twice, with claimDue or claim(id)', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const file = dir.file('schedule.db');
    const seed = createSqliteStore({ path: file });
    const ids = Array.from({ length: 2300 }, (_, i) => `e${String(i).padStart(4, '0')}`);
    await seed.insertMany(ids.slice(0, 2000).map((id, i) => scheduledFixture(id, T0 - 2000 + i)));
    await seed.insertMany(ids.slice(2000).map((id, i) => scheduledFixture(id, T0 + 60_000 + i)));

    const race = await startWorkers(file, 4);
    const byDue = await race(() => 'due');
    const dueClaims = byDue.flat();
    expect(new Set(dueClaims).size).toBe(dueClaims.length);
    expect([...dueClaims].sort()).toEqual(ids.slice(0, 2000));
    // More than one process got work: the claims really were concurrent.
    expect(byDue.filter((claimed) => claimed.length > 0).length).toBeGreaterThan(1);

    // Make the rest due by moving their time, then race claim(id) over them.
    for (const id of ids.slice(2000)) {
      const entry = (await seed.get(id))!;
      await seed.put({ ...entry, scheduledAt: new Date(T0 - 1).toISOString() });
    }
    // Each worker walks the ids in its own order, so claim(id) calls really collide.
    const rest = ids.slice(2000);
    const byId = await race((index) => `id ${JSON.stringify(index % 2 === 0 ? rest : [...rest].reverse())}`);
    const idClaims = byId.flat();
    expect(new Set(idClaims).size).toBe(idClaims.length);
    expect([...idClaims].sort()).toEqual(ids.slice(2000));

    const stored = await seed.query({});
    expect(stored.every((entry) => entry.lease !== null && entry.version >= 1)).toBe(true);
    seed.close();
  }, 60_000);
});
