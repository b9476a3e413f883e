import type { ConformanceResult } from './conformance-checks.js';

/**
 * How a store suite gets its stores: a fresh one per check, an optional second handle on the
 * same data (another connection) for the concurrency checks, and clean-up.
 */
export interface StoreHandles<TStore> {
  /** A fresh, empty store; called once per check. */
  createStore(): Promise<TStore> | TStore;
  /** Closes a store made by `createStore` (and deletes its data) after each check. */
  destroyStore?(store: TStore): Promise<void> | void;
  /**
   * A second handle on the SAME data — another connection, another process's view — used by
   * the concurrency checks. Default: the same object. Closed by `destroyStore` if you pass it.
   */
  openSecondHandle?(store: TStore): Promise<TStore> | TStore;
}

/** Options of a store conformance suite: its name and how it gets its stores. */
export interface StoreSuiteOptions<TStore> extends StoreHandles<TStore> {
  /** The suite's name, e.g. `'@smm/store-sqlite'`. */
  name: string;
}

/** One check of a store conformance suite. */
export interface StoreSuiteCheck {
  name: string;
  /** Runs the check against a fresh store (created and destroyed through the suite's options). */
  run(): Promise<void>;
}

/**
 * `Name: message` of a thrown value, for a failed check's report.
 *
 * @example
 * ```ts
 * describeError(new TypeError('boom')); // 'TypeError: boom'
 * ```
 */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs `body` against a fresh store and its second handle (the same store when the suite gives
 * none), then destroys both, even when the body or the second handle's opening throws.
 *
 * @example
 * ```ts
 * await withStoreHandles(options, async (store, second) => { … });
 * ```
 */
export async function withStoreHandles<TStore>(
  handles: StoreHandles<TStore>,
  body: (store: TStore, second: TStore) => Promise<void>,
): Promise<void> {
  const store = await handles.createStore();
  let second: TStore | undefined;
  try {
    second = handles.openSecondHandle ? await handles.openSecondHandle(store) : store;
    await body(store, second);
  } finally {
    if (second !== undefined && second !== store) await handles.destroyStore?.(second);
    await handles.destroyStore?.(store);
  }
}

/**
 * Runs checks one after another and reports each as passed or failed (never throws for a
 * failed check), as the store suites' `run*ConformanceChecks` do.
 *
 * @example
 * ```ts
 * const results = await collectCheckResults(storeConformanceChecks(options));
 * ```
 */
export async function collectCheckResults(checks: ReadonlyArray<{ name: string; run(): Promise<void> }>): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const { name, run } of checks) {
    try {
      await run();
      results.push({ name, status: 'passed' });
    } catch (error) {
      results.push({ name, status: 'failed', message: describeError(error), error });
    }
  }
  return results;
}
