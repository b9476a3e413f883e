import { defineProject, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: 'queue-bullmq',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // One private redis-server for the whole package (see test/redis-global-setup.ts).
      globalSetup: ['test/redis-global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  }),
);
