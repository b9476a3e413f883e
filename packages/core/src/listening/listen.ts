import { z } from 'zod';
import { systemClock, type Clock } from '../clock/index.js';
import { RateLimitError, ValidationError } from '../errors/index.js';
import {
  AccountSchema,
  InstantSchema,
  MentionSchema,
  parseWithSchema,
  toValidationIssues,
  type Account,
  type Mention,
} from '../model/index.js';
import {
  ListenCheckpointSchema,
  createMemoryCheckpointStore,
  type CheckpointStore,
  type DeliveredKey,
  type ListenCheckpoint,
} from './checkpoint-store.js';
import { createTypedEmitter, type EventSource } from '../events/index.js';
import { mentionContentKeys, mentionIdKey } from './mention-keys.js';
import type { MentionSource } from './sources.js';

/** Options for {@link listen}. */
export interface ListenOptions {
  /** Reads mentions per account: the core client, or anything with `listMentions`. */
  source: MentionSource;
  /** The accounts to listen to (each `platform:id` once). */
  accounts: Account[];
  /**
   * For accounts without a checkpoint: deliver items created at or after this instant.
   * Default: when `listen` first runs for the account — written to the checkpoint store at
   * once, so a restart before any item arrived still starts from that first run.
   */
  since?: string;
  /** Wait between polls of one account, in ms. Default 60 000. */
  pollEvery?: number;
  /**
   * Each poll re-reads this far before the newest delivered item, in ms, so items the
   * network indexes late are still caught (and deduplicated). Default 300 000 (5 min).
   */
  lookbackMs?: number;
  /** Where each account's position is kept. Default: in memory. */
  checkpoints?: CheckpointStore;
  /** Time for polling waits and backoff. Default `systemClock`. */
  clock?: Clock;
  /** Stops the stream when aborted. */
  signal?: AbortSignal;
  /** Upper bound of the backoff after errors without a known reset, in ms. Default 900 000 (15 min). */
  maxBackoffMs?: number;
}

/** Events a {@link MentionStream} reports while it runs. */
export interface ListenEvents extends Record<string, unknown> {
  /** One account finished a poll: items read and how many of them were new. */
  poll: { account: string; fetched: number; fresh: number };
  /** One account hit a rate limit and waits; the other accounts go on. */
  'rate-limited': { account: string; waitMs: number; resumeAt: string; error: RateLimitError };
  /** One account's poll failed; it retries after `retryInMs` with growing backoff. */
  error: { account: string; error: unknown; retryInMs: number };
  /** The source returned an item that is not a valid `Mention`; it is skipped. */
  'invalid-item': { account: string; error: ValidationError };
}

/**
 * The merged stream of every account's mentions. Iterate it once with `for await`. An item
 * counts as delivered — its account's checkpoint moves past it — when you ask for the next
 * item or leave the loop (`break`, `return`, `stop()`); so after a crash while handling an
 * item that item comes again (at-least-once), and after a clean stop nothing repeats.
 *
 * @example
 * ```ts
 * const stream = listen({ source: client, accounts });
 * const off = stream.on('error', ({ account, error }) => console.error(account, error));
 * setTimeout(() => stream.stop(), 60_000);
 * for await (const mention of stream) console.log(mention.text);
 * off();
 * ```
 */
export interface MentionStream extends AsyncIterable<Mention>, EventSource<ListenEvents> {
  /** Stops polling; the loop ends after the item in hand. */
  stop(): void;
}

const OptionsSchema = z.strictObject({
  source: z.custom<MentionSource>((value) => typeof (value as MentionSource | null)?.listMentions === 'function', {
    error: 'must have a listMentions(account, options) method (the core client, or your own source)',
  }),
  accounts: z.array(AccountSchema).min(1, { error: 'must list at least one account to listen to' }),
  since: InstantSchema.optional(),
  pollEvery: z.number().int().positive({ error: 'must be a positive number of ms, e.g. 60000' }).default(60_000),
  lookbackMs: z.number().int().nonnegative({ error: 'must be 0 or more ms' }).default(300_000),
  checkpoints: z
    .custom<CheckpointStore>(
      (value) => typeof (value as CheckpointStore | null)?.get === 'function' && typeof (value as CheckpointStore).set === 'function',
      { error: 'must have get(key) and set(key, checkpoint) methods' },
    )
    .optional(),
  clock: z
    .custom<Clock>((value) => typeof (value as Clock | null)?.now === 'function' && typeof (value as Clock).sleep === 'function', {
      error: 'must be a Clock with now() and sleep(ms, signal)',
    })
    .optional(),
  signal: z.custom<AbortSignal>((value) => value instanceof AbortSignal, { error: 'must be an AbortSignal' }).optional(),
  maxBackoffMs: z.number().int().positive({ error: 'must be a positive number of ms' }).default(900_000),
});

