import type { Clock } from '@smm/core/clock';
import { graphError } from './graph-error.js';

/**
 * A container's `status_code` (Instagram) / `status` (Threads):
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container
 * (`EXPIRED` — not published within 24 hours; `ERROR`; `FINISHED`; `IN_PROGRESS`; `PUBLISHED`) and
 * https://developers.facebook.com/docs/threads/troubleshooting#publishing-does-not-return-a-media-id (the same five for Threads).
 */
export type GraphContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

/** A container as the store keeps it. */
export interface GraphContainer<T = unknown> {
  id: string;
  /** The account that created it (the IG user / Threads user id): only it may publish it. */
  owner: string;
  /** What the network simulator keeps about it (caption, media URL, children, …). */
  payload: T;
  createdAtMs: number;
  /** The status now (computed from the clock when read). */
  status: GraphContainerStatus;
  /** Why it ended in `ERROR` (Threads' `error_message`, Instagram's `status` text). */
  errorMessage?: string;
  /** The media it became, once `PUBLISHED`. */
  mediaId?: string;
  /** How many times its status was read. */
  polls: number;
}

/** When a container finishes processing. */
export interface ContainerTiming {
  /** Simulated time after creation; default 0 (finished at once, like an image). */
  finishAfterMs?: number;
  /** Or after this many status reads, whichever comes first. */
  finishAfterPolls?: number;
}

/** Options of {@link createContainerStore}. */
export interface ContainerStoreOptions extends ContainerTiming {
  clock: Clock;
  /** A container not published this long after creation is `EXPIRED`; default 24 h (Meta's). */
  expireAfterMs?: number;
  /** New container ids (default: 17-digit numeric strings counting up, like Meta's). */
  newId?(): string;
}

/** Why {@link ContainerStore.publish} refused. */
export type ContainerPublishRefusal = 'not-found' | 'wrong-owner' | 'not-ready' | 'error' | 'expired' | 'already-published';

/** What {@link ContainerStore.publish} did. */
export type ContainerPublishResult<T> =
  | { ok: true; container: GraphContainer<T>; mediaId: string; republished: false }
  /** The container was already published; `republish: 'same-id'` answers its media again without a second post. */
  | { ok: true; container: GraphContainer<T>; mediaId: string; republished: true }
  | { ok: false; reason: ContainerPublishRefusal; container?: GraphContainer<T> };

/** The container state machine shared by the Instagram and Threads simulators. */
export interface ContainerStore<T = unknown> {
  /** Creates a container (`IN_PROGRESS` until its timing says `FINISHED`). */
  create(owner: string, payload: T, timing?: ContainerTiming): GraphContainer<T>;
  /** The container now, without counting a poll; `undefined` when unknown. */
  peek(id: string): GraphContainer<T> | undefined;
  /** Reads the container's status as a poll would (counts towards `finishAfterPolls`). */
  poll(id: string): GraphContainer<T> | undefined;
  /**
   * Publishes the container for `owner`: only a `FINISHED` one becomes `PUBLISHED` (once), with the
   * media id `mint()` returns. A second publish makes no second media: per `republish` it answers
   * the first media id again (`'same-id'`, default) or refuses (`'error'`).
   */
  publish(
    id: string,
    owner: string,
    mint: (container: GraphContainer<T>) => string,
    options?: { republish?: 'same-id' | 'error' },
  ): ContainerPublishResult<T>;
  /** Every container, in creation order. */
  all(): GraphContainer<T>[];
  /** Fault hooks. */
  readonly faults: {
    /** The next `count` containers created end in `ERROR` with `message` once processed. */
    failNext(message?: string, count?: number): void;
    /** The next `count` containers created stay `IN_PROGRESS` (until they expire). */
    stallNext(count?: number): void;
    /** Ends a container in `ERROR` now. */
    fail(id: string, message?: string): void;
    /** Makes a container `EXPIRED` now (as if 24 h passed). */
    expire(id: string): void;
  };
}

interface Stored<T> {
  container: Omit<GraphContainer<T>, 'status' | 'polls'>;
  polls: number;
  finishAfterMs: number;
  finishAfterPolls: number;
  outcome: 'finish' | 'error' | 'stall';
  errorMessage?: string;
  forced?: 'ERROR' | 'EXPIRED';
  publishedAtMs?: number;
}

