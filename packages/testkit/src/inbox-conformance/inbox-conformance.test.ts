import { createMemoryInboxStore, InboxConflictError, type InboxStore } from '@smm/core/listening';
import { describe, expect, it } from 'vitest';
import { inboxConformanceChecks, runInboxConformanceChecks, sharedInboxChecks } from './index.js';

// The reference store must pass every check.
describe('memory inbox store', () => {
  for (const { name, run } of inboxConformanceChecks({ name: 'memory inbox store', createStore: () => createMemoryInboxStore() })) {
    it(name, run);
  }
});

describe('shared inbox over the memory store', () => {
  const checks = sharedInboxChecks({
    name: 'memory',
    openPair: async () => {
      const store = createMemoryInboxStore();
      return { first: store, second: store, close: () => undefined };
    },
  });
  for (const { name, run } of checks) it(name, run);

  it('fails when the store lets a stale claim through (last writer wins)', async () => {
    const [concurrent] = sharedInboxChecks({
      name: 'broken',
      openPair: async () => {
        const inner = createMemoryInboxStore();
        const broken: InboxStore = {
          ...inner,
          // Whatever version the writer read, write over the stored one.
          async update(conversation) {
            for (;;) {
              try {
                return await inner.update(conversation, (await inner.get(conversation.id))!.version);
              } catch (error) {
                if (!InboxConflictError.isInstance(error)) throw error;
              }
            }
          },
        };
        return { first: broken, second: broken, close: () => undefined };
      },
    }).filter((check) => check.name.includes('replying at once'));
    await expect(concurrent!.run()).rejects.toThrow(/expected one reply on the network, got 2/);
  });
});

// Broken stores: each breaks one promise of the contract; the suite must say which.
function broken(overrides: (inner: InboxStore) => Partial<InboxStore>): () => InboxStore {
  return () => {
    const inner = createMemoryInboxStore();
    return { ...inner, ...overrides(inner) };
  };
}

async function failures(createStore: () => InboxStore): Promise<string[]> {
  const results = await runInboxConformanceChecks({ name: 'broken', createStore });
  return results.filter((result) => result.status === 'failed').map((result) => result.name.replace('broken: ', ''));
}

describe('inbox conformance catches broken stores', () => {
  it('an update that ignores the version (last writer wins)', async () => {
    const failed = await failures(
      broken((inner) => ({
        async update(conversation) {
          // Whatever version the writer read, write over the stored one.
          for (;;) {
            const current = await inner.get(conversation.id);
            try {
              return await inner.update(conversation, current?.version ?? 1);
            } catch (error) {
              if (!InboxConflictError.isInstance(error) || current === undefined) throw error;
            }
          }
        },
      })),
    );
    expect(failed).toEqual(
      expect.arrayContaining([
        'update with a stale version, or of a missing conversation, is refused and changes nothing',
        'of two instances writing the same version, exactly one wins; the loser sees the winner',
      ]),
    );
  });

  it('a list that forgets the order and a findMessage that only knows first messages', async () => {
    const failed = await failures(
      broken((inner) => {
        const first = new Map<string, string>();
        return {
          list: async (filter) => (await inner.list(filter)).reverse(),
          create: async (conversation) => {
            first.set(`${conversation.platform}:${conversation.messages[0]?.id}`, conversation.id);
            return inner.create(conversation);
          },
          findMessage: async (platform, id) => first.get(`${platform}:${id}`),
        };
      }),
    );
    expect(failed).toContain('list filters by state, assignee (null = unassigned), tag, platform and account, most recent inbound first');
    expect(failed).toContain('findMessage finds the conversation of every inbound item and reply, including ones added by update');
  });

  it('a create that overwrites, reporting a plain Error', async () => {
    const failed = await failures(
      broken((inner) => ({
        async create(conversation) {
          if (await inner.get(conversation.id)) throw new Error('exists');
          return inner.create(conversation);
        },
      })),
    );
    expect(failed).toEqual(['create refuses an existing id with InboxConflictError and keeps the stored conversation']);
    expect(InboxConflictError.isInstance(new Error('x'))).toBe(false);
  });

  it('a store written before customer identities', async () => {
    const failed = await failures(broken(() => ({ linkCustomer: undefined, customerOf: undefined, customerIdentities: undefined })));
    expect(failed).toEqual(['customer identities: linked from one instance, found from the other, moved on relink, sorted']);
  });
});
