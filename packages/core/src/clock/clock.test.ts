import { describe, expect, it } from 'vitest';
import { systemClock } from './index.js';

describe('systemClock', () => {
  it('sleeps at least the given time', async () => {
    const started = performance.now();
    await systemClock.sleep(20);
    expect(performance.now() - started).toBeGreaterThanOrEqual(15);
  });

  it('rejects at once with the abort reason', async () => {
    const controller = new AbortController();
    const waiting = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(systemClock.sleep(10, controller.signal)).rejects.toThrow('stop');
  });
});
