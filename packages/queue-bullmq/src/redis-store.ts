import { Redis } from 'ioredis';
import { parseWithSchema } from '@smm/core';
import {
  ENTRY_STATUSES,
  EntryConflictError,
  EntryNotFoundError,
  nextPutEntry,
  nextTransitionEntry,
  startClaimedEntry,
  compareEntries,
  entryDueAt,
  isClaimable,
  leaseTokenSource,
  matchesQuery,
  summarizeStuckPublishing,
  type CalendarEntry,
  type ClaimRequest,
  type ClaimStart,
  type ScheduleStore,
} from '@smm/core/schedule-store';
import { CLAIM_DUE, CLAIM_ONE, CLAIM_START, DUE_SUMMARY, LEASE, WRITE, runScript } from './lua-scripts.js';
import { RedisStoreOptionsSchema, type RedisStoreOptions } from './redis-store-options.js';

/** A {@link ScheduleStore} on Redis, with the connection it may own. */
export interface RedisStore extends ScheduleStore {
  /** The key prefix as used in Redis, `{prefix}:` (a cluster hash tag). */
  readonly keyPrefix: string;
  /** The ioredis client the store talks through. */
  readonly redis: Redis;
  /** Closes the connection if the store opened it (from `url`); a passed `connection` stays open. */
  close(): Promise<void>;
}

// Optimistic writes retry when another process wrote the same entry in between; past this
// many lost races something is hammering one entry, and the caller gets the conflict.
const MAX_WRITE_ATTEMPTS = 25;

// Entries this handle last read, claimed or wrote, kept as the stored strings (so nothing a
// caller does to a returned object can leak into a write), so the next write to them can skip
// its read: a worker claims an entry, then writes it twice (publishing, published). Bounded.
const RECENT_ENTRIES = 10_000;

type Fields = [id: string, j: string | null, v: string | null, lo: string | null, le: string | null, lt: string | null];
const FIELD_COUNT = 6;

function decode([, j, v, lo, le, lt]: Fields): CalendarEntry | undefined {
  if (j === null || v === null) return undefined;
  const lease = lo ? (lt ? { owner: lo, expiresAt: le!, token: lt } : { owner: lo, expiresAt: le! }) : null;
  // The JSON leaves `version` and `lease` out: set them on the parsed object, not in a spread
  // copy (a spread copy that gains properties leaves V8's fast path on Node 20).
  const entry = JSON.parse(j) as CalendarEntry;
  entry.version = Number(v);
  entry.lease = lease;
  return entry;
}

function encode(entry: CalendarEntry, expect: 'new' | number): string[] {
  const { version, lease, ...body } = entry;
  const due = entryDueAt(entry);
  return [
    entry.id,
    String(expect),
    JSON.stringify(body),
    String(version),
    entry.status,
    entry.accountKey,
    entry.hold === null ? '' : '1',
    due === null ? '' : String(due),
    entry.scheduledAt === null ? '' : String(Date.parse(entry.scheduledAt)),
    entry.scheduledAt ?? '',
    lease?.owner ?? '',
    lease?.expiresAt ?? '',
    lease === null ? '' : String(Date.parse(lease.expiresAt)),
    lease?.token ?? '',
  ];
}

/** Marks a lost compare-and-set race, so the write is retried from a fresh read. */
class LostRace extends Error {}

/**
 * A {@link ScheduleStore} on Redis for many worker processes on many machines. Each entry is
 * a hash (its JSON plus the fields claims need), indexed by sorted sets of due time, stale
 * lease and scheduled time and by per-status / per-account sets. Claims, lease changes and
 * multi-entry writes are single Lua scripts, so they are atomic across processes; other
 * writes are compare-and-set on the entry's version (read, decide with the same rules as the
 * memory store, write only if nobody wrote in between, else decide again).
 *
 * @example
 * ```ts
 * import { createCalendar } from '@smm/core/calendar';
 * import { createRedisStore } from '@smm/queue-bullmq';
 *
 * const store = createRedisStore({ url: 'redis://127.0.0.1:6379', prefix: 'acme' });
 * const calendar = createCalendar({ store, accounts: [...] });
 * // …
 * await store.close();
 * ```
 */
