/**
 * Time as smm sees it. Everything that waits or reads the time takes a `Clock`, so tests and
 * the demo can run on a fake or accelerated clock (`@smm/testkit`'s `createFakeClock`).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /**
   * Resolves after `ms` milliseconds of this clock's time; rejects with the signal's reason
   * as soon as `signal` aborts. Its timers never keep the process alive.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * The real clock: `Date.now()` and unref'd timers.
 *
 * @example
 * ```ts
 * await systemClock.sleep(250);
 * console.log(new Date(systemClock.now()).toISOString());
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        Math.max(0, ms),
      );
      // Never keep a process alive just to wait (Node and Deno timers have unref; browsers do not).
      (timer as unknown as { unref?: () => void }).unref?.();
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
