/**
 * Kinds of faults a simulator can inject. `drop-after-send`: the network acts, the answer is
 * lost. `cut-mid-body`: the connection is cut while the request body is still arriving, so the
 * network never sees the request (served by `listen()`: half the body is read, then the socket
 * is destroyed; through `fetch`/msw the request fails unseen).
 */
export type FaultKind = '429-storm' | '5xx' | 'timeout' | 'malformed-json' | 'expired-token' | 'drop-after-send' | 'cut-mid-body';

/** What a fault matches: a substring of `"METHOD /path"`, a RegExp on it, or a predicate. */
export type FaultMatch = string | RegExp | ((request: { method: string; path: string }) => boolean);

/** A fault to inject. */
export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it hits (default 1). */
  count?: number;
  /** Which requests (default: every request). */
  match?: FaultMatch;
  /** For `5xx`: the status (default 503). */
  status?: number;
  /** For `429-storm`: when the window resets, in ms from now (default 60 000). */
  resetInMs?: number;
}

/** An injected fault with its remaining count. */
export interface ActiveFault extends Required<Pick<FaultSpec, 'kind'>> {
  remaining: number;
  match?: FaultMatch;
  status?: number;
  resetInMs?: number;
}

/** The fault-injection API of a simulator (`sim.faults`). */
export interface FaultInjector {
  /** Makes the next `count` matching requests fail this way. */
  inject(spec: FaultSpec): void;
  /** Removes every pending fault. */
  clear(): void;
  /** Faults still waiting to hit. */
  pending(): readonly ActiveFault[];
  /** Takes the first fault that matches this request (decrementing its count). @internal */
  take(request: { method: string; path: string }): ActiveFault | undefined;
}

const KINDS: readonly FaultKind[] = ['429-storm', '5xx', 'timeout', 'malformed-json', 'expired-token', 'drop-after-send', 'cut-mid-body'];

function matches(match: FaultMatch | undefined, request: { method: string; path: string }): boolean {
  if (match === undefined) return true;
  const line = `${request.method} ${request.path}`;
  if (typeof match === 'string') return line.includes(match);
  if (match instanceof RegExp) return match.test(line);
  return match(request);
}

/**
 * Creates a fault injector (every simulator has one as `sim.faults`).
 *
 * @example
 * ```ts
 * const faults = createFaultInjector();
 * faults.inject({ kind: '5xx', count: 2, match: 'GET /v1/posts' });
 * faults.take({ method: 'GET', path: '/v1/posts/1' })?.kind; // '5xx'
 * ```
 */
export function createFaultInjector(): FaultInjector {
  let faults: ActiveFault[] = [];
  return {
    inject(spec) {
      if (!KINDS.includes(spec.kind)) throw new TypeError(`faults.inject: kind must be one of ${KINDS.join(', ')}`);
      const count = spec.count ?? 1;
      if (!Number.isInteger(count) || count < 1) throw new RangeError('faults.inject: count must be a whole number, 1 or more');
      faults.push({ kind: spec.kind, remaining: count, match: spec.match, status: spec.status, resetInMs: spec.resetInMs });
    },
    clear() {
      faults = [];
    },
    pending: () => faults.filter((fault) => fault.remaining > 0),
    take(request) {
      const fault = faults.find((entry) => entry.remaining > 0 && matches(entry.match, request));
      if (!fault) return undefined;
      fault.remaining -= 1;
      faults = faults.filter((entry) => entry.remaining > 0);
      return fault;
    },
  };
}
