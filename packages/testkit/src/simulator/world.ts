import type { Clock } from '@smm/core/clock';
import { createSeededRandom, hashString, type SeededRandom } from './random.js';

/** Another user of the simulated network (mentions come from them). */
export interface SimUser {
  /** Index in the world's user list; networks derive their ids from it. */
  index: number;
  handle: string;
  displayName: string;
  followers: number;
}

/** A post the simulated account published (`sim.posts()`). */
export interface SimPost {
  /** The id the network gave it (tweet id, `at://` URI, status id). */
  id: string;
  accountId: string;
  text: string;
  /** ISO-8601 UTC. */
  createdAt: string;
  createdAtMs: number;
  deleted: boolean;
  /** The id of the post it replies to. */
  replyToId?: string;
  mediaIds: string[];
  /** The idempotency key it was created with, when the network takes one. */
  idempotencyKey?: string;
  visibility?: string;
  /** Network-specific extras (Bluesky `cid`, Mastodon `scheduled_at`, …). */
  extra: Record<string, unknown>;
}

/** Something addressed to the account, before a network renders it in its own shape. */
export interface IncomingMention {
  /** Stable key (`m:12`, `r:<postId>:1`). */
  key: string;
  createdAtMs: number;
  author: SimUser;
  text: string;
  kind: 'mention' | 'reply' | 'quote';
  /** The account's post it answers or quotes. */
  postId?: string;
  /** The text's language (BCP 47), as the network labels it; absent when it could not tell. */
  language?: string;
}

/** Counters of one post, growing with simulated time (all of them; networks report a subset). */
export interface PostCounters {
  impressions: number;
  likes: number;
  reposts: number;
  replies: number;
  quotes: number;
  bookmarks: number;
  linkClicks: number;
  profileClicks: number;
}

/** One action the account took on a mention or its author (`like`, `hide`, `block`, `report-spam`, …). */
export interface SimMentionAction {
  action: string;
  /** The mention acted on (its world key); absent for an action on the author alone (`mute` by user id). */
  mentionKey?: string;
  /** Its author (`users[authorIndex]`). */
  authorIndex: number;
  atMs: number;
  /** A report's note. */
  reason?: string;
}

/** Options shared by every simulator's world. */
export interface WorldOptions {
  clock: Clock;
  /** Seed for users, mentions and metrics (default 1). */
  seed?: number | string;
  /** The simulated account's handle. */
  handle: string;
  /** Mentions already waiting when the simulator starts (default 25). */
  mentionBacklog?: number;
  /** A new mention arrives every this many ms of simulated time (default 10 minutes; 0 for none). */
  mentionEveryMs?: number;
}

/** The shared state of a simulated network: the account's posts, other users, mentions and counters. */
export interface SimWorld {
  readonly random: SeededRandom;
  readonly users: readonly SimUser[];
  readonly startMs: number;
  readonly handle: string;
  posts: SimPost[];
  addPost(post: Omit<SimPost, 'createdAt' | 'deleted' | 'mediaIds' | 'extra'> & Partial<Pick<SimPost, 'mediaIds' | 'extra'>>): SimPost;
  livePost(id: string): SimPost | undefined;
  /** Every mention that has arrived by now, oldest first. */
  mentions(): IncomingMention[];
  /** Adds a mention now (or at `createdAtMs`). */
  addMention(
    mention: Omit<IncomingMention, 'key' | 'createdAtMs' | 'author'> & { authorIndex?: number; createdAtMs?: number },
  ): IncomingMention;
  counters(post: SimPost): PostCounters;
  /** Actions the account took on mentions, oldest first; a blocked author's later mentions no longer arrive. */
  readonly actions: SimMentionAction[];
  /** Records an action taken now, on a mention or on a user. */
  act(action: string, target: IncomingMention | SimUser, reason?: string): SimMentionAction;
  /** Whether a `toggle` (`like`, `hide`) is on for a mention: its last `like`/`unlike` (`hide`/`unhide`) decides. */
  isOn(toggle: 'like' | 'hide', mentionKey: string): boolean;
  followers(): number;
  following(): number;
}

function phraseOf([text, language]: readonly [string, string], render: (text: string) => string): { text: string; language: string } {
  return { text: render(text), language };
}

const FIRST = [
  'ana',
  'bogdan',
  'chen',
  'dara',
  'emeka',
  'farah',
  'goran',
  'hana',
  'ines',
  'jun',
  'kofi',
  'lena',
  'mina',
  'nour',
  'olek',
  'priya',
  'quinn',
  'reza',
  'sara',
  'tomas',
];

/**
 * Creates the shared state of a simulator: the account's posts, other users, mentions that
 * arrive over simulated time, and counters that grow deterministically from the seed.
 *
 * @example
 * ```ts
 * const world = createWorld({ clock, seed: 1, handle: 'acme' });
 * const post = world.addPost({ id: '1', accountId: '42', text: 'hi', createdAtMs: clock.now() });
 * world.counters(post).likes; // grows with clock time, the same on every run
 * ```
 */
