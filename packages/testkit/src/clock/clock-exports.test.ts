import { createFakeClock as coreFakeClock } from '@smm/core/clock';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from './index.js';

describe('@smm/testkit/clock', () => {
  it("re-exports core's fake clock rather than a copy of it", () => {
    expect(createFakeClock).toBe(coreFakeClock);
  });
});
