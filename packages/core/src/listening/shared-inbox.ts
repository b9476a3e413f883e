import { z } from 'zod';
import { systemClock } from '../clock/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';
import type { Conversation, InboxItem, InternalNote, ReplyContent, ReplyOptions, ResponsePair } from './conversation.js';
import {
  addInbound,
  applyAction,
  countStates,
  defaultConversationId,
  inboundOf,
  makeNote,
  newConversation,
  planReply,
  previewReply,
  recordReply,
  replyInProgress,
  responsePairsOf,
  responseTimeInputOf,
  sendReply,
  unknownConversation,
  type ConversationAction,
} from './conversation-ops.js';
import { InboxOptionsSchema, type InboxOptions } from './inbox.js';
import { compileRouting, type Route, type RoutingRule } from './inbox-routing.js';
import { parseSlaPolicy, slaStatusOf, type SlaPolicy, type SlaStatus } from './inbox-sla.js';
import {
  createMemoryInboxStore,
  InboxConflictError,
  updateConversation,
  type CustomerIdentity,
  type InboxStore,
  type InboxStoreFilter,
  type StoredConversation,
} from './inbox-store.js';
import type { ConversationState } from './inbox-state-error.js';
import { matchesQuery, parseQuery } from './query.js';

/** Options for {@link createSharedInbox}: those of `createInbox`, plus where the inbox lives and how it is worked. */
export interface SharedInboxOptions extends InboxOptions {
  /** Where conversations live; instances over one store see one inbox. Default: a new in-memory store. */
  store?: InboxStore;
  /** Routing rules, tried in order at ingest when a conversation is created: the first match wins. */
  routing?: RoutingRule[];
  /** Response targets in business time, for {@link SharedInbox.sla} and {@link SharedInbox.slaBreaches}. */
  sla?: SlaPolicy;
  /** How long a reply claim holds before another instance may take over (an instance that died mid-send). Default 120 000 ms. */
  replyClaimTtlMs?: number;
  /** How many times a write is retried after another instance changed the conversation first. Default 10. */
  attempts?: number;
}

/** What {@link SharedInbox.search} and bulk actions select; every given criterion must hold. */
export interface InboxSearch extends InboxStoreFilter {
  /** A listening query (`refund* AND NOT giveaway`, `network:x`, `lang:ro`) matched against every message. */
  text?: string;
  /** The team a routing rule gave it. */
  team?: string;
}

/** A bulk action, applied to each selected conversation with its own optimistic check. */
export type BulkAction = ConversationAction | { type: 'tag'; tags: string[]; by?: string } | { type: 'untag'; tags: string[]; by?: string };

/** The outcome of a bulk action for one id: one failure does not stop the others. */
export type BulkResult = { id: string; ok: true; conversation: StoredConversation } | { id: string; ok: false; error: unknown };

/** The result of {@link SharedInbox.ingest}. */
export interface SharedIngestResult {
  conversation: StoredConversation;
  /** The item was already in the inbox (same platform + id, filed by any instance): nothing changed. */
  duplicate: boolean;
  created: boolean;
}

/**
 * The shared inbox; see {@link createSharedInbox}. Every method reads and writes the store.
 *
 * @example
 * ```ts
 * const mine = await inbox.search({ assignee: 'dana', state: ['assigned', 'waiting'] });
 * ```
 */
