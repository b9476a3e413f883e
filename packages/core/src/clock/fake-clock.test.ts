import { describe, expect, it } from 'vitest';
import { createFakeClock } from './index.js';

describe('createFakeClock', () => {
  it('wakes sleepers in time order only when advanced past their time', async () => {
    const clock = createFakeClock({ now: '2026-03-01T12:00:00Z' });
    const woke: string[] = [];
    void clock.sleep(300).then(() => woke.push(`c@${clock.iso()}`));
    void clock.sleep(100).then(() => woke.push(`a@${clock.iso()}`));
    void clock.sleep(100).then(() => woke.push(`b@${clock.iso()}`));
    await clock.advance(99);
    expect(woke).toEqual([]);
    await clock.advance(1);
    expect(woke).toEqual(['a@2026-03-01T12:00:00.100Z', 'b@2026-03-01T12:00:00.100Z']);
    await clock.advance(1_000);
    expect(woke).toEqual(['a@2026-03-01T12:00:00.100Z', 'b@2026-03-01T12:00:00.100Z', 'c@2026-03-01T12:00:00.300Z']);
    expect(clock.iso()).toBe('2026-03-01T12:00:01.100Z');
  });

  it('wakes a sleeper that sleeps again within the same advance', async () => {
    const clock = createFakeClock({ now: 0 });
    const times: number[] = [];
    void (async () => {
      for (let i = 0; i < 3; i += 1) {
        await clock.sleep(10);
        times.push(clock.now());
      }
    })();
    await clock.advance(25);
    expect(times).toEqual([10, 20]);
    expect(await clock.runAll()).toBe(1);
    expect(times).toEqual([10, 20, 30]);
  });

  it('auto-advances through waits in simulated time', async () => {
    const clock = createFakeClock({ now: 1_000, autoAdvance: true });
    await clock.sleep(15 * 60_000);
    expect(clock.now()).toBe(1_000 + 15 * 60_000);
    await Promise.all([clock.sleep(500), clock.sleep(200)]);
    expect(clock.now()).toBe(1_000 + 15 * 60_000 + 500);
  });

  it('rejects a sleep when its signal aborts, and never goes backwards', async () => {
    const clock = createFakeClock({ now: 0 });
    const controller = new AbortController();
    const waiting = clock.sleep(1_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(clock.pending()).toBe(0);
    expect(() => clock.set(-1)).toThrow(/backwards/);
    expect(() => createFakeClock({ now: 'not a date' })).toThrow(/not a time/);
  });

  it('lets each sleeper due at the same instant run its work before the next one wakes', async () => {
    const clock = createFakeClock({ now: 0 });
    const log: string[] = [];
    const worker = async (name: string) => {
      await clock.sleep(50);
      log.push(`${name} woke`);
      await Promise.resolve();
      log.push(`${name} done`);
    };
    void worker('a');
    void worker('b');
    await clock.advance(50);
    expect(log).toEqual(['a woke', 'a done', 'b woke', 'b done']);
  });

  it('runs a polling loop to its end by itself with autoAdvance (what listening and scheduler tests need)', async () => {
    const clock = createFakeClock({ now: '2026-03-01T12:00:00Z', autoAdvance: true });
    const polls: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await Promise.resolve(); // work between polls
      polls.push(clock.iso());
      await clock.sleep(5 * 60_000);
    }
    expect(polls).toEqual(['2026-03-01T12:00:00.000Z', '2026-03-01T12:05:00.000Z', '2026-03-01T12:10:00.000Z', '2026-03-01T12:15:00.000Z']);
    expect(clock.pending()).toBe(0);
  });

  it('starts at 2026-01-05T09:00:00Z unless told otherwise', () => {
    expect(createFakeClock().iso()).toBe('2026-01-05T09:00:00.000Z');
    expect(createFakeClock({ now: new Date('2026-02-01T00:00:00Z') }).now()).toBe(Date.UTC(2026, 1, 1));
  });
});
