import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { defineAdapter, type AdapterDefinition } from './index.js';

// A valid v1.0 definition (no mention actions); each test adds the v1.1 parts.
const base = {
  platform: 'memo',
  displayName: 'Memo',
  capabilities: {
    content: { text: { id: 'memo', method: 'graphemes', maxLength: 100 }, media: { maxItems: 1, kinds: ['image'] }, threads: false },
    visibilities: ['public'],
    replies: false,
    delete: true,
    edit: false,
    polls: false,
    firstComment: false,
    nativeScheduling: false,
    directMessages: false,
    mentionKinds: ['mention'],
    postMetrics: ['likes'],
    accountMetrics: ['followers'],
    idempotency: { strategy: 'lookup' },
  },
  http: { baseUrl: 'https://memo.example' },
  credentials: { schema: z.object({ token: z.string() }), createProvider: () => ({ getHeaders: () => ({}) }) },
  doPublish: async () => ({ parts: [{ id: '1' }] }),
  doDelete: async () => {},
  doGetPost: async () => null,
  doListMentions: async () => ({ items: [], nextCursor: null }),
  doGetPostMetrics: async () => ({ metrics: {} }),
  doGetAccountMetrics: async () => ({ metrics: {} }),
  doFindPublished: async () => null,
};

function define(mentionActions: unknown, doMentionAction?: () => Promise<void>) {
  const capabilities = mentionActions === undefined ? base.capabilities : { ...base.capabilities, mentionActions };
  return defineAdapter({ ...base, capabilities, ...(doMentionAction ? { doMentionAction } : {}) } as unknown as AdapterDefinition);
}

function problems(make: () => unknown): Array<{ path: string; message: string }> {
  try {
    make();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw error;
  }
  return [];
}

describe('defineAdapter: v1.1 mention actions', () => {
  it('accepts declared actions with doMentionAction, and a v1.0 adapter with neither', () => {
    expect(define(['like', 'report-spam'], async () => {}).capabilities.mentionActions).toEqual(['like', 'report-spam']);
    expect(define(undefined).capabilities.mentionActions).toBeUndefined();
  });

  it('refuses declared actions without the operation, naming them', () => {
    expect(problems(() => define(['like', 'mute']))).toEqual([
      {
        path: 'doMentionAction',
        message: 'capabilities.mentionActions lists like, mute: implement doMentionAction, or remove mentionActions',
      },
    ]);
  });

  it('refuses the operation without declared actions (an empty list declares none)', () => {
    for (const declared of [undefined, []]) {
      expect(problems(() => define(declared, async () => {})).map((problem) => problem.path)).toEqual(['capabilities.mentionActions']);
    }
  });

  it('refuses an unknown action and a repeated one', () => {
    const unknown = problems(() => define(['like', 'retweet'], async () => {}));
    expect(unknown.map((problem) => problem.path)).toEqual(['capabilities.mentionActions.1']);
    expect(unknown[0]!.message).toContain('like, unlike, hide, unhide, delete, block, mute, report-spam');
    expect(problems(() => define(['like', 'like'], async () => {}))).toEqual([
      { path: 'capabilities.mentionActions', message: 'lists like twice: list each action once' },
    ]);
  });

  it('refuses a doMentionAction that is not a function', () => {
    const found = problems(() =>
      defineAdapter({
        ...base,
        capabilities: { ...base.capabilities, mentionActions: ['like'] },
        doMentionAction: 'yes',
      } as unknown as AdapterDefinition),
    );
    expect(found.map((problem) => problem.path).sort()).toEqual(['doMentionAction', 'doMentionAction']);
  });
});
