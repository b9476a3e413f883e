import type { Clock } from '@smm/core/clock';
import { graphError } from './graph-error.js';

/** One rolling quota: how many actions in how many seconds. */
export interface PublishingQuota {
  total: number;
  windowSeconds: number;
}

/** Options of {@link createPublishingLimit}. */
export interface PublishingLimitOptions {
  clock: Clock;
  /**
   * `instagram`: `content_publishing_limit` (fields `quota_usage`, `config`; default 50 posts / 86 400 s).
   * `threads`: `threads_publishing_limit` (also `reply_quota_usage`, `reply_config`; default 250 posts and
   * 1 000 replies / 86 400 s).
   */
  network: 'instagram' | 'threads';
  /** Posts; default per `network`. */
  posts?: PublishingQuota;
  /** Threads' replies; default 1 000 / 86 400 s. */
  replies?: PublishingQuota;
}

/** Which quota an action counts against. */
export type PublishingAction = 'post' | 'reply';

/** Rolling-window publishing bookkeeping for one simulator (per account). */
export interface PublishingLimit {
  /** Actions of `owner` still in the window. */
  used(owner: string, action?: PublishingAction): number;
  /** Records one action now (call it when a publish succeeds). */
  record(owner: string, action?: PublishingAction): void;
  /** The cap error when `owner` has no room for one more `action`, else `undefined`. */
  check(owner: string, action?: PublishingAction): Response | undefined;
  /** When the oldest action in the window frees (ms since epoch), if any. */
  oldestFreesAtMs(owner: string, action?: PublishingAction): number | undefined;
  /**
   * The `content_publishing_limit` / `threads_publishing_limit` answer body for the requested
   * `fields` (comma-separated; none → `quota_usage` only, as Meta documents) and optional `since`
   * (Unix seconds: count only actions since then).
   */
  answer(owner: string, fields?: string | null, since?: string | null): { data: Array<Record<string, unknown>> };
  /** Fault hook: counts `count` actions for `owner` now (e.g. fill the cap). */
  fill(owner: string, count: number, action?: PublishingAction): void;
}

const DAY = 86_400;

/**
 * Publishing-cap bookkeeping for the Instagram and Threads simulators: a rolling window of
 * published posts (and Threads replies) per account, the limit edge's answer, and the error
 * `media_publish` / `threads_publish` give when the cap is reached.
 * Instagram: 50 posts per 24 h, read at `GET /{ig-user-id}/content_publishing_limit`
 * (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit/,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish);
 * over it: code 9, subcode 2207042 (IG error-code table,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 * Threads: 250 posts and 1 000 replies per 24 h at `GET /{threads-user-id}/threads_publishing_limit`
 * (https://developers.facebook.com/docs/threads/overview/ — Posts; https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies).
 * A carousel counts as one post on both.
 *
 * @example
 * ```ts
 * const limit = createPublishingLimit({ clock, network: 'instagram' });
 * const refused = limit.check(igUserId);
 * if (refused) return refused;
 * limit.record(igUserId);
 * limit.answer(igUserId, 'quota_usage,config'); // { data: [{ quota_usage: 1, config: { quota_total: 50, quota_duration: 86400 } }] }
 * ```
 */
export function createPublishingLimit(options: PublishingLimitOptions): PublishingLimit {
  const quotas: Record<PublishingAction, PublishingQuota> = {
    post: options.posts ?? { total: options.network === 'threads' ? 250 : 50, windowSeconds: DAY },
    reply: options.replies ?? { total: 1000, windowSeconds: DAY },
  };
  const log = new Map<string, number[]>();
  const keyOf = (owner: string, action: PublishingAction) => `${action}:${owner}`;
  const live = (owner: string, action: PublishingAction) => {
    const now = options.clock.now();
    const kept = (log.get(keyOf(owner, action)) ?? []).filter((at) => at > now - quotas[action].windowSeconds * 1000);
    log.set(keyOf(owner, action), kept);
    return kept;
  };

  const limit: PublishingLimit = {
    used: (owner, action = 'post') => live(owner, action).length,
    record(owner, action = 'post') {
      live(owner, action).push(options.clock.now());
    },
    oldestFreesAtMs(owner, action = 'post') {
      const first = live(owner, action)[0];
      return first === undefined ? undefined : first + quotas[action].windowSeconds * 1000;
    },
    check(owner, action = 'post') {
      if (live(owner, action).length < quotas[action].total) return undefined;
      if (options.network === 'instagram') {
        return graphError(400, {
          code: 9,
          subcode: 2207042,
          message: 'Application request limit reached',
          userTitle: 'Cannot publish post',
          userMessage: 'You reached maximum number of posts that is allowed to be published by Content Publishing API.',
          transient: false,
        });
      }
      // Threads documents the cap (enforced at threads_publish) but not its error object; this is
      // Graph's user-level "too many actions" code 9 with the cap named, so a client can tell it apart.
      return graphError(400, {
        code: 9,
        message:
          action === 'post'
            ? `(#9) Application request limit reached: ${quotas.post.total} API-published posts per ${quotas.post.windowSeconds / 3600} hours`
            : `(#9) Application request limit reached: ${quotas.reply.total} API-published replies per ${quotas.reply.windowSeconds / 3600} hours`,
        transient: false,
      });
    },
    answer(owner, fields, since) {
      const asked = new Set(
        (fields ?? '')
          .split(',')
          .map((field) => field.trim())
          .filter(Boolean),
      );
      if (asked.size === 0) asked.add('quota_usage');
      const sinceMs = since && /^\d+$/.test(since) ? Number(since) * 1000 : undefined;
      const count = (action: PublishingAction) => live(owner, action).filter((at) => sinceMs === undefined || at >= sinceMs).length;
      const entry: Record<string, unknown> = {};
      if (asked.has('quota_usage')) entry.quota_usage = count('post');
      if (asked.has('config')) entry.config = { quota_total: quotas.post.total, quota_duration: quotas.post.windowSeconds };
      if (options.network === 'threads') {
        if (asked.has('reply_quota_usage')) entry.reply_quota_usage = count('reply');
        if (asked.has('reply_config')) entry.reply_config = { quota_total: quotas.reply.total, quota_duration: quotas.reply.windowSeconds };
      }
      return { data: [entry] };
    },
    fill(owner, count, action = 'post') {
      const list = live(owner, action);
      for (let i = 0; i < count; i += 1) list.push(options.clock.now());
    },
  };
  return limit;
}