const MIN_RATE_LIMIT_WAIT_MS = 1000;
// Longer than any wait, shorter than the 2^31 − 1 ms where timers overflow.
const HOLD_MS = 1_000_000_000;
/** Keeps the runtime's event loop alive until the returned function is called. */
function holdEventLoop(): () => void {
  const timer = setInterval(() => undefined, HOLD_MS);
  return () => clearInterval(timer);
}
const floorToSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

/**
 * The key a checkpoint is stored under: `platform:accountId`.
 *
 * @example
 * ```ts
 * await checkpoints.get(checkpointKey(account)); // the stored ListenCheckpoint, if any
 * ```
 */
export function checkpointKey(account: Pick<Account, 'platform' | 'id'>): string {
  return `${account.platform}:${account.id}`;
}

interface AccountState {
  key: string;
  account: Account;
  /** The first start (see ListenCheckpoint.since). */
  since: string;
  watermark: string | null;
  /**
   * Keys delivered within the look-back window, oldest delivery first. Appended in place
   * (the store is told so) and compacted now and then: O(1) per delivered item.
   */
  recent: DeliveredKey[];
  /** Entries of `recent` before this index are out of the window (their keys already forgotten). */
  expired: number;
  /** Ids and content keys delivered recently or waiting in the queue. */
  seen: Set<string>;
  pending: number;
  drained: (() => void) | undefined;
}

interface Queued {
  state: AccountState;
  mention: Mention;
  idKey: string;
  contentKey: string;
}

/**
 * Listens to every account at once: polls each account's `listMentions` on its own schedule
 * and merges them into one stream. Per account, items come in time order (oldest first),
 * each once: deduplicated by `platform + id` and by content (platform + author + second of
 * `createdAt` + folded text hash, for the same item seen through two endpoints with different
 * ids), across pages, polls and restarts. A rate limit delays only the account that hit it;
 * other errors are reported as `error` events and retried with backoff.
 *
 * @throws ValidationError for bad options (at call time), or from the loop when a stored
 *   checkpoint does not parse.
 * @example
 * ```ts
 * const checkpoints = createMemoryCheckpointStore(savedCheckpoints);
 * const stream = listen({ source: client, accounts, since: '2026-03-01T00:00:00Z', pollEvery: 30_000, checkpoints });
 * stream.on('rate-limited', ({ account, waitMs }) => console.log(`${account} waits ${waitMs} ms`));
 * for await (const mention of stream) {
 *   console.log(mention.platform, mention.author.handle, mention.text);
 * }
 * ```
 */
