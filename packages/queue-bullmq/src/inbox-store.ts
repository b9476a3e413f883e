import { Redis } from 'ioredis';
import { parseWithSchema } from '@smm/core';
import {
  InboxConflictError,
  compareConversations,
  compareIdentities,
  matchesInboxFilter,
  type Conversation,
  type InboxStore,
  type InboxStoreFilter,
  type StoredConversation,
} from '@smm/core/listening';
import { RedisStoreOptionsSchema } from './redis-store-options.js';

/** Options of {@link createRedisInboxStore}: an ioredis connection you own, or a URL, and the key prefix. */
export interface RedisInboxStoreOptions {
  /** An ioredis client; the store does not close it. */
  connection?: Redis;
  /** `redis://…` or `rediss://…`; the store opens and closes its own connection. */
  url?: string;
  /** Namespaces every key (`{prefix}:ic:<id>`, …) — a Cluster hash tag, so scripts stay atomic. Default `smm`. */
  prefix?: string;
}

/** An `InboxStore` on Redis; `close()` closes the connection it opened. */
export interface RedisInboxStore extends InboxStore {
  readonly redis: Redis;
  /** `{prefix}:`, the start of every key. */
  readonly keyPrefix: string;
  close(): Promise<void>;
}

// Keys: {P}ic:<id> hash (v = version, j = JSON), {P}ic-order zset (score = last inbound ms),
// {P}im hash (platform NUL message id → conversation id). ARGV: prefix, id, …
const CREATE = `
local key = ARGV[1] .. 'ic:' .. ARGV[2]
local current = redis.call('HGET', key, 'v')
if current then return tonumber(current) end
redis.call('HSET', key, 'v', 1, 'j', ARGV[3])
redis.call('ZADD', ARGV[1] .. 'ic-order', ARGV[4], ARGV[2])
for i = 5, #ARGV do redis.call('HSET', ARGV[1] .. 'im', ARGV[i], ARGV[2]) end
return 0
`;
const UPDATE = `
local key = ARGV[1] .. 'ic:' .. ARGV[2]
local current = redis.call('HGET', key, 'v')
if not current then return -1 end
if tonumber(current) ~= tonumber(ARGV[3]) then return tonumber(current) end
redis.call('HSET', key, 'v', tonumber(ARGV[3]) + 1, 'j', ARGV[4])
redis.call('ZADD', ARGV[1] .. 'ic-order', ARGV[5], ARGV[2])
for i = 6, #ARGV do redis.call('HSET', ARGV[1] .. 'im', ARGV[i], ARGV[2]) end
return 0
`;

// Customer links: {P}cust hash (platform NUL author id → customer id) and a set per customer
// ({P}cust-ids:<customer>) of its identities; relinking moves an identity in one script.
const LINK = `
local old = redis.call('HGET', ARGV[1] .. 'cust', ARGV[2])
if old then redis.call('SREM', ARGV[1] .. 'cust-ids:' .. old, ARGV[2]) end
redis.call('HSET', ARGV[1] .. 'cust', ARGV[2], ARGV[3])
redis.call('SADD', ARGV[1] .. 'cust-ids:' .. ARGV[3], ARGV[2])
return 0
`;

/**
 * A shared inbox store on Redis, for many app instances on many machines: each create and
 * update is one Lua script (a compare-and-set on the version), so of two instances writing
 * the same version exactly one wins and the other gets `InboxConflictError`. Passes
 * `@smm/testkit/inbox-conformance`.
 *
 * @throws ValidationError naming the field: neither or both of `connection` and `url`, a URL that is not redis:// or rediss://, a prefix with braces or spaces, an unknown option.
 * @example
 * ```ts
 * import { createRedisInboxStore } from '@smm/queue-bullmq';
 * import { updateConversation } from '@smm/core/listening';
 *
 * const store = createRedisInboxStore({ url: process.env.REDIS_URL!, prefix: 'acme' });
 * await updateConversation(store, id, (c) => ({ ...c, tags: [...c.tags, 'vip'] }));
 * await store.close();
 * ```
 */
export function createRedisInboxStore(options: RedisInboxStoreOptions): RedisInboxStore {
  // The same fields, checked the same way, as the schedule store's.
  const parsed = parseWithSchema(RedisStoreOptionsSchema, options, 'RedisInboxStoreOptions');
  const owned = parsed.connection === undefined;
  const redis = parsed.connection ?? new Redis(parsed.url!, { maxRetriesPerRequest: null });
  const P = `{${parsed.prefix}}:`;
  const messageKey = (platform: string, id: string) => `${platform}\u0000${id}`;
  const plain = (conversation: Conversation): Conversation => {
    const { version: _version, ...rest } = conversation as StoredConversation;
    return rest;
  };
  const args = (conversation: Conversation) => [
    JSON.stringify(conversation),
    String(Date.parse(conversation.lastInboundAt)),
    ...conversation.messages.map((message) => messageKey(conversation.platform, message.id)),
  ];
  const read = async (id: string): Promise<StoredConversation | undefined> => {
    const [version, body] = await redis.hmget(`${P}ic:${id}`, 'v', 'j');
    return version == null || body == null ? undefined : { ...(JSON.parse(body) as Conversation), version: Number(version) };
  };

  return {
    redis,
    keyPrefix: P,
    get: read,
    async create(conversation) {
      const body = plain(conversation);
      const result = Number(await redis.eval(CREATE, 0, P, body.id, ...args(body)));
      if (result !== 0) {
        throw new InboxConflictError(`Conversation ${body.id} already exists (version ${result}); read it and update it.`, {
          conversationId: body.id,
          expectedVersion: null,
          actualVersion: result,
        });
      }
      return { ...structuredClone(body), version: 1 };
    },
    async update(conversation, expectedVersion) {
      const body = plain(conversation);
      const result = Number(await redis.eval(UPDATE, 0, P, body.id, String(expectedVersion), ...args(body)));
      if (result !== 0) {
        const actual = result === -1 ? null : result;
        throw new InboxConflictError(
          actual === null
            ? `No conversation ${body.id} to update; create it first.`
            : `Conversation ${body.id} is at version ${actual}, not ${expectedVersion}: someone changed it; read it again.`,
          { conversationId: body.id, expectedVersion, actualVersion: actual },
        );
      }
      return { ...structuredClone(body), version: expectedVersion + 1 };
    },
    async list(filter: InboxStoreFilter = {}) {
      const ids = await redis.zrevrange(`${P}ic-order`, 0, -1);
      const conversations = await Promise.all(ids.map(read));
      return conversations
        .filter((conversation): conversation is StoredConversation => conversation !== undefined)
        .filter((conversation) => matchesInboxFilter(conversation, filter))
        .sort(compareConversations);
    },
    async findMessage(platform, id) {
      return (await redis.hget(`${P}im`, messageKey(platform, id))) ?? undefined;
    },
    async linkCustomer(customerId, identity) {
      await redis.eval(LINK, 0, P, messageKey(identity.platform, identity.authorId), customerId);
    },
    async customerOf(identity) {
      return (await redis.hget(`${P}cust`, messageKey(identity.platform, identity.authorId))) ?? undefined;
    },
    async customerIdentities(customerId) {
      return (await redis.smembers(`${P}cust-ids:${customerId}`))
        .map((member) => {
          const cut = member.indexOf('\u0000');
          return { platform: member.slice(0, cut), authorId: member.slice(cut + 1) };
        })
        .sort(compareIdentities);
    },
    async close() {
      if (owned && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
    },
  };
}
