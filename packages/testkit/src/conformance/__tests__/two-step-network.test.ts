import { describe, expect, it } from 'vitest';
import { runConformanceChecks } from '../index.js';
import { createStepperAdapter, createStepperSimulator } from './two-step-network.js';

const IDEMPOTENT = 'publishing is idempotent: a retry after a lost answer never creates a duplicate';

describe('the idempotency check loses the answer to every creating request of a multi-step publish', () => {
  it('fails a two-step adapter whose lookup never finds anything, naming the second step', async () => {
    const results = await runConformanceChecks({
      name: 'stepper, broken lookup',
      simulator: (clock) => createStepperSimulator({ clock }),
      createAdapter: (sim) => createStepperAdapter({ baseUrl: sim.baseUrl, brokenLookup: true }),
    });
    const idempotent = results.find((result) => result.name === IDEMPOTENT)!;
    expect(idempotent.status).toBe('failed');
    // Losing the container's answer is harmless (an unpublished container); losing the publish's is not.
    expect(idempotent.message).toContain('step 2 of 2 (POST /v1/threads_publish): 2 posts with the same text exist');
    expect(idempotent.message).toContain('the lookup strategy did not prevent a duplicate');
    // The failure is pinned on the lookup: every other check passes or is skipped.
    expect(results.filter((result) => result.status === 'failed').map((result) => result.name)).toEqual([IDEMPOTENT]);
  });

  it('passes the same adapter with a lookup that finds the published post', async () => {
    const results = await runConformanceChecks({
      name: 'stepper',
      simulator: (clock) => createStepperSimulator({ clock }),
      createAdapter: (sim) => createStepperAdapter({ baseUrl: sim.baseUrl }),
    });
    expect(results.filter((result) => result.status === 'failed')).toEqual([]);
    expect(results.find((result) => result.name === IDEMPOTENT)!.status).toBe('passed');
  });
});
