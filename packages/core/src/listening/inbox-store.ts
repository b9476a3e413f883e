import { SmmError, type SmmErrorOptions } from '../errors/index.js';
import type { Conversation } from './conversation.js';
import type { ConversationState } from './inbox-state-error.js';
import { mentionIdKey } from './mention-keys.js';

/** A conversation as a store keeps it: the plain JSON conversation and its version. */
export type StoredConversation = Conversation & {
  /** Starts at 1; every successful `update` adds 1 (optimistic concurrency). */
  version: number;
};

/** Which conversations {@link InboxStore.list} returns; all given criteria must hold. */
export interface InboxStoreFilter {
  state?: ConversationState | ConversationState[];
  /** An agent, or `null` for unassigned conversations. */
  assignee?: string | null;
  tag?: string;
  platform?: string;
  accountId?: string;
}

/**
 * Where a shared inbox keeps its conversations — assignments, notes, state, tags, replies and
 * history are all fields of the conversation — so that several app instances (two agents on
 * two machines) see one inbox. Every write names the version it read: a store refuses a write
 * based on a stale read with {@link InboxConflictError}, and the writer reads again
 * ({@link updateConversation} does that loop). Conversations are plain JSON; a store returns
 * copies. Implementations: {@link createMemoryInboxStore} (one process); SQLite and Redis
 * implementations pass the same conformance suite (`@smm/testkit/inbox-conformance`).
 *
 * @example
 * ```ts
 * const store: InboxStore = createMemoryInboxStore();
 * await store.create(conversation);                 // version 1
 * const current = (await store.get(conversation.id))!;
 * await store.update({ ...current, assignee: 'sam', state: 'assigned' }, current.version); // version 2
 * ```
 */
export interface InboxStore {
  /** A copy of one conversation, or `undefined`. */
  get(id: string): Promise<StoredConversation | undefined>;
  /** Stores a new conversation at version 1; an existing id throws `InboxConflictError` (`actualVersion` = the stored one). */
  create(conversation: Conversation): Promise<StoredConversation>;
  /**
   * Replaces a conversation if its stored version is `expectedVersion`, and returns it at
   * `expectedVersion + 1`. A different stored version — or none — throws
   * `InboxConflictError` and changes nothing. Atomic: of two writers with the same
   * `expectedVersion`, exactly one succeeds.
   */
  update(conversation: Conversation, expectedVersion: number): Promise<StoredConversation>;
  /** Copies of the conversations that pass `filter`, most recent inbound first (then by id). */
  list(filter?: InboxStoreFilter): Promise<StoredConversation[]>;
  /**
   * The conversation holding a message (inbound item or the brand's reply) with this
   * `platform` + `id`, or `undefined` — for deduplication and threading across instances.
   */
  findMessage(platform: string, id: string): Promise<string | undefined>;
  /**
   * Links a network identity to a customer id (moving it from any other customer), so a
   * customer's conversations can be found on every network. Optional for stores written
   * before customer identities; the three shipped stores have it.
   */
  linkCustomer?(customerId: string, identity: CustomerIdentity): Promise<void>;
  /** The customer an identity is linked to, or `undefined`. */
  customerOf?(identity: CustomerIdentity): Promise<string | undefined>;
  /** Every identity linked to a customer, sorted by platform then author id (empty for an unknown customer). */
  customerIdentities?(customerId: string): Promise<CustomerIdentity[]>;
}

/** One person's account on one network: the `platform` and the `author.id` their mentions carry. */
export interface CustomerIdentity {
  platform: string;
  authorId: string;
}

/** The order of {@link InboxStore.customerIdentities}: by platform, then author id. */
export function compareIdentities(a: CustomerIdentity, b: CustomerIdentity): number {
  const key = (identity: CustomerIdentity) => [identity.platform, identity.authorId] as const;
  const [ap, aa] = key(a);
  const [bp, ba] = key(b);
  return ap < bp ? -1 : ap > bp ? 1 : aa < ba ? -1 : aa > ba ? 1 : 0;
}

const MARKER = 'smm.error.InboxConflictError';

/** Options for {@link InboxConflictError}. */
export interface InboxConflictErrorOptions extends SmmErrorOptions {
  conversationId: string;
  /** The version the writer read (`null` for a create). */
  expectedVersion: number | null;
  /** The version stored now (`null`: there is no such conversation). */
  actualVersion: number | null;
}

/**
 * A write based on a stale read: another instance changed (or created) the conversation
 * first. Read it again and redo the change — {@link updateConversation} does.
 *
 * @example
 * ```ts
 * try {
 *   await store.update(changed, read.version);
 * } catch (error) {
 *   if (InboxConflictError.isInstance(error)) console.log(`now at version ${error.actualVersion}; read it again`);
 * }
 * ```
 */
export class InboxConflictError extends SmmError {
  readonly conversationId: string;
  readonly expectedVersion: number | null;
  readonly actualVersion: number | null;

  constructor(message: string, options: InboxConflictErrorOptions) {
    super('inbox_conflict', message, options);
    SmmError.brand(this, MARKER);
    this.name = 'InboxConflictError';
    this.conversationId = options.conversationId;
    this.expectedVersion = options.expectedVersion;
    this.actualVersion = options.actualVersion;
  }