export function listen(options: ListenOptions): MentionStream {
  const parsed = parseWithSchema(OptionsSchema, options, 'listen options');
  const keys = parsed.accounts.map(checkpointKey);
  const duplicate = keys.findIndex((key, index) => keys.indexOf(key) !== index);
  if (duplicate >= 0) {
    throw new ValidationError('listen options', [
      { path: ['accounts', duplicate], code: 'duplicate_account', message: `${keys[duplicate]} is listed twice; list each account once` },
    ]);
  }
  const clock = parsed.clock ?? systemClock;
  const store = parsed.checkpoints ?? createMemoryCheckpointStore();
  const startedAt = parsed.since ?? new Date(clock.now()).toISOString();
  const events = createTypedEmitter<ListenEvents>();
  const controller = new AbortController();
  const stopSignal = controller.signal;
  parsed.signal?.addEventListener('abort', () => stop(), { once: true });

  const queue: Queued[] = [];
  let wake: (() => void) | undefined;
  let fatal: unknown;
  let started = false;
  let inHand: Queued | undefined;

  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  function stop() {
    if (!stopSignal.aborted) controller.abort(new Error('listen() stopped'));
    notify();
  }
  if (parsed.signal?.aborted) stop();
  const stopped = new Promise<void>((resolve) => stopSignal.addEventListener('abort', () => resolve(), { once: true }));

  const sleep = async (ms: number): Promise<boolean> => {
    try {
      await clock.sleep(ms, stopSignal);
      return true;
    } catch {
      return false;
    }
  };

  // At least a second, so a limit with a reset already in the past cannot spin the loop.
  const rateLimitWait = (error: RateLimitError, fallback: number): number => {
    if (error.retryAfterMs !== null) return Math.max(MIN_RATE_LIMIT_WAIT_MS, error.retryAfterMs);
    if (error.resetAt !== null) {
      const reset = Date.parse(error.resetAt);
      if (Number.isFinite(reset)) return Math.max(MIN_RATE_LIMIT_WAIT_MS, reset - clock.now());
    }
    return fallback;
  };

  async function fetchAll(state: AccountState, since: string, backoff: { ms: number }): Promise<Mention[] | undefined> {
    const items: Mention[] = [];
    let cursor: string | null = null;
    const cursors = new Set<string>();
    for (;;) {
      let page;
      try {
        page = await parsed.source.listMentions(state.account, { cursor, since, signal: stopSignal });
      } catch (error) {
        if (stopSignal.aborted) return undefined;
        if (!RateLimitError.isInstance(error)) throw error;
        // Wait out the limit and continue from the same page: what was read stays valid.
        const waitMs = rateLimitWait(error, backoff.ms);
        backoff.ms = Math.min(backoff.ms * 2, parsed.maxBackoffMs);
        events.emit('rate-limited', { account: state.key, waitMs, resumeAt: new Date(clock.now() + waitMs).toISOString(), error });
        if (!(await sleep(waitMs))) return undefined;
        continue;
      }
      items.push(...page.items);
      if (page.nextCursor === null) return items;
      // Sources list newest first; once a whole page is older than `since`, the rest is too.
      // This keeps a source that ignores `since` from paging through all of history.
      const sinceMs = Date.parse(since);
      if (page.items.length > 0 && page.items.every((item) => Date.parse(item.createdAt) < sinceMs)) return items;
      if (cursors.has(page.nextCursor)) {
        throw new Error(`listMentions returned the cursor ${JSON.stringify(page.nextCursor)} twice; paging stopped to avoid a loop`);
      }
      cursors.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  // Content keys are to the second, so the window's edge is too: an item whose key is still
  // remembered is never older than the edge, whatever its milliseconds.
  const windowStart = (state: AccountState): number =>
    state.watermark === null ? Date.parse(state.since) : floorToSecond(Date.parse(state.watermark) - parsed.lookbackMs);
  // Keys are forgotten a second after the window's edge: a copy of an item stamped one
  // second later by another endpoint is still recognised.
  const forgetBefore = (state: AccountState): number => windowStart(state) - 1000;

  async function pollAccount(state: AccountState): Promise<void> {
    const backoff = { ms: parsed.pollEvery };
    while (!stopSignal.aborted) {
      const sinceMs = windowStart(state);
      const since = new Date(sinceMs).toISOString();
      let items: Mention[] | undefined;
      try {
        items = await fetchAll(state, since, backoff);
      } catch (error) {
        if (stopSignal.aborted) return;
        const retryInMs = backoff.ms;
        backoff.ms = Math.min(backoff.ms * 2, parsed.maxBackoffMs);
        events.emit('error', { account: state.key, error, retryInMs });
        if (!(await sleep(retryInMs))) return;
        continue;
      }
      if (items === undefined) return;
      backoff.ms = parsed.pollEvery;

      const fresh: Queued[] = [];
      for (const candidate of items) {
        const checked = MentionSchema.safeParse(candidate);
        if (!checked.success) {
          const error = new ValidationError(`mention from ${state.key}`, toValidationIssues(checked.error.issues));
          events.emit('invalid-item', { account: state.key, error });
          continue;
        }
        const mention = checked.data;
        if (Date.parse(mention.createdAt) < sinceMs) continue;
        const idKey = mentionIdKey(mention);
        const [contentKey, secondBefore, secondAfter] = mentionContentKeys(mention);
        if (state.seen.has(idKey) || state.seen.has(contentKey) || state.seen.has(secondBefore) || state.seen.has(secondAfter)) continue;
        state.seen.add(idKey);
        state.seen.add(contentKey);
        fresh.push({ state, mention, idKey, contentKey });
      }
      fresh.sort(
        (a, b) =>
          Date.parse(a.mention.createdAt) - Date.parse(b.mention.createdAt) ||
          (a.mention.id < b.mention.id ? -1 : a.mention.id > b.mention.id ? 1 : 0),
      );
      events.emit('poll', { account: state.key, fetched: items.length, fresh: fresh.length });
      if (fresh.length > 0) {
        state.pending += fresh.length;
        const drained = new Promise<void>((resolve) => (state.drained = resolve));
        queue.push(...fresh);
        notify();
        // Poll again only once this batch is delivered: memory stays bounded and the
        // checkpoint (what the next poll starts from) is up to date.
        await Promise.race([drained, stopped]);
        if (stopSignal.aborted) return;
      }
      forgetExpired(state);
      if (!(await sleep(parsed.pollEvery))) return;
    }
  }

  // Drops keys that left the window: a scan from the oldest delivery (amortised O(1) per
  // key), and a new array only once half of it is expired (a stored checkpoint may still
  // hold the old one). A straggler delivered late stays until the entries before it go.
  function forgetExpired(state: AccountState): void {
    const horizon = forgetBefore(state);
    while (state.expired < state.recent.length && Date.parse(state.recent[state.expired]!.at) < horizon) {
      const entry = state.recent[state.expired]!;
      state.seen.delete(entry.id);
      state.seen.delete(entry.content);
      state.expired += 1;
    }
    if (state.expired > 0 && state.expired * 2 >= state.recent.length) {
      state.recent = state.recent.slice(state.expired);
      state.expired = 0;
    }
  }

  const checkpointOf = (state: AccountState): ListenCheckpoint => ({
    version: 1,
    watermark: state.watermark,
    since: state.since,
    recent: state.recent,
  });

  async function commit(item: Queued): Promise<void> {
    const { state, mention } = item;
    const at = Date.parse(mention.createdAt);
    if (state.watermark === null || at > Date.parse(state.watermark)) state.watermark = new Date(at).toISOString();
    state.recent.push({ id: item.idKey, content: item.contentKey, at: mention.createdAt });
    await store.set(state.key, checkpointOf(state));
    state.pending -= 1;
    if (state.pending === 0) state.drained?.();
  }

  async function start(): Promise<void> {
    const states = await Promise.all(
      parsed.accounts.map(async (account, index): Promise<AccountState> => {
        const key = keys[index]!;
        const stored = await store.get(key);
        const committed: ListenCheckpoint =
          stored === undefined
            ? { version: 1, watermark: null, recent: [] }
            : (parseWithSchema(ListenCheckpointSchema, stored, `listen checkpoint for ${key}`) as ListenCheckpoint);
        const state: AccountState = {
          key,
          account,
          since: committed.since ?? startedAt,
          watermark: committed.watermark,
          recent: [...committed.recent],
          expired: 0,
          seen: new Set(committed.recent.flatMap((entry) => [entry.id, entry.content])),
          pending: 0,
          drained: undefined,
        };
        // Fix the first start now: a restart before the first item resumes from it.
        if (committed.since === undefined) await store.set(key, checkpointOf(state));
        return state;
      }),
    );
    for (const state of states) {
      void pollAccount(state).catch((error: unknown) => {
        fatal ??= error;
        stop();
      });
    }
  }

  async function finish(): Promise<IteratorResult<Mention>> {
    const last = inHand;
    inHand = undefined;
    stop();
    if (last !== undefined) await commit(last);
    return { done: true, value: undefined };
  }

  let iterated = false;
  const iterator: AsyncIterator<Mention> = {
    async next() {
      if (inHand !== undefined) {
        const last = inHand;
        inHand = undefined;
        try {
          await commit(last);
        } catch (error) {
          stop();
          throw error;
        }
      }
      if (!started) {
        started = true;
        try {
          await start();
        } catch (error) {
          stop();
          throw error;
        }
      }
      for (;;) {
        const item = queue.shift();
        if (item !== undefined && !stopSignal.aborted) {
          inHand = item;
          return { done: false, value: item.mention };
        }
        if (fatal !== undefined) {
          const error = fatal;
          fatal = undefined;
          throw error;
        }
        if (stopSignal.aborted) return { done: true, value: undefined };
        // A loop waiting for its next item is pending work: hold the event loop (the poll
        // loops' clock sleeps hold nothing), so a plain `for await` script keeps running.
        // Stopped, or between `next()` calls, nothing is held.
        const release = holdEventLoop();
        try {
          await new Promise<void>((resolve) => (wake = resolve));
        } finally {
          release();
        }
      }
    },
    return: finish,
    throw: async (error: unknown) => {
      await finish();
      throw error;
    },
  };

  return {
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('A listen() stream can be iterated only once; call listen() again for another loop.');
      iterated = true;
      return iterator;
    },
    stop,
    on: events.on,
  };
}