// The message Instagram's `status` field gives for a failed upload (IG Container reference: `status`
// "Error: …"); Threads' `error_message` values are codes such as `FAILED_DOWNLOADING_VIDEO`.
const DEFAULT_ERROR = 'FAILED_PROCESSING_MEDIA';

/**
 * The container state machine of Instagram's and Threads' two-step publishing: a container is
 * `IN_PROGRESS` until its processing time (or number of polls) passes, then `FINISHED` (or `ERROR`
 * when a fault says so); one not published within 24 h is `EXPIRED`; a `FINISHED` one becomes
 * `PUBLISHED` once, and never makes a second media.
 * https://developers.facebook.com/docs/instagram-platform/content-publishing ·
 * https://developers.facebook.com/docs/threads/posts
 *
 * @example
 * ```ts
 * const containers = createContainerStore<{ caption: string }>({ clock, finishAfterMs: 5_000 });
 * const c = containers.create('1784', { caption: 'hi' });
 * containers.poll(c.id)?.status; // 'IN_PROGRESS'
 * clock.advance(5_000);
 * containers.publish(c.id, '1784', () => '1790'); // { ok: true, mediaId: '1790', republished: false, … }
 * ```
 */
export function createContainerStore<T = unknown>(options: ContainerStoreOptions): ContainerStore<T> {
  const expireAfterMs = options.expireAfterMs ?? 24 * 3_600_000;
  const stored = new Map<string, Stored<T>>();
  let counter = 17_900_000_000_000_000n;
  const newId = options.newId ?? (() => String((counter += 1n)));
  const pending: Array<{ outcome: 'error' | 'stall'; message?: string }> = [];

  function view(entry: Stored<T>): GraphContainer<T> {
    const now = options.clock.now();
    let status: GraphContainerStatus;
    if (entry.publishedAtMs !== undefined) status = 'PUBLISHED';
    else if (entry.forced) status = entry.forced;
    else if (now - entry.container.createdAtMs >= expireAfterMs) status = 'EXPIRED';
    else {
      const done =
        entry.outcome !== 'stall' && (now - entry.container.createdAtMs >= entry.finishAfterMs || entry.polls >= entry.finishAfterPolls);
      status = !done ? 'IN_PROGRESS' : entry.outcome === 'error' ? 'ERROR' : 'FINISHED';
    }
    return {
      ...entry.container,
      status,
      polls: entry.polls,
      ...(status === 'ERROR' ? { errorMessage: entry.errorMessage ?? DEFAULT_ERROR } : {}),
    };
  }

  const store: ContainerStore<T> = {
    create(owner, payload, timing = {}) {
      const fault = pending.shift();
      const entry: Stored<T> = {
        container: { id: newId(), owner, payload, createdAtMs: options.clock.now() },
        polls: 0,
        finishAfterMs: timing.finishAfterMs ?? options.finishAfterMs ?? 0,
        finishAfterPolls: timing.finishAfterPolls ?? options.finishAfterPolls ?? Number.POSITIVE_INFINITY,
        outcome: fault?.outcome ?? 'finish',
        errorMessage: fault?.message,
      };
      stored.set(entry.container.id, entry);
      return view(entry);
    },
    peek(id) {
      const entry = stored.get(id);
      return entry ? view(entry) : undefined;
    },
    poll(id) {
      const entry = stored.get(id);
      if (!entry) return undefined;
      entry.polls += 1;
      return view(entry);
    },
    publish(id, owner, mint, publishOptions = {}) {
      const entry = stored.get(id);
      if (!entry) return { ok: false, reason: 'not-found' };
      const container = view(entry);
      if (entry.container.owner !== owner) return { ok: false, reason: 'wrong-owner', container };
      switch (container.status) {
        case 'PUBLISHED':
          if ((publishOptions.republish ?? 'same-id') === 'error') return { ok: false, reason: 'already-published', container };
          return { ok: true, container, mediaId: container.mediaId!, republished: true };
        case 'IN_PROGRESS':
          return { ok: false, reason: 'not-ready', container };
        case 'ERROR':
          return { ok: false, reason: 'error', container };
        case 'EXPIRED':
          return { ok: false, reason: 'expired', container };
        case 'FINISHED': {
          const mediaId = mint(container);
          entry.container = { ...entry.container, mediaId };
          entry.publishedAtMs = options.clock.now();
          return { ok: true, container: view(entry), mediaId, republished: false };
        }
      }
    },
    all: () => [...stored.values()].map(view),
    faults: {
      failNext(message, count = 1) {
        for (let i = 0; i < count; i += 1) pending.push({ outcome: 'error', message });
      },
      stallNext(count = 1) {
        for (let i = 0; i < count; i += 1) pending.push({ outcome: 'stall' });
      },
      fail(id, message) {
        const entry = stored.get(id);
        if (!entry) throw new Error(`containers.faults.fail: no container ${id}`);
        entry.forced = 'ERROR';
        entry.errorMessage = message ?? entry.errorMessage;
      },
      expire(id) {
        const entry = stored.get(id);
        if (!entry) throw new Error(`containers.faults.expire: no container ${id}`);
        entry.forced = 'EXPIRED';
      },
    },
  };
  return store;
}

