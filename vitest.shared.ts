import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

/**
 * Shared by every test project: `@smm/<pkg>` and `@smm/<pkg>/<module>` resolve to the
 * package's source, so tests run against what is being edited without a build first.
 * (The examples run against the built packages, as users get them.)
 */
export const sharedConfig: ViteUserConfig = {
  resolve: {
    alias: [
      { find: /^@smm\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/index.ts` },
      { find: /^@smm\/([a-z0-9-]+)\/([a-z0-9-]+)$/, replacement: `${packages}$1/src/$2/index.ts` },
    ],
  },
};
