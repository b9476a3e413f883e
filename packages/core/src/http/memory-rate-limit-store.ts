import { reserveInPlace, settleInPlace } from './rate-limit-record.js';
import type { RateLimitRecord, RateLimitStore } from './types.js';

/**
 * The default {@link RateLimitStore}: a Map in memory. It holds no timers at all (expired
 * windows are recognised when read), so it never keeps a process alive. Share one instance
 * between clients of the same account to make them plan together. Its `reserve` and `settle`
 * run at once on the stored record itself (nothing can interleave within one process), without
 * the copies a read and a write would make.
 *
 * @example
 * ```ts
 * const rateLimitStore = createMemoryRateLimitStore();
 * const a = createHttpClient({ platform: 'x', accountId: '12', rateLimitStore });
 * const b = createHttpClient({ platform: 'x', accountId: '12', rateLimitStore });
 * ```
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  // `reserve` and `settle` change the stored records in place: what they return is the live
  // record (the planner only reads it); `get` and `entries` return copies.
  const states = new Map<string, RateLimitRecord>();
  return {
    get: (key) => {
      const state = states.get(key);
      return state && { ...state };
    },
    set: (key, state) => {
      states.set(key, { ...state });
    },
    delete: (key) => {
      states.delete(key);
    },
    entries: () => [...states].map(([key, state]): [string, RateLimitRecord] => [key, { ...state }]),
    reserve: (key, request) => {
      const stored = states.get(key);
      const result = reserveInPlace(key, stored, request);
      if (result.record !== stored && (result.granted || result.changed)) states.set(key, result.record);
      return result;
    },
    settle: (key, report) => {
      const stored = states.get(key);
      const result = settleInPlace(key, stored, report);
      if (result.record === undefined) {
        if (stored) states.delete(key);
      } else if (result.record !== stored) states.set(key, result.record);
      return result;
    },
  };
}
