import type { RateLimitState, RateLimitStore } from './types.js';

/**
 * The default {@link RateLimitStore}: a Map in memory. It holds no timers at all (expired
 * windows are recognised when read), so it never keeps a process alive. Share one instance
 * between clients of the same account to make them plan together.
 *
 * @example
 * ```ts
 * const rateLimitStore = createMemoryRateLimitStore();
 * const a = createHttpClient({ platform: 'x', accountId: '12', rateLimitStore });
 * const b = createHttpClient({ platform: 'x', accountId: '12', rateLimitStore });
 * ```
 */
export function createMemoryRateLimitStore(): RateLimitStore {
  const states = new Map<string, RateLimitState>();
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
    entries: () => [...states].map(([key, state]): [string, RateLimitState] => [key, { ...state }]),
  };
}
