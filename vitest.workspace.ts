/**
 * The test projects: one per package, each with its own `vitest.config.ts`, plus the example
 * custom adapter (its conformance test proves docs/writing-an-adapter.md works).
 * Vitest 4 no longer reads this file by itself; `vitest.config.ts` imports it.
 */
export default ['packages/*', 'examples/custom-adapter'];