  static override isInstance(error: unknown): error is InboxConflictError {
    return SmmError.hasMarker(error, MARKER);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { conversationId: this.conversationId, expectedVersion: this.expectedVersion, actualVersion: this.actualVersion };
  }
}

/**
 * Reads a conversation, applies `change` to a copy and writes it with the version read;
 * on `InboxConflictError` reads again and re-applies, up to `attempts` times (default 5).
 * `change` must be a pure function of the conversation it gets (it may run more than once).
 *
 * @throws InboxConflictError when every attempt lost the race; `ValidationError`-style
 *   errors from `change` pass through.
 * @example
 * ```ts
 * await updateConversation(store, id, (conversation) => ({ ...conversation, tags: [...conversation.tags, 'vip'] }));
 * ```
 */
export async function updateConversation(
  store: InboxStore,
  id: string,
  change: (conversation: StoredConversation) => Conversation,
  options: { attempts?: number } = {},
): Promise<StoredConversation> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.get(id);
    if (current === undefined) {
      throw new InboxConflictError(`No conversation ${id} in the inbox store; create it first.`, {
        conversationId: id,
        expectedVersion: null,
        actualVersion: null,
      });
    }
    try {
      return await store.update(change(structuredClone(current)), current.version);
    } catch (error) {
      if (!InboxConflictError.isInstance(error) || attempt >= attempts) throw error;
    }
  }
}

/** Whether a conversation passes a filter (shared by store implementations). */
export function matchesInboxFilter(conversation: Conversation, filter: InboxStoreFilter = {}): boolean {
  const states = filter.state === undefined ? undefined : ([] as ConversationState[]).concat(filter.state);
  return (
    (states === undefined || states.includes(conversation.state)) &&
    (filter.assignee === undefined || conversation.assignee === filter.assignee) &&
    (filter.tag === undefined || conversation.tags.includes(filter.tag)) &&
    (filter.platform === undefined || conversation.platform === filter.platform) &&
    (filter.accountId === undefined || conversation.accountId === filter.accountId)
  );
}

/** The order of {@link InboxStore.list}: most recent inbound first, then by id. */
export function compareConversations(a: Conversation, b: Conversation): number {
  return Date.parse(b.lastInboundAt) - Date.parse(a.lastInboundAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An in-memory {@link InboxStore}: one process, lost with it. The reference implementation of
 * the contract (and what tests use).
 *
 * @example
 * ```ts
 * const store = createMemoryInboxStore();
 * await store.create(conversation);
 * const mine = await store.list({ assignee: 'sam', state: ['assigned', 'waiting'] });
 * ```
 */
export function createMemoryInboxStore(): InboxStore {
  const rows = new Map<string, string>(); // id → JSON, so nothing handed out aliases the store
  const messages = new Map<string, string>(); // platform + id → conversation id
  const customers = new Map<string, CustomerIdentity & { customerId: string }>(); // platform + author id → link
  const read = (id: string): StoredConversation | undefined => {
    const json = rows.get(id);
    return json === undefined ? undefined : (JSON.parse(json) as StoredConversation);
  };
  const write = (conversation: Conversation, version: number): StoredConversation => {
    const stored: StoredConversation = { ...structuredClone(conversation), version };
    rows.set(conversation.id, JSON.stringify(stored));
    for (const message of conversation.messages)
      messages.set(mentionIdKey({ platform: conversation.platform, id: message.id }), conversation.id);
    return JSON.parse(JSON.stringify(stored)) as StoredConversation;
  };
  return {
    get: async (id) => read(id),
    create: async (conversation) => {
      const existing = read(conversation.id);
      if (existing !== undefined) {
        throw new InboxConflictError(
          `Conversation ${conversation.id} already exists (version ${existing.version}); read it and update it.`,
          {
            conversationId: conversation.id,
            expectedVersion: null,
            actualVersion: existing.version,
          },
        );
      }
      return write(conversation, 1);
    },
    update: async (conversation, expectedVersion) => {
      const existing = read(conversation.id);
      if (existing === undefined || existing.version !== expectedVersion) {
        throw new InboxConflictError(
          existing === undefined
            ? `No conversation ${conversation.id} to update; create it first.`
            : `Conversation ${conversation.id} is at version ${existing.version}, not ${expectedVersion}: someone changed it; read it again.`,
          { conversationId: conversation.id, expectedVersion, actualVersion: existing?.version ?? null },
        );
      }
      const { version: _version, ...plain } = conversation as StoredConversation;
      return write(plain, expectedVersion + 1);
    },
    list: async (filter) =>
      [...rows.keys()]
        .map((id) => read(id)!)
        .filter((conversation) => matchesInboxFilter(conversation, filter))
        .sort(compareConversations),
    findMessage: async (platform, id) => messages.get(mentionIdKey({ platform, id })),
    linkCustomer: async (customerId, identity) => {
      customers.set(mentionIdKey({ platform: identity.platform, id: identity.authorId }), { ...identity, customerId });
    },
    customerOf: async (identity) => customers.get(mentionIdKey({ platform: identity.platform, id: identity.authorId }))?.customerId,
    customerIdentities: async (customerId) =>
      [...customers.values()]
        .filter((link) => link.customerId === customerId)
        .map(({ platform, authorId }) => ({ platform, authorId }))
        .sort(compareIdentities),
  };
}
