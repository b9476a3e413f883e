import type { AccountInput, MetricSnapshot, PublicAccount } from '../model/index.js';

/** Anything that reads public accounts: `createClient(…)` from `@smm/core/client` is one. */
export interface PublicAccountReader {
  getPublicAccount(
    account: string,
    target: { handle: string } | { id: string },
    options?: { signal?: AbortSignal },
  ): Promise<PublicAccount>;
}

/** One competitor to read: `via` is one of your accounts (`"x:1460…"`) on the competitor's network, whose credentials are used. */
export type CompetitorTarget = { via: string; handle: string } | { via: string; id: string };

/** What {@link collectCompetitorSnapshots} read: store `snapshots` with your own, pass the rest to `competitorBenchmark`/`buildReport`. */
export interface CompetitorCollection {
  /** The competitors as accounts (for `competitors` of `competitorBenchmark` and `buildReport`). */
  competitors: AccountInput[];
  /** One account snapshot per competitor and one post snapshot per recent post, all observed now. */
  snapshots: MetricSnapshot[];
  /** Their recent public posts (for `posts`: posting frequency and engagement per post). */
  posts: Array<{ platform: string; accountId: string; postId: string; publishedAt: string }>;
  /** Competitors that could not be read (unsupported network, not found, rate limited); one failure never fails the others. */
  failures: Array<{ target: CompetitorTarget; error: unknown }>;
}

/**
 * Reads each competitor's public profile, metrics and recent posts through `reader` (your
 * client) and returns them as snapshots to store. Run it on a schedule like your own
 * metrics: growth needs two snapshots of an account, posting frequency and engagement per
 * post come from the recent posts. Targets are read one after another (gentle on rate limits).
 *
 * @example
 * ```ts
 * const read = await collectCompetitorSnapshots(client, [
 *   { via: 'x:1460000000000000001', handle: 'globex' },
 *   { via: 'bluesky:did:plc:abc', handle: 'initech.bsky.social' },
 * ]);
 * await snapshotStore.append(read.snapshots);
 * buildReport({ accounts, competitors: read.competitors, snapshots: [...stored, ...read.snapshots], posts: [...ownPosts, ...read.posts], range });
 * ```
 */
export async function collectCompetitorSnapshots(
  reader: PublicAccountReader,
  targets: readonly CompetitorTarget[],
  options: { signal?: AbortSignal; timeZone?: string } = {},
): Promise<CompetitorCollection> {
  const collection: CompetitorCollection = { competitors: [], snapshots: [], posts: [], failures: [] };
  for (const target of targets) {
    options.signal?.throwIfAborted();
    let read: PublicAccount;
    try {
      read = await reader.getPublicAccount(target.via, 'handle' in target ? { handle: target.handle } : { id: target.id }, {
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      collection.failures.push({ target, error });
      continue;
    }
    const { account } = read;
    collection.competitors.push({
      platform: account.platform,
      id: account.id,
      handle: account.handle,
      ...(account.displayName === undefined ? {} : { displayName: account.displayName }),
      ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    });
    collection.snapshots.push(read.metrics);
    for (const post of read.recentPosts) {
      collection.snapshots.push(post.metrics);
      collection.posts.push({ platform: account.platform, accountId: account.id, postId: post.id, publishedAt: post.publishedAt });
    }
  }
  return collection;
}