export function createRedisStore(options: RedisStoreOptions): RedisStore {
  const parsed = parseWithSchema(RedisStoreOptionsSchema, options, 'RedisStoreOptions');
  const owned = parsed.connection === undefined;
  // Auto-pipelining: the commands the worker's concurrent jobs issue in one tick go out as one
  // write (one read and one reply for Redis) — it cut Redis CPU per entry by about a third in
  // bench/scheduler.bench.ts. Each script stays atomic; only the socket traffic is batched.
  const redis = parsed.connection ?? new Redis(parsed.url!, { maxRetriesPerRequest: null, enableAutoPipelining: true });
  const P = `{${parsed.prefix}}:`;

  const recent = new Map<string, Fields>();
  function remember(fields: Fields): void {
    recent.delete(fields[0]);
    recent.set(fields[0], fields);
    if (recent.size > RECENT_ENTRIES) recent.delete(recent.keys().next().value!);
  }
  const rowFields = (row: string[]): Fields => [row[0]!, row[2]!, row[3]!, row[10]!, row[11]!, row[13]!];
  const nextToken = leaseTokenSource();

  async function readMany(ids: readonly string[]): Promise<Array<CalendarEntry | undefined>> {
    if (ids.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of ids) pipeline.hmget(`${P}e:${id}`, 'j', 'v', 'lo', 'le', 'lt');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, value], index) => {
      if (error) throw error;
      return decode([ids[index]!, ...(value as [string | null, string | null, string | null, string | null, string | null])]);
    });
  }

  async function read(id: string): Promise<CalendarEntry | undefined> {
    const [j, v, lo, le, lt] = (await redis.hmget(`${P}e:${id}`, 'j', 'v', 'lo', 'le', 'lt')) as [
      string | null,
      string | null,
      string | null,
      string | null,
      string | null,
    ];
    const entry = decode([id, j, v, lo, le, lt]);
    if (entry === undefined) recent.delete(id);
    else remember([id, j, v, lo, le, lt]);
    return entry;
  }

  async function write(rows: string[][]): Promise<void> {
    const args: string[] = [P, String(rows.length)];
    for (const row of rows) for (const value of row) args.push(value);
    const [result, id = ''] = (await runScript(redis, WRITE, args)) as [string, string?];
    if (result === 'ok') return;
    if (result === 'exists')
      throw new EntryConflictError(id, `An entry with id "${id}" already exists; use put() to change it. Nothing was written.`);
    if (result === 'missing') throw new EntryNotFoundError(id);
    throw new LostRace(id);
  }

  /**
   * Lets `decide` compute the next values from the stored entries and writes them if nobody
   * wrote in between (compare-and-set on the version). The first try decides from the
   * entries this handle last saw, without a read: the version check makes that safe (a
   * version names exactly one content), and any doubt — a lost race, or `decide` refusing
   * what may be a stale copy — is settled from a fresh read, so errors only ever come from
   * current data.
   */
  async function compareAndSet(ids: readonly string[], decide: (stored: CalendarEntry[]) => CalendarEntry[]): Promise<CalendarEntry[]> {
    const cached = ids.map((id) => recent.get(id));
    let fromCache = cached.every((fields) => fields !== undefined);
    for (let attempt = 1; ; attempt += 1) {
      let stored: CalendarEntry[];
      if (fromCache) {
        stored = (cached as Fields[]).map((fields) => decode(fields)!);
      } else {
        const found = await readMany(ids);
        stored = found.map((entry, index) => {
          if (entry === undefined) {
            recent.delete(ids[index]!);
            throw new EntryNotFoundError(ids[index]!);
          }
          return entry;
        });
      }
      let next: CalendarEntry[];
      try {
        next = decide(stored);
      } catch (error) {
        if (!fromCache) throw error;
        fromCache = false; // maybe stale: decide again from what is stored
        continue;
      }
      try {
        const rows = next.map((entry, index) => encode(entry, stored[index]!.version));
        await write(rows);
        for (const row of rows) remember(rowFields(row));
        return next;
      } catch (error) {
        for (const id of ids) recent.delete(id);
        const lost = error instanceof LostRace;
        if (lost && fromCache) {
          fromCache = false; // the copy was stale: not a lost race, just read
          attempt -= 1;
          continue;
        }
        fromCache = false;
        if (!lost || attempt >= MAX_WRITE_ATTEMPTS) {
          if (lost)
            throw new EntryConflictError(
              error.message,
              `Entry ${error.message} kept changing while it was written (${attempt} attempts); try again.`,
            );
          throw error;
        }
      }
    }
  }

  function entriesFrom(flat: unknown, keep = false): CalendarEntry[] {
    const values = (flat ?? []) as Array<string | null>;
    const out: CalendarEntry[] = [];
    for (let i = 0; i < values.length; i += FIELD_COUNT) {
      const fields = values.slice(i, i + FIELD_COUNT) as Fields;
      const entry = decode(fields);
      if (entry === undefined) continue;
      out.push(entry);
      if (keep) remember(fields);
    }
    return out;
  }

  /**
   * claim(id) with `start`: one read, then one script. Reads the entry, builds it as the claim
   * will store it (version + 1, this claim's lease), lets `start` decide, and writes claim and
   * start together — only if the entry is still claimable and unwritten since the read. Returns the
   * started entry, `undefined` when it is not claimable, or `null` when `start` did not apply
   * or the entry changed in between (the caller then claims it the ordinary way).
   */
  async function claimAndStart(
    id: string,
    request: Omit<ClaimRequest, 'limit'>,
    stale: string,
    le: string,
  ): Promise<CalendarEntry | undefined | null> {
    // The copy this handle last saw saves the read; the script's version
    // check makes a stale copy harmless: it is not written, and the claim is decided again
    // from a fresh read.
    const cached = recent.get(id);
    if (cached !== undefined) {
      const started = await claimAndStartFrom(decode(cached), request, stale, le);
      if (started !== null) return started;
    }
    const stored = await read(id);
    if (stored === undefined) return undefined;
    return claimAndStartFrom(stored, request, stale, le);
  }

  async function claimAndStartFrom(
    stored: CalendarEntry | undefined,
    request: Omit<ClaimRequest, 'limit'>,
    stale: string,
    le: string,
  ): Promise<CalendarEntry | undefined | null> {
    if (stored === undefined) return null;
    // Not claimable as read: let the claim script say so (start is only offered a real claim).
    if (!isClaimable(stored, request.now, stale === '1')) return null;
    const claimed = Object.assign({}, stored, {
      version: stored.version + 1,
      lease: { owner: request.owner, expiresAt: le, token: nextToken() },
    });
    const started = startClaimedEntry(claimed, request.start);
    if (started === undefined) return null;
    const row = encode(started, stored.version);
    const args = [P, String(request.now), stale, row[1]!, row[0]!];
    for (let i = 2; i < row.length; i += 1) args.push(row[i]!);
    const result = (await runScript(redis, CLAIM_START, args)) as [string] | null;
    if (result === null) return undefined;
    if (result[0] !== 'ok') return null;
    remember(rowFields(row));
    return started;
  }

  /**
   * claimDue with `start`: the claim script, then the starts of the whole batch in one
   * all-or-none write (each compared with the version the claim wrote) — one script call for
   * the batch instead of one `transition` per entry. The entries are leased to this claim in
   * between, so only a person's edit can intervene: then, or if the write fails, none is
   * started and each comes back as claimed, for the runner to start the ordinary way.
   */
  async function startBatch(claimed: CalendarEntry[], start: ClaimStart): Promise<CalendarEntry[]> {
    const rows: string[][] = [];
    const out = claimed.slice();
    claimed.forEach((entry, index) => {
      const started = startClaimedEntry(entry, start);
      if (started === undefined) return;
      rows.push(encode(started, entry.version));
      out[index] = started;
    });
    if (rows.length === 0) return claimed;
    try {
      await write(rows);
    } catch {
      return claimed;
    }
    for (const row of rows) remember(rowFields(row));
    return out;
  }

  function leaseArgs(request: Pick<ClaimRequest, 'now' | 'leaseMs'>): [string, string] {
    const expires = request.now + request.leaseMs;
    return [new Date(expires).toISOString(), String(expires)];
  }

  const store: RedisStore = {
    keyPrefix: P,
    redis,

    async get(id) {
      return read(id);
    },

    async insert(entry) {
      const row = encode(entry, 'new');
      await write([row]);
      remember(rowFields(row));
    },

    async insertMany(batch) {
      const seen = new Set<string>();
      for (const entry of batch) {
        if (seen.has(entry.id))
          throw new EntryConflictError(entry.id, `Entry id "${entry.id}" repeats in the batch; nothing was inserted.`);
        seen.add(entry.id);
      }
      if (batch.length === 0) return;
      await write(batch.map((entry) => encode(entry, 'new')));
    },

    async put(entry, expect) {
      const [next] = await compareAndSet([entry.id], ([stored]) => [nextPutEntry(stored!, entry, expect)]);
      return next!;
    },

    async putMany(writes) {
      if (new Set(writes.map(({ entry }) => entry.id)).size !== writes.length) {
        throw new EntryConflictError(writes[0]?.entry.id ?? '', 'putMany() got the same entry twice; nothing was written.');
      }
      if (writes.length === 0) return [];
      return compareAndSet(
        writes.map(({ entry }) => entry.id),
        (stored) => stored.map((current, index) => nextPutEntry(current, writes[index]!.entry, writes[index]!.expect)),
      );
    },

    async transition(id, change) {
      const [next] = await compareAndSet([id], ([stored]) => [nextTransitionEntry(stored!, change)]);
      return next!;
    },

    async query(query) {
      let ids: string[];
      if (query.accountKeys !== undefined) {
        ids = query.accountKeys.length === 0 ? [] : await redis.sunion(...query.accountKeys.map((key) => `${P}ac:${key}`));
      } else if (query.statuses !== undefined) {
        ids = query.statuses.length === 0 ? [] : await redis.sunion(...query.statuses.map((status) => `${P}st:${status}`));
      } else if (query.from !== undefined || query.to !== undefined) {
        // A superset by milliseconds; matchesQuery below applies the exact (string) bounds.
        const from = query.from === undefined ? '-inf' : String(Math.floor(Date.parse(query.from)));
        const to = query.to === undefined ? '+inf' : String(Math.ceil(Date.parse(query.to)));
        ids = await redis.zrangebyscore(`${P}at`, from, to);
      } else {
        ids = await redis.sunion(...ENTRY_STATUSES.map((status) => `${P}st:${status}`));
      }
      const found: CalendarEntry[] = [];
      for (const entry of await readMany(ids)) if (entry !== undefined && matchesQuery(entry, query)) found.push(entry);
      found.sort(compareEntries);
      return query.limit === undefined ? found : found.slice(0, query.limit);
    },

    async claimDue(request) {
      const [le, lm] = leaseArgs(request);
      const limit = request.limit ?? 100;
      if (limit <= 0) return [];
      const stale = (request.includeStalePublishing ?? true) ? '1' : '';
      const claimed = entriesFrom(
        await runScript(redis, CLAIM_DUE, [P, String(request.now), request.owner, le, lm, String(limit), stale, nextToken()]),
        true,
      );
      return request.start === undefined ? claimed : startBatch(claimed, request.start);
    },

    async claim(id, request) {
      const [le, lm] = leaseArgs(request);
      const stale = (request.includeStalePublishing ?? true) ? '1' : '';
      if (request.start !== undefined) {
        const started = await claimAndStart(id, request, stale, le);
        if (started !== null) return started;
      }
      const result = await runScript(redis, CLAIM_ONE, [P, id, String(request.now), request.owner, le, lm, stale, nextToken()]);
      return result ? entriesFrom(result, true)[0] : undefined;
    },

    async extendLease(id, owner, now, leaseMs, token) {
      const [le, lm] = leaseArgs({ now, leaseMs });
      recent.delete(id); // the version moves on (or someone else holds it): read it next time
      const result = Number(await runScript(redis, LEASE, [P, id, owner, 'extend', le, lm, token ?? '']));
      if (result < 0) throw new EntryNotFoundError(id);
      return result === 1;
    },

    async releaseLease(id, owner, token) {
      recent.delete(id);
      const result = Number(await runScript(redis, LEASE, [P, id, owner, 'release', '', '', token ?? '']));
      if (result < 0) throw new EntryNotFoundError(id);
      return result === 1;
    },

    async dueSummary(now) {
      const [[count, oldest], publishing] = await Promise.all([
        runScript(redis, DUE_SUMMARY, [P, String(now)]) as Promise<[number, string]>,
        // Entries in publishing are few (in flight, or abandoned by a dead worker).
        redis.smembers(`${P}st:publishing`).then(readMany),
      ]);
      const stuckPublishing = summarizeStuckPublishing(
        publishing.filter((entry) => entry !== undefined),
        now,
      );
      return { count: Number(count), oldestScheduledAt: oldest === '' ? null : oldest, stuckPublishing };
    },

    async close() {
      if (owned && redis.status !== 'end') await redis.quit().catch(() => redis.disconnect());
    },
  };
  return store;
}