export interface SharedInbox {
  readonly store: InboxStore;
  /** Files an item (deduplicated across instances), routing a new conversation to its team. */
  ingest(item: InboxItem): Promise<SharedIngestResult>;
  get(id: string): Promise<StoredConversation | undefined>;
  /** The conversations that pass `filter`, most recent inbound first. */
  conversations(filter?: InboxStoreFilter): Promise<StoredConversation[]>;
  /** Search by text (the listening query language), state, team, tag, assignee, platform. */
  search(search: InboxSearch): Promise<StoredConversation[]>;
  counts(): Promise<Record<ConversationState, number>>;
  assign(id: string, assignee: string, options?: { by?: string }): Promise<StoredConversation>;
  unassign(id: string, options?: { by?: string }): Promise<StoredConversation>;
  markWaiting(id: string, options?: { by?: string }): Promise<StoredConversation>;
  resolve(id: string, options?: { by?: string }): Promise<StoredConversation>;
  reopen(id: string, options?: { by?: string }): Promise<StoredConversation>;
  /** Adds tags (ignoring ones it has). */
  tag(id: string, tags: string[], options?: { by?: string }): Promise<StoredConversation>;
  /** Marks one inbound item done — no answer needed — without resolving the conversation; SLA timers skip it. */
  complete(id: string, messageId: string, options?: { by?: string }): Promise<StoredConversation>;
  addNote(id: string, note: { author: string; text: string }): Promise<InternalNote>;
  renderReply(id: string, content: ReplyContent, options?: { by?: string }): Promise<string>;
  /**
   * Sends a reply once: the conversation is claimed in the store first (a version-checked
   * write), so of two agents on two instances only one reaches the network; the other gets
   * `ReplyInProgressError`.
   */
  reply(id: string, content: ReplyContent, options?: ReplyOptions): Promise<StoredConversation>;
  /** Applies `action` to each id (or each conversation `search` selects); per-id results, in order. */
  bulk(target: readonly string[] | InboxSearch, action: BulkAction): Promise<BulkResult[]>;
  /** Where one conversation stands against its response target (needs the `sla` option). */
  sla(id: string): Promise<SlaStatus>;
  /** Conversations breached or about to breach (or with at most `withinMs` business ms left), soonest due first. */
  slaBreaches(options?: { withinMs?: number }): Promise<SlaStatus[]>;
  /** Links network identities to one customer id (an identity moves from any other customer). */
  linkCustomer(customerId: string, identities: CustomerIdentity[]): Promise<void>;
  /** Every conversation of a customer on every network, newest inbound first. */
  customerHistory(customer: string | CustomerIdentity): Promise<StoredConversation[]>;
  responsePairs(): Promise<ResponsePair[]>;
  responseTimeInput(): Promise<ReturnType<typeof responseTimeInputOf>>;
}

const SharedOptionsSchema = InboxOptionsSchema.extend({
  store: z
    .custom<InboxStore>((value) => typeof (value as InboxStore | null)?.update === 'function', { error: 'must be an InboxStore' })
    .optional(),
  routing: z.array(z.unknown()).optional(),
  sla: z.unknown().optional(),
  replyClaimTtlMs: z.number().int().positive({ error: 'must be a positive number of ms' }).optional(),
  attempts: z.number().int().min(1, { error: 'must be at least 1' }).optional(),
});

/**
 * A durable, shared inbox: the `createInbox` workflow (conversations, states, notes, saved
 * replies, response stamps) over an {@link InboxStore}, so every app instance over one store —
 * SQLite file, Redis — sees one inbox. Every change is a version-checked write retried on
 * `InboxConflictError`; ingest deduplicates through the store; a reply is claimed in the store
 * before it is sent, so it goes out once. Adds routing rules, SLA timers in business hours,
 * search and bulk actions, per-item completion and a customer's history across networks.
 *
 * @throws ValidationError for bad options (a routing rule without team, a bad SLA, …).
 * @example
 * ```ts
 * const inbox = createSharedInbox({
 *   accounts,
 *   sender: replySenderFromClient(client),
 *   store: createSqliteInboxStore({ path: './inbox.db' }),
 *   routing: [{ id: 'complaints', intents: ['complaint'], team: 'care', assignees: ['dana', 'sam'] }],
 *   sla: { businessHours, firstResponseMs: 60 * 60_000 },
 * });
 * await inbox.ingest(rules.tag(mention));
 * for (const late of await inbox.slaBreaches()) console.log(late.conversationId, late.state, late.dueAt);
 * ```
 */
