/** One public post of a seeded account, with the counts the network shows for it. */
export interface PublicPostSeed {
  text: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  likes?: number;
  replies?: number;
  reposts?: number;
  quotes?: number;
}

/** An account you do not own (a competitor), seeded in a simulator with known public numbers. */
export interface PublicAccountSeed {
  /** Without `@` (Bluesky: `globex.bsky.social`; Mastodon: `globex`, or `globex@other.example` for a remote one). */
  handle: string;
  displayName?: string;
  followers: number;
  following: number;
  /** The network's post count; defaults to `posts.length`. */
  postsCount?: number;
  /** Its public posts, in any order (the simulator serves them newest first). */
  posts?: PublicPostSeed[];
}

/** A seeded account as the simulator keeps it: its network id and post ids assigned. @internal */
export interface PublicAccountRecord extends Required<Pick<PublicAccountSeed, 'handle' | 'followers' | 'following'>> {
  id: string;
  displayName: string;
  postsCount: number;
  /** Newest first. */
  posts: Array<PublicPostSeed & { id: string; createdAtMs: number }>;
}

/**
 * @internal The accounts a simulator serves besides its own: seeding one again under the same
 * handle replaces its numbers and posts but keeps its id (so growth can be simulated).
 *
 * @example
 * ```ts
 * const accounts = createPublicAccounts((index) => String(2_000_000 + index), (account, index) => `${account.id}${index}`);
 * accounts.add({ handle: 'globex', followers: 1000, following: 10 }).id; // '2000000'
 * ```
 */
export function createPublicAccounts(
  accountId: (index: number, handle: string) => string,
  postId: (account: string, index: number, post: PublicPostSeed) => string,
) {
  const byHandle = new Map<string, PublicAccountRecord>();
  return {
    add(seed: PublicAccountSeed): PublicAccountRecord {
      const handle = seed.handle.replace(/^@/, '');
      const id = byHandle.get(handle.toLowerCase())?.id ?? accountId(byHandle.size, handle);
      const posts = (seed.posts ?? [])
        .map((post, index) => ({ ...post, id: postId(id, index, post), createdAtMs: Date.parse(post.createdAt) }))
        .sort((a, b) => b.createdAtMs - a.createdAtMs);
      const record: PublicAccountRecord = {
        id,
        handle,
        displayName: seed.displayName ?? handle,
        followers: seed.followers,
        following: seed.following,
        postsCount: seed.postsCount ?? posts.length,
        posts,
      };
      byHandle.set(handle.toLowerCase(), record);
      return record;
    },
    byHandle: (handle: string) => byHandle.get(handle.replace(/^@/, '').toLowerCase()),
    byId: (id: string) => [...byHandle.values()].find((account) => account.id === id),
  };
}

/** The public accounts of a simulator. @internal */
export type PublicAccounts = ReturnType<typeof createPublicAccounts>;
