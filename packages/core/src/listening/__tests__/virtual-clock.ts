import type { Clock } from '../../clock/index.js';

/**
 * A clock on virtual time that runs by itself: when every pending task has settled (a real
 * macrotask later), it jumps to the earliest sleeper and wakes it. Tests of polling loops
 * then take milliseconds whatever the intervals.
 */
export function createVirtualClock(start = Date.parse('2026-03-01T12:00:00.000Z')): Clock & { readonly sleeps: number } {
  let now = start;
  let sequence = 0;
  let sleeps = 0;
  const timers: Array<{ at: number; order: number; resolve: () => void }> = [];
  let scheduled = false;
  const fireNext = () => {
    scheduled = false;
    timers.sort((a, b) => a.at - b.at || a.order - b.order);
    const timer = timers.shift();
    if (timer === undefined) return;
    now = Math.max(now, timer.at);
    timer.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || timers.length === 0) return;
    scheduled = true;
    setTimeout(fireNext, 0);
  };
  return {
    now: () => now,
    get sleeps() {
      return sleeps;
    },
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        sleeps += 1;
        const timer = {
          at: now + Math.max(0, ms),
          order: sequence++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = () => {
          const index = timers.indexOf(timer);
          if (index >= 0) timers.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        schedule();
      }),
  };
}
