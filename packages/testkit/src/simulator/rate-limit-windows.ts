/** A limit on one bucket: `limit` units (requests or points) per fixed window of `windowMs`. */
export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** The state of a bucket after spending from it. */
export interface WindowState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the window resets. */
  resetAtMs: number;
  windowMs: number;
}

/** Fixed rate-limit windows keyed by bucket; a window starts at its first use. @internal */
export interface RateLimitWindows {
  /** Spends `cost` from `key`'s window (nothing when it would go below 0). */
  spend(key: string, limit: WindowLimit, cost?: number): WindowState;
  /** The state without spending. */
  peek(key: string, limit: WindowLimit): WindowState;
  /** Empties a bucket until `resetAtMs` (a 429 storm). */
  exhaust(key: string, limit: WindowLimit, resetAtMs: number): WindowState;
  clear(): void;
}

/**
 * Creates fixed rate-limit windows on a clock, for a simulator's endpoints.
 *
 * @example
 * ```ts
 * const windows = createRateLimitWindows(() => clock.now());
 * const state = windows.spend('acct:write', { limit: 100, windowMs: 15 * 60_000 });
 * if (!state.allowed) return json(429, { error: 'slow down' }, { 'x-rate-limit-reset': String(Math.ceil(state.resetAtMs / 1000)) });
 * ```
 */
export function createRateLimitWindows(now: () => number): RateLimitWindows {
  const windows = new Map<string, { used: number; start: number; resetAtMs: number }>();
  const current = (key: string, limit: WindowLimit) => {
    let window = windows.get(key);
    if (!window || now() >= window.resetAtMs) {
      window = { used: 0, start: now(), resetAtMs: now() + limit.windowMs };
      windows.set(key, window);
    }
    return window;
  };
  const state = (window: { used: number; resetAtMs: number }, limit: WindowLimit, allowed: boolean): WindowState => ({
    allowed,
    limit: limit.limit,
    remaining: Math.max(0, limit.limit - window.used),
    resetAtMs: window.resetAtMs,
    windowMs: limit.windowMs,
  });
  return {
    spend(key, limit, cost = 1) {
      const window = current(key, limit);
      if (window.used + cost > limit.limit) return state(window, limit, false);
      window.used += cost;
      return state(window, limit, true);
    },
    peek: (key, limit) => state(current(key, limit), limit, true),
    exhaust(key, limit, resetAtMs) {
      const window = { used: limit.limit, start: now(), resetAtMs };
      windows.set(key, window);
      return state(window, limit, false);
    },
    clear: () => windows.clear(),
  };
}
