/**
 * The test projects: one per package, each with its own `vitest.config.ts`.
 * Vitest 4 no longer reads this file by itself; `vitest.config.ts` imports it.
 */
export default ['packages/*'];