/**
 * The answer to a publish (`media_publish`, `threads_publish`) the store refused.
 *
 * Instagram, from its error-code table
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes):
 * not ready → code 9007 subcode 2207027, message "Media ID is not available" (the body Graph sends:
 * github.com/exileum/meta-mcp/issues/138), user message "The media is not ready for publishing, please
 * wait for a moment"; expired → code -2 subcode 2207020 ("The media you are trying to access has
 * expired. Please try to upload again."); a container in `ERROR` → code -1 subcode 2207032 ("Create
 * media fail, please try to re-create media"); unknown, another account's, or (with `republish:
 * 'error'`) already published → code 100 subcode 33, Graph's unsupported-request answer.
 *
 * Threads documents no publish errors; Graph answers a container it cannot publish (not ready,
 * unknown) with code 24 subcode 4279009 "The requested resource does not exist", title "Media Not
 * Found", "The media with id <id> cannot be found." (bodies reported in
 * github.com/fbsamples/threads_api/issues/70 and github.com/nopara73/LongevityWorldCup/pull/466);
 * the simulator answers every refusal so.
 *
 * @example
 * ```ts
 * const result = containers.publish(creationId, igUserId, mint);
 * if (!result.ok) return containerPublishError(result.reason, creationId);
 * ```
 */
export function containerPublishError(
  reason: ContainerPublishRefusal,
  creationId: string,
  network: 'instagram' | 'threads' = 'instagram',
): Response {
  if (network === 'threads') {
    return graphError(400, {
      code: 24,
      subcode: 4279009,
      message: 'The requested resource does not exist',
      userTitle: 'Media Not Found',
      userMessage: `The media with id ${creationId} cannot be found.`,
      transient: false,
    });
  }
  switch (reason) {
    case 'not-ready':
      return graphError(400, {
        code: 9007,
        subcode: 2207027,
        message: 'Media ID is not available',
        userTitle: 'Media is not ready to be published',
        userMessage: 'The media is not ready for publishing, please wait for a moment',
        transient: false,
      });
    case 'expired':
      return graphError(400, {
        code: -2,
        subcode: 2207020,
        message: 'The media you are trying to access has expired. Please try to upload again.',
        userTitle: 'Media has expired',
        userMessage: 'The media you are trying to access has expired. Please try to upload again.',
        transient: false,
      });
    case 'error':
      return graphError(400, {
        code: -1,
        subcode: 2207032,
        message: 'Create media fail, please try to re-create media',
        userTitle: 'Failed to create media',
        userMessage: 'Create media fail, please try to re-create media',
        transient: false,
      });
    default:
      return unsupportedRequest('post', creationId);
  }
}

/**
 * Graph's answer for an object id the caller cannot reach with that method: code 100, subcode 33,
 * `GraphMethodException` (the answer Graph gives for a missing object or a missing permission alike).
 *
 * @example
 * ```ts
 * return unsupportedRequest('get', request.params.id!);
 * ```
 */
export function unsupportedRequest(method: string, objectId: string): Response {
  return graphError(400, {
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
  });
}