export function createWorld(options: WorldOptions): SimWorld {
  const random = createSeededRandom(options.seed ?? 1);
  const clock = options.clock;
  const startMs = clock.now();
  const backlog = options.mentionBacklog ?? 25;
  const every = options.mentionEveryMs ?? 10 * 60_000;
  const users: SimUser[] = FIRST.map((name, index) => {
    const userRandom = random.fork(`user:${index}`);
    return {
      index,
      handle: `${name}${userRandom.int(1, 99)}`,
      displayName: name[0]!.toUpperCase() + name.slice(1),
      followers: userRandom.int(3, 50_000),
    };
  });
  const extraMentions: IncomingMention[] = [];
  const actions: SimMentionAction[] = [];
  // A block stops the author's mentions from the moment it was made (earlier ones stay).
  const blockedAt = (index: number) => actions.find((entry) => entry.action === 'block' && entry.authorIndex === index)?.atMs;
  const arrives = (mention: IncomingMention) => {
    const since = blockedAt(mention.author.index);
    return since === undefined || mention.createdAtMs <= since;
  };
  const posts: SimPost[] = [];
  // Each phrase with the language a network would label it with, so listening code sees real labels.
  const phrases: ReadonlyArray<readonly [text: string, language: string]> = [
    ['love this', 'en'],
    ['question about', 'en'],
    ['thanks', 'en'],
    ['is this still on?', 'en'],
    ['great work', 'en'],
    ['when does it ship', 'en'],
    ['سلام، ممنون', 'fa'],
    ['太棒了', 'zh'],
    ['merci', 'fr'],
  ];

  // Scheduled mention number `n`: the backlog sits before the start, later ones arrive every `every` ms.
  const scheduled = (n: number): IncomingMention => {
    const mentionRandom = random.fork(`mention:${n}`);
    const createdAtMs =
      n < backlog ? startMs - (backlog - n) * 7 * 60_000 - mentionRandom.int(0, 60_000) : startMs + (n - backlog + 1) * every;
    return {
      key: `m:${n}`,
      createdAtMs,
      author: mentionRandom.pick(users),
      ...phraseOf(mentionRandom.pick(phrases), (text) => `@${options.handle} ${text} #${n}`),
      kind: 'mention',
    };
  };

  // Replies to each own post arrive at seeded times after it.
  const repliesTo = (post: SimPost): IncomingMention[] => {
    const replyRandom = random.fork(`replies:${post.id}`);
    const count = replyRandom.int(1, 3);
    return Array.from({ length: count }, (_, index) => ({
      key: `r:${post.id}:${index}`,
      createdAtMs: post.createdAtMs + (index + 1) * replyRandom.int(2, 20) * 60_000,
      author: replyRandom.pick(users),
      ...phraseOf(replyRandom.pick(phrases), (text) => `@${options.handle} ${text}`),
      kind: 'reply' as const,
      postId: post.id,
    }));
  };

  const world: SimWorld = {
    random,
    users,
    startMs,
    handle: options.handle,
    posts,
    addPost(post) {
      const created: SimPost = {
        mediaIds: [],
        extra: {},
        ...post,
        createdAt: new Date(post.createdAtMs).toISOString(),
        deleted: false,
      };
      posts.push(created);
      return created;
    },
    livePost: (id) => posts.find((post) => post.id === id && !post.deleted),
    mentions() {
      const now = clock.now();
      const out: IncomingMention[] = [];
      for (let n = 0; ; n += 1) {
        if (n >= backlog && every <= 0) break;
        const mention = scheduled(n);
        if (mention.createdAtMs > now) break;
        out.push(mention);
      }
      for (const post of posts) if (!post.deleted) out.push(...repliesTo(post).filter((reply) => reply.createdAtMs <= now));
      out.push(...extraMentions.filter((mention) => mention.createdAtMs <= now));
      return out.filter(arrives).sort((a, b) => a.createdAtMs - b.createdAtMs || a.key.localeCompare(b.key));
    },
    addMention(mention) {
      const created: IncomingMention = {
        key: `x:${extraMentions.length}`,
        createdAtMs: mention.createdAtMs ?? clock.now(),
        author: users[mention.authorIndex ?? extraMentions.length % users.length]!,
        text: mention.text,
        kind: mention.kind,
        ...(mention.postId ? { postId: mention.postId } : {}),
        ...(mention.language ? { language: mention.language } : {}),
      };
      extraMentions.push(created);
      return created;
    },
    counters(post) {
      // Monotonic growth: impressions grow as rate × √(age in minutes); every interaction is a
      // seeded per-mille share of them, so engagement never exceeds what was seen (as on a real network).
      const age = Math.max(0, (clock.now() - post.createdAtMs) / 60_000);
      const rates = random.fork(`counters:${hashString(post.id)}`);
      const impressions = Math.floor(rates.int(100, 400) * Math.sqrt(age));
      const share = (maxPermille: number) => Math.floor((impressions * rates.int(1, maxPermille)) / 1_000);
      return {
        impressions,
        likes: share(50),
        reposts: share(15),
        replies: repliesTo(post).filter((reply) => reply.createdAtMs <= clock.now()).length,
        quotes: share(5),
        bookmarks: share(8),
        linkClicks: share(20),
        profileClicks: share(10),
      };
    },
    actions,
    act(action, target, reason) {
      const mention = 'key' in target ? target : undefined;
      const entry: SimMentionAction = {
        action,
        ...(mention ? { mentionKey: mention.key } : {}),
        authorIndex: mention ? mention.author.index : (target as SimUser).index,
        atMs: clock.now(),
        ...(reason === undefined ? {} : { reason }),
      };
      actions.push(entry);
      return entry;
    },
    isOn(toggle, mentionKey) {
      const undo = toggle === 'like' ? 'unlike' : 'unhide';
      const last = actions.filter((entry) => entry.mentionKey === mentionKey && (entry.action === toggle || entry.action === undo)).at(-1);
      return last?.action === toggle;
    },
    followers: () => 1_000 + random.fork('followers').int(0, 500) + Math.floor(Math.max(0, clock.now() - startMs) / 3_600_000) * 3,
    following: () => 150 + random.fork('following').int(0, 50),
  };
  return world;
}
