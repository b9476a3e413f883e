import type { Mention } from '../../model/index.js';

/** Builds a mention for tests; only what a test cares about needs to be given. */
export function mention(overrides: Partial<Mention> & { id: string }): Mention {
  return {
    platform: 'bluesky',
    accountId: 'acct-1',
    kind: 'mention',
    author: { id: `author-${overrides.id}`, handle: `user${overrides.id}` },
    text: `hello ${overrides.id}`,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
