import { describe, expect, it } from 'vitest';
import type { FakeClock } from '../clock/index.js';
import { createBlueskySimulator } from '../bluesky/index.js';
import { createMastodonSimulator } from '../mastodon/index.js';
import { createXSimulator } from '../x/index.js';
import { runAdapterConformance } from '../vitest/index.js';
import { runConformanceChecks, type ConformanceResult } from './index.js';
import { createReferenceBlueskyAdapter } from './__tests__/reference-bluesky-adapter.js';
import { createReferenceMastodonAdapter } from './__tests__/reference-mastodon-adapter.js';
import { createReferenceXAdapter } from './__tests__/reference-x-adapter.js';

const simulator = (clock: FakeClock) => createMastodonSimulator({ clock, seed: 5 });

// A correct adapter passes every check that applies (registered as vitest tests).
runAdapterConformance({
  name: 'reference Mastodon adapter',
  simulator,
  createAdapter: (sim) => createReferenceMastodonAdapter({ baseUrl: sim.baseUrl }),
});

// The lookup strategy, sessions created and refreshed by the adapter, points-based limits.
runAdapterConformance({
  name: 'reference Bluesky adapter',
  simulator: (clock) => createBlueskySimulator({ clock, seed: 8 }),
  createAdapter: (sim) => createReferenceBlueskyAdapter({ baseUrl: sim.baseUrl }),
});

// OAuth 2.0 refresh with rotation, chunked media upload, lookup through the own timeline.
runAdapterConformance({
  name: 'reference X adapter',
  simulator: (clock) => createXSimulator({ clock, seed: 13 }),
  createAdapter: (sim) => createReferenceXAdapter({ baseUrl: sim.baseUrl }),
});

const byName = (results: ConformanceResult[], fragment: string) => {
  const result = results.find((entry) => entry.name.includes(fragment));
  if (!result) throw new Error(`no check named like "${fragment}"`);
  return result;
};

describe('the conformance suite catches broken adapters', () => {
  it('fails an adapter that reports a metric the network did not report as 0, naming it', async () => {
    const results = await runConformanceChecks({
      name: 'zero metrics',
      simulator,
      createAdapter: (sim) => createReferenceMastodonAdapter({ baseUrl: sim.baseUrl, zeroForMissingMetrics: true }),
    });
    const metrics = byName(results, 'post metrics');
    expect(metrics.status).toBe('failed');
    expect(metrics.message).toContain('quotes = 0 from "quotes_count"');
    expect(metrics.message).toContain('must be absent, never 0');
    // Everything else still passes: the failure is pinned on the broken behaviour.
    expect(results.filter((result) => result.status === 'failed').map((result) => result.name)).toEqual([metrics.name]);
  });

  it('fails an adapter that double-posts when a publish is retried, naming the duplicate', async () => {
    const results = await runConformanceChecks({
      name: 'double post',
      simulator,
      createAdapter: (sim) => createReferenceMastodonAdapter({ baseUrl: sim.baseUrl, ignoreIdempotencyKey: true }),
    });
    const idempotent = byName(results, 'idempotent');
    expect(idempotent.status).toBe('failed');
    expect(idempotent.message).toContain('2 posts with the same text exist');
    expect(idempotent.message).toContain('native-key');
  });

  it('passes the same adapter when it reports quotes the network does report (Mastodon 4.5+)', async () => {
    const results = await runConformanceChecks({
      name: 'quotes reported',
      simulator: (clock) => createMastodonSimulator({ clock, seed: 5, quotes: true }),
      createAdapter: (sim) => createReferenceMastodonAdapter({ baseUrl: sim.baseUrl, zeroForMissingMetrics: true }),
    });
    expect(byName(results, 'post metrics').status).toBe('passed');
  });
});
