import { describe, expect, it } from 'vitest';
import { GRAPH_API_VERSION, graphApiVersionSchema, graphPath, THREADS_API_VERSION } from './api-version.js';

describe('API versions', () => {
  it("pins the newest Graph version in Meta's changelog and Threads' own v1.0", () => {
    expect(GRAPH_API_VERSION).toBe('v26.0');
    expect(THREADS_API_VERSION).toBe('v1.0');
  });

  it('accepts vNN.N and refuses anything else with a message naming the fix', () => {
    expect(graphApiVersionSchema.parse('v23.0')).toBe('v23.0');
    for (const bad of ['23.0', 'v23', 'latest', 'v23.0/']) {
      const result = graphApiVersionSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('such as v26.0');
    }
  });

  it('joins a version and a path with exactly one slash', () => {
    expect(graphPath('v26.0', '17841400008460056/media')).toBe('/v26.0/17841400008460056/media');
    expect(graphPath('v1.0', '//me/threads')).toBe('/v1.0/me/threads');
  });
});
