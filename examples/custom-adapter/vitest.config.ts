import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// The example adapter's tests run with the repository's tests (`npx vitest run --project custom-adapter`).
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'custom-adapter',
      include: ['**/*.test.ts'],
    },
  }),
);