export function createSharedInbox(options: SharedInboxOptions): SharedInbox {
  const parsed = parseWithSchema(SharedOptionsSchema, options, 'createSharedInbox options');
  const clock = parsed.clock ?? systemClock;
  const store = parsed.store ?? createMemoryInboxStore();
  const savedReplies = parsed.savedReplies ?? {};
  const attempts = parsed.attempts ?? 10;
  const claimTtlMs = parsed.replyClaimTtlMs ?? 120_000;
  const router = options.routing === undefined ? undefined : compileRouting(options.routing);
  const sla = options.sla === undefined ? undefined : parseSlaPolicy(options.sla);
  const nowIso = () => new Date(clock.now()).toISOString();

  const read = async (id: string): Promise<StoredConversation> => {
    const conversation = await store.get(id);
    if (conversation === undefined) throw unknownConversation(id);
    return conversation;
  };
  const change = async (id: string, apply: (conversation: StoredConversation) => void): Promise<StoredConversation> => {
    await read(id); // a clear error for an unknown id
    return updateConversation(
      store,
      id,
      (conversation) => {
        apply(conversation);
        return conversation;
      },
      { attempts },
    );
  };
  const act = (id: string, action: ConversationAction) => change(id, (conversation) => applyAction(conversation, action, nowIso()));
  const by = (value: string | undefined) => (value === undefined ? {} : { by: value });
  const addTags = (conversation: Conversation, tags: readonly string[]) => {
    for (const tag of tags) if (!conversation.tags.includes(tag)) conversation.tags.push(tag);
  };

  // Where a DM goes: the thread the brand last answered this author privately from, if any.
  const privateHomeOf = async (item: InboxItem): Promise<string | undefined> => {
    let best: { id: string; at: number } | undefined;
    for (const conversation of await store.list({ platform: item.platform, accountId: item.accountId })) {
      if (conversation.kind !== 'thread') continue;
      const authors = new Map(inboundOf(conversation).map((message) => [message.id, message.item.author.id]));
      for (const message of conversation.messages) {
        if (message.direction !== 'outbound' || message.channel !== 'private' || authors.get(message.inReplyToId) !== item.author.id)
          continue;
        const at = Date.parse(message.at);
        if (best === undefined || at > best.at) best = { id: conversation.id, at };
      }
    }
    return best?.id;
  };

  const assigneeFor = async (route: Route): Promise<string | undefined> => {
    if (route.assignees.length === 0) return undefined;
    const routed = (await store.list()).filter((c) => c.routedBy === route.rule);
    const load = (agent: string) => routed.filter((c) => c.assignee === agent && c.state !== 'resolved').length;
    const given = (agent: string) => routed.filter((c) => c.assignee === agent).length;
    return [...route.assignees].sort(
      (a, b) => load(a) - load(b) || given(a) - given(b) || route.assignees.indexOf(a) - route.assignees.indexOf(b),
    )[0];
  };

  const ingest = async (item: InboxItem): Promise<SharedIngestResult> => {
    const duplicate = async (home: string): Promise<SharedIngestResult> => ({
      conversation: await read(home),
      duplicate: true,
      created: false,
    });
    const known = await store.findMessage(item.platform, item.id);
    if (known !== undefined) return duplicate(known);
    let id = defaultConversationId(item);
    if (item.kind === 'direct_message') id = (await privateHomeOf(item)) ?? id;
    else if (item.conversationId === undefined && item.inReplyToId !== undefined)
      id = (await store.findMessage(item.platform, item.inReplyToId)) ?? id;
    for (let attempt = 1; ; attempt += 1) {
      const current = await store.get(id);
      try {
        if (current === undefined) {
          const conversation = newConversation(id, item);
          const route = router?.route(item);
          addInbound(conversation, item, nowIso(), true);
          if (route !== undefined) {
            conversation.team = route.team;
            conversation.routedBy = route.rule;
            const agent = await assigneeFor(route);
            if (agent !== undefined) applyAction(conversation, { type: 'assign', assignee: agent, by: `routing:${route.rule}` }, nowIso());
          }
          return { conversation: await store.create(conversation), duplicate: false, created: true };
        }
        // Another instance filed it between our lookup and now.
        if (current.messages.some((message) => message.id === item.id)) return { conversation: current, duplicate: true, created: false };
        addInbound(current, item, nowIso(), false);
        return { conversation: await store.update(current, current.version), duplicate: false, created: false };
      } catch (error) {
        if (!InboxConflictError.isInstance(error) || attempt >= attempts) throw error;
      }
    }
  };

  const select = async (search: InboxSearch): Promise<StoredConversation[]> => {
    const { text, team, ...filter } = search;
    const query = text === undefined ? undefined : parseQuery(text, ['text']);
    return (await store.list(filter)).filter(
      (conversation) =>
        (team === undefined || conversation.team === team) &&
        (query === undefined ||
          conversation.messages.some((message) =>
            matchesQuery(query, message.direction === 'inbound' ? message.item : { text: message.text, platform: conversation.platform }),
          )),
    );
  };

  const requireSla = (): SlaPolicy => {
    if (sla === undefined) {
      throw new ValidationError('createSharedInbox options', [
        {
          path: ['sla'],
          code: 'missing_sla',
          message: 'is not set; pass sla: { businessHours, firstResponseMs } to track response targets',
        },
      ]);
    }
    return sla;
  };

  const customerMethod = <K extends 'linkCustomer' | 'customerOf' | 'customerIdentities'>(name: K): NonNullable<InboxStore[K]> => {
    const method = store[name];
    if (method === undefined) {
      throw new UnsupportedFeatureError(
        `This inbox store has no ${name}(); use a store with customer identities (memory, SQLite, Redis).`,
        {
          feature: 'customer_identity',
          platform: 'inbox-store',
        },
      );
    }
    return method.bind(store) as NonNullable<InboxStore[K]>;
  };

  return {
    store,
    ingest,
    get: (id) => store.get(id),
    conversations: (filter) => store.list(filter),
    search: select,
    counts: async () => countStates(await store.list()),
    assign: (id, assignee, options = {}) => act(id, { type: 'assign', assignee, ...by(options.by) }),
    unassign: (id, options = {}) => act(id, { type: 'unassign', ...by(options.by) }),
    markWaiting: (id, options = {}) => act(id, { type: 'markWaiting', ...by(options.by) }),
    resolve: (id, options = {}) => act(id, { type: 'resolve', ...by(options.by) }),
    reopen: (id, options = {}) => act(id, { type: 'reopen', ...by(options.by) }),
    tag: (id, tags) => change(id, (conversation) => addTags(conversation, tags)),
    complete: (id, messageId, options = {}) =>
      change(id, (conversation) => {
        const message = inboundOf(conversation).find((candidate) => candidate.id === messageId);
        if (message === undefined) {
          throw new ValidationError('inbox complete', [
            { path: ['messageId'], code: 'unknown_item', message: `"${messageId}" is not an inbound item of conversation ${id}` },
          ]);
        }
        message.completedAt ??= nowIso();
        if (options.by !== undefined) message.completedBy ??= options.by;
      }),
    addNote: async (id, note) => {
      const saved = makeNote(note, `note-${globalThis.crypto.randomUUID()}`, nowIso());
      await change(id, (conversation) => void conversation.notes.push(saved));
      return { ...saved };
    },
    renderReply: async (id, content, options = {}) => previewReply(savedReplies, await read(id), content, options.by),
    reply: async (id, content, replyOptions = {}) => {
      const token = globalThis.crypto.randomUUID();
      const claimBy = replyOptions.by ?? null;
      let plan: ReturnType<typeof planReply> | undefined;
      let claimed: StoredConversation | undefined;
      for (let attempt = 1; claimed === undefined; attempt += 1) {
        const current = await read(id);
        plan = planReply(current, content, replyOptions, parsed.accounts, savedReplies);
        if (replyOptions.concurrent === true) {
          claimed = current;
          break;
        }
        const busy = current.replying;
        if (busy !== undefined && clock.now() - Date.parse(busy.since) < claimTtlMs) throw replyInProgress(id, busy.by, busy.since);
        try {
          claimed = await store.update({ ...current, replying: { by: claimBy, since: nowIso(), token } }, current.version);
        } catch (error) {
          if (!InboxConflictError.isInstance(error) || attempt >= attempts) throw error;
        }
      }
      const release = (conversation: Conversation) => {
        if (conversation.replying?.token === token) delete conversation.replying;
      };
      let sentId: string;
      try {
        sentId = await sendReply(parsed.sender, claimed, plan!, replyOptions.signal);
      } catch (error) {
        // Nothing was sent: free the conversation for the next attempt.
        await updateConversation(store, id, (conversation) => (release(conversation), conversation), { attempts }).catch(() => undefined);
        throw error;
      }
      return updateConversation(
        store,
        id,
        (conversation) => {
          recordReply(conversation, plan!, sentId, nowIso(), replyOptions.by);
          release(conversation);
          return conversation;
        },
        { attempts },
      );
    },
    bulk: async (target, action) => {
      const ids = Array.isArray(target) ? [...(target as readonly string[])] : (await select(target as InboxSearch)).map((c) => c.id);
      const results: BulkResult[] = [];
      for (const id of ids) {
        try {
          let conversation: StoredConversation;
          if (action.type === 'tag') conversation = await change(id, (c) => addTags(c, action.tags));
          else if (action.type === 'untag')
            conversation = await change(id, (c) => void (c.tags = c.tags.filter((tag) => !action.tags.includes(tag))));
          else conversation = await act(id, action);
          results.push({ id, ok: true, conversation });
        } catch (error) {
          results.push({ id, ok: false, error });
        }
      }
      return results;
    },
    sla: async (id) => slaStatusOf(await read(id), requireSla(), clock.now()),
    slaBreaches: async ({ withinMs } = {}) => {
      const policy = requireSla();
      const now = clock.now();
      return (await store.list({ state: ['open', 'assigned', 'waiting'] }))
        .map((conversation) => slaStatusOf(conversation, policy, now))
        .filter(
          (status) =>
            status.state === 'breached' ||
            status.state === 'at-risk' ||
            (withinMs !== undefined && status.remainingMs !== null && status.remainingMs <= withinMs),
        )
        .sort(
          (a, b) =>
            (a.dueAt === null ? 1 : b.dueAt === null ? -1 : Date.parse(a.dueAt) - Date.parse(b.dueAt)) ||
            (a.conversationId < b.conversationId ? -1 : 1),
        );
    },
    linkCustomer: async (customerId, identities) => {
      const issues = [
        ...(customerId.trim() === '' ? [{ path: ['customerId'], code: 'empty', message: 'must be a non-empty customer id' }] : []),
        ...identities.flatMap((identity, index) =>
          identity.platform.trim() === '' || identity.authorId.trim() === ''
            ? [
                {
                  path: ['identities', index],
                  code: 'empty',
                  message: 'needs a platform and an authorId (the author.id of their mentions)',
                },
              ]
            : [],
        ),
      ];
      if (issues.length > 0) throw new ValidationError('inbox linkCustomer', issues);
      const link = customerMethod('linkCustomer');
      for (const identity of identities) await link(customerId, { platform: identity.platform, authorId: identity.authorId });
    },
    customerHistory: async (customer) => {
      let identities: CustomerIdentity[];
      if (typeof customer === 'string') identities = await customerMethod('customerIdentities')(customer);
      else {
        const customerId = await customerMethod('customerOf')(customer);
        identities = customerId === undefined ? [customer] : await customerMethod('customerIdentities')(customerId);
      }
      const keys = new Set(identities.map((identity) => `${identity.platform}\u0000${identity.authorId}`));
      return (await store.list()).filter(
        (conversation) =>
          keys.has(`${conversation.platform}\u0000${conversation.participant.id}`) ||
          inboundOf(conversation).some((message) => keys.has(`${conversation.platform}\u0000${message.item.author.id}`)),
      );
    },
    responsePairs: async () => responsePairsOf(await store.list()),
    responseTimeInput: async () => responseTimeInputOf(await store.list()),
  };
}
