import { type Adapter } from '@smm/core/adapter-kit';
import type { ClientHttpOptions } from '@smm/core/client';
import { ApiCallError, AuthError, RateLimitError, UnsupportedFeatureError } from '@smm/core/errors';
import type { HttpClient, HttpClientOptions } from '@smm/core/http';
import type { AccountInput, MediaRef, PostDraftInput, PostRef } from '@smm/core/model';
import { createAdapterTestEnv, ONE_PIXEL_PNG_BASE64, settle, type AdapterTestEnv } from '../adapter-test-env/index.js';
import { createFakeClock, type FakeClock } from '../clock/index.js';
import type { NetworkSimulator } from '../simulator/index.js';
import { connectChecks } from './connect-checks.js';
import { pendingPublishChecks } from './pending-publish-checks.js';
import { mediaChecks } from './media-checks.js';

/** Options of the adapter conformance suite. */
export interface ConformanceOptions<TSim extends NetworkSimulator = NetworkSimulator> {
  /** The suite's name, e.g. `'@smm/adapter-mastodon'`. */
  name: string;
  /** A fresh simulator for each check, on the clock the check runs on (pass it on: `createMastodonSimulator({ clock })`). */
  simulator: (clock: FakeClock) => TSim;
  /** Builds the adapter under test, pointed at the simulator (`baseUrl: sim.baseUrl`). */
  createAdapter: (simulator: TSim) => Adapter;
  /** The simulated account (default: `sim.account` on the adapter's platform). */
  account?: AccountInput | ((simulator: TSim) => AccountInput);
  /** The account's credentials (default: `sim.credentials`). */
  credentials?: unknown | ((simulator: TSim) => unknown);
  /** An image the adapter can publish (default: a 1×1 PNG given as bytes, with alt text). */
  media?: MediaRef;
  /** HTTP options for the client (defaults: 5 s timeout, 3 retries, waits up to 30 min of simulated time). */
  httpOptions?: ClientHttpOptions;
  /** Another HTTP client factory (default: `createHttpClient` from `@smm/core/http`). */
  createHttpClient?: (options: HttpClientOptions) => HttpClient;
  /** Page size used to prove pagination (default 5). */
  mentionPageSize?: number;
  /**
   * What the pending-publish checks add to their draft so the network finishes it later
   * (default: nothing, every publish goes pending). X and Mastodon: `{ media: [aVideo] }` (they
   * finish later only while a video is processed).
   */
  pendingDraft?: Omit<PostDraftInput, 'text'>;
  /**
   * What every other published draft carries besides its text (default: nothing): media and
   * network options for a network that cannot publish text alone (Pinterest: an image and a
   * board; YouTube, TikTok: a video — give it as bytes or a file, a stream reads once). Replies
   * are published as given. The media check replaces `media` with its own.
   */
  baseDraft?: Omit<PostDraftInput, 'text'>;
}

/** One check of the suite. */
export interface ConformanceCheck {
  name: string;
  /** Why it does not apply to this adapter (from its capabilities), or false. */
  skip: string | false;
  run(): Promise<void>;
}

/** The outcome of one check. */
export interface ConformanceResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  message?: string;
  error?: unknown;
}

/**
 * A conformance failure: its message says what the adapter did and what the spec expects.
 *
 * @example
 * ```ts
 * if (result.error instanceof ConformanceError) console.log(result.message);
 * ```
 */
export class ConformanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConformanceError';
  }
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

const DEFAULT_MEDIA: MediaRef = {
  kind: 'image',
  source: { type: 'bytes', base64: ONE_PIXEL_PNG_BASE64 },
  mimeType: 'image/png',
  sizeBytes: 70,
  width: 1,
  height: 1,
  altText: 'A single transparent pixel',
};

type Setup<TSim extends NetworkSimulator> = AdapterTestEnv<TSim>;

/**
 * The checks of the adapter conformance suite, ready to run by any runner. Capabilities
 * decide which apply (a network without threads skips the thread check), never a hand-kept
 * list. Each check runs on a fresh simulator and a fake clock that advances by itself
 * through waits, so backoffs and rate-limit resets take no real time.
 *
 * @example
 * ```ts
 * for (const entry of conformanceChecks({ name: 'my-net', simulator: (clock) => createMyNetSimulator({ clock }), createAdapter: (sim) => createMyNetAdapter({ baseUrl: sim.baseUrl }) })) {
 *   if (!entry.skip) await entry.run();
 * }
 * ```
 */
export function conformanceChecks<TSim extends NetworkSimulator>(options: ConformanceOptions<TSim>): ConformanceCheck[] {
  const probe = options.createAdapter(options.simulator(createFakeClock()));
  const capabilities = probe.capabilities;
  const content = capabilities.content;
  const media = options.media ?? DEFAULT_MEDIA;
  let serial = 0;
  const unique = (label: string) => `conformance ${label} ${++serial} ${Math.random().toString(36).slice(2, 8)}`;

  const setup = (): Setup<TSim> =>
    createAdapterTestEnv({
      simulator: options.simulator,
      createAdapter: options.createAdapter,
      ...(options.account === undefined ? {} : { account: options.account }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials as object | ((simulator: TSim) => unknown) }),
      ...(options.httpOptions ? { httpOptions: options.httpOptions } : {}),
      ...(options.createHttpClient ? { createHttpClient: options.createHttpClient } : {}),
    });

  const credentialsOf = (sim: TSim): unknown =>
    typeof options.credentials === 'function'
      ? (options.credentials as (simulator: TSim) => unknown)(sim)
      : (options.credentials ?? sim.credentials);
  const fail = (message: string): never => {
    throw new ConformanceError(message);
  };

  const base = options.baseDraft ?? {};

  const livePosts = (sim: NetworkSimulator, text?: string) =>
    sim.posts().filter((post) => !post.deleted && (text === undefined || post.text === text));

  async function publishOne(env: Setup<TSim>, label: string): Promise<{ ref: PostRef; text: string }> {
    const text = unique(label);
    const { published } = await env.client.publish(env.account, { ...base, text });
    const ref = published.parts[0];
    check(ref, 'publish returned no parts');
    return { ref, text };
  }

  /** Requests sent after `from` (an index into sim.requests). */
  const sentSince = (sim: NetworkSimulator, from: number) => sim.requests.slice(from);

  /** The creating requests (POSTs) one clean publish sends, as `POST /path`, after a warm-up publish opened any session. */
  async function creatingSteps(): Promise<string[]> {
    const env = setup();
    await publishOne(env, 'warm up');
    const from = env.sim.requests.length;
    await env.client.publish(env.account, { ...base, text: unique('count steps') }, { idempotencyKey: `conformance-steps-${++serial}` });
    return sentSince(env.sim, from)
      .filter((request) => request.method === 'POST')
      .map((request) => `POST ${request.path}`);
  }

  /** Publishes on a fresh simulator with the answer to the `index`-th creating request lost, retries with the same key, and expects one post. */
  async function retryAfterLostAnswer(step: string, index: number): Promise<void> {
    const env = setup();
    // Warm up first, so sessions are open and the POSTs counted are the publish's own.
    await publishOne(env, 'warm up');
    const text = unique('idempotent');
    const key = `conformance-key-${++serial}`;
    let posts = 0;
    env.sim.faults.inject({ kind: 'drop-after-send', count: 1, match: (request) => request.method === 'POST' && posts++ === index });
    const first = await settle(env.client.publish(env.account, { ...base, text }, { idempotencyKey: key }));
    env.sim.faults.clear();
    const second = first.ok ? first : await settle(env.client.publish(env.account, { ...base, text }, { idempotencyKey: key }));
    check(
      second.ok,
      `${step}: after its answer was lost, publishing again with the same idempotency key failed: ${second.ok ? '' : describeError(second.error)}`,
    );
    const held = livePosts(env.sim, text);
    check(
      held.length === 1,
      `${step}: ${held.length} posts with the same text exist after its answer was lost and a retry with the same idempotency key (expected exactly 1): the ${capabilities.idempotency.strategy} strategy did not prevent a duplicate${capabilities.idempotency.strategy === 'lookup' ? ' (doFindPublished must find a post whose last step went through)' : ''}`,
    );
    check(
      second.value.published.parts[0]?.id === held[0]!.id,
      `${step}: the retry returned "${second.value.published.parts[0]?.id}" instead of the post that exists ("${held[0]!.id}")`,
    );
  }

  const entries: Array<Omit<ConformanceCheck, 'skip'> & { skip?: string | false }> = [
    {
      name: 'publishes a text post that the network then holds once',
      async run() {
        const env = setup();
        const text = unique('text');
        const { published } = await env.client.publish(env.account, { ...base, text });
        const held = livePosts(env.sim, text);
        check(held.length === 1, `the simulator holds ${held.length} posts with the published text (expected exactly 1)`);
        check(published.parts.length === 1, `a single post came back with ${published.parts.length} parts (expected 1)`);
        check(
          published.parts[0]?.id === held[0]!.id,
          `publish returned id "${published.parts[0]?.id}" but the network created "${held[0]!.id}"`,
        );
        check(published.platform === env.adapter.platform, 'the published post names another platform');
      },
    },
    {
      name: 'publishes a post with media',
      skip:
        content.media.maxItems === 0 || !content.media.kinds.includes(media.kind)
          ? `capabilities.content.media does not accept ${media.kind}`
          : false,
      async run() {
        const env = setup();
        const text = unique('media');
        await env.client.publish(env.account, { ...base, text, media: [media] });
        const held = livePosts(env.sim, text);
        check(held.length === 1, `the simulator holds ${held.length} posts with the text (expected 1)`);
        check(
          held[0]!.mediaIds.length === 1,
          `the post carries ${held[0]!.mediaIds.length} media (expected 1): upload the media and attach it`,
        );
      },
    },
    {
      name: 'publishes a thread as a chain of replies, in order',
      skip: content.threads ? false : 'capabilities.content.threads is false',
      async run() {
        const env = setup();
        const texts = [unique('thread 1/3'), unique('thread 2/3'), unique('thread 3/3')];
        const { published } = await env.client.publish(env.account, {
          ...base,
          text: texts[0]!,
          thread: [{ text: texts[1]! }, { text: texts[2]! }],
        });
        check(published.parts.length === 3, `a 3-part thread came back with ${published.parts.length} parts`);
        const held = texts.map((text) => livePosts(env.sim, text));
        held.forEach((posts, index) =>
          check(posts.length === 1, `part ${index + 1} exists ${posts.length} times on the network (expected 1)`),
        );
        published.parts.forEach((part, index) =>
          check(
            part.id === held[index]![0]!.id,
            `part ${index + 1}: returned id "${part.id}" is not the network's "${held[index]![0]!.id}"`,
          ),
        );
        check(held[1]![0]!.replyToId === held[0]![0]!.id, 'part 2 does not reply to part 1');
        check(held[2]![0]!.replyToId === held[1]![0]!.id, 'part 3 does not reply to part 2');
      },
    },
    {
      name: 'publishes a reply to a post',
      skip: capabilities.replies ? false : 'capabilities.replies is false',
      async run() {
        const env = setup();
        const root = await publishOne(env, 'reply root');
        const text = unique('reply');
        const { published } = await env.client.reply(env.account, root.ref, { text });
        const held = livePosts(env.sim, text);
        check(held.length === 1, `the reply exists ${held.length} times (expected 1)`);
        check(held[0]!.replyToId === root.ref.id, `the reply answers "${held[0]!.replyToId}" instead of "${root.ref.id}"`);
        check(published.parts[0]?.id === held[0]!.id, 'reply returned another id than the network created');
      },
    },
    {
      name: 'deletes a post',
      skip: capabilities.delete ? false : 'capabilities.delete is false',
      async run() {
        const env = setup();
        const { ref, text } = await publishOne(env, 'delete');
        await env.client.delete(env.account, ref);
        check(livePosts(env.sim, text).length === 0, 'the post is still on the network after delete');
        const after = await env.client.getPost(env.account, ref);
        check(after === null, 'getPost of a deleted post must return null');
      },
    },
    {
      name: 'gets a post back as published',
      async run() {
        const env = setup();
        const { ref, text } = await publishOne(env, 'get');
        const post = await env.client.getPost(env.account, ref);
        check(post !== null, 'getPost returned null for a post that exists');
        check(post.ref.id === ref.id, `getPost returned id "${post.ref.id}" for "${ref.id}"`);
        check(post.text === text, `getPost returned text ${JSON.stringify(post.text)} for ${JSON.stringify(text)}`);
      },
    },
    {
      name: 'lists mentions page by page to the end, as Mention',
      skip: capabilities.mentionKinds.length === 0 ? 'capabilities.mentionKinds is empty' : false,
      async run() {
        const env = setup();
        const expected = env.sim.mentionCount();
        check(expected > (options.mentionPageSize ?? 5), 'the simulator needs more mentions than one page for this check (mentionBacklog)');
        const seen = new Set<string>();
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page = await env.client.listMentions(env.account, { cursor, limit: options.mentionPageSize ?? 5 });
          pages += 1;
          check(pages <= expected + 2, `pagination did not end after ${pages} pages: nextCursor must become null at the end`);
          for (const mention of page.items) {
            check(!seen.has(mention.id), `mention ${mention.id} came twice: pages overlap`);
            seen.add(mention.id);
            check(
              capabilities.mentionKinds.includes(mention.kind),
              `mention ${mention.id} has kind "${mention.kind}", which capabilities.mentionKinds does not declare`,
            );
            check(mention.accountId === env.accountId, `mention ${mention.id} names account "${mention.accountId}"`);
          }
          cursor = page.nextCursor;
        } while (cursor !== null);
        check(
          pages >= 2,
          `all mentions came in ${pages} page(s) with limit ${options.mentionPageSize ?? 5}: honour input.limit (clamped to what the network allows)`,
        );
        check(
          seen.size === expected,
          `read ${seen.size} mentions, the network has ${expected}: map every mention (and only mentions) and follow the cursor to the end`,
        );
      },
    },
    {
      name: 'maps post metrics to canonical names with provenance; unreported metrics are absent, never 0',
      skip: capabilities.postMetrics.length === 0 ? 'capabilities.postMetrics is empty' : false,
      async run() {
        const env = setup();
        const { ref } = await publishOne(env, 'metrics');
        await env.clock.advance(3 * 3_600_000);
        const snapshot = await env.client.getPostMetrics(env.account, ref);
        const reported = env.sim.reportedPostMetrics(ref.id);
        const names = Object.entries(snapshot.metrics);
        check(names.length > 0, 'no metric came back although the network reports some');
        for (const [metric, value] of names) {
          const source = Object.keys(reported).find((name) => value!.platformName === name || value!.platformName.endsWith(`.${name}`));
          check(
            source !== undefined,
            `reports ${metric} = ${value!.value} from "${value!.platformName}", which the network did not report (it reported: ${Object.keys(reported).join(', ')}): a metric the network does not report must be absent, never 0`,
          );
          check(reported[source] === value!.value, `${metric} is ${value!.value} but the network reported ${source} = ${reported[source]}`);
        }
      },
    },
    {
      name: 'maps account metrics to canonical names with provenance; unreported metrics are absent',
      skip: capabilities.accountMetrics.length === 0 ? 'capabilities.accountMetrics is empty' : false,
      async run() {
        const env = setup();
        const snapshot = await env.client.getAccountMetrics(env.account);
        const reported = env.sim.reportedAccountMetrics();
        check(Object.keys(snapshot.metrics).length > 0, 'no account metric came back');
        for (const [metric, value] of Object.entries(snapshot.metrics)) {
          const source = Object.keys(reported).find((name) => value!.platformName === name || value!.platformName.endsWith(`.${name}`));
          check(source !== undefined, `reports ${metric} from "${value!.platformName}", which the network did not report: leave it absent`);
          check(reported[source] === value!.value, `${metric} is ${value!.value} but the network reported ${source} = ${reported[source]}`);
        }
      },
    },
    {
      name: '429: waits for the reset, or fails with RateLimitError carrying resetAt',
      async run() {
        const env = setup();
        const { ref } = await publishOne(env, 'rate limit');
        const before = env.clock.now();
        env.sim.faults.inject({ kind: '429-storm', count: 1, resetInMs: 60_000 });
        const outcome = await settle(env.client.getPost(env.account, ref));
        if (outcome.ok) {
          check(
            env.clock.now() - before >= 60_000,
            `the call succeeded after ${env.clock.now() - before} ms of simulated time: wait for the reset the 429 announced (60 s) before trying again`,
          );
        } else {
          check(
            RateLimitError.isInstance(outcome.error),
            `a 429 became ${describeError(outcome.error)}: expected RateLimitError (or a wait until the reset)`,
          );
          check(outcome.error.resetAt !== null, 'the RateLimitError has no resetAt: read the reset from the response (parseRateLimit)');
        }
      },
    },
    {
      name: '401: refreshes the credentials once, then fails with AuthError',
      async run() {
        const env = setup();
        const { ref } = await publishOne(env, 'auth');
        env.sim.faults.inject({ kind: 'expired-token', count: 1 });
        const once = await settle(env.client.getPost(env.account, ref));
        check(
          once.ok || AuthError.isInstance(once.error),
          `one expired token became ${once.ok ? 'success' : describeError(once.error)}: expected a refresh and success, or AuthError`,
        );
        const from = env.sim.requests.length;
        env.sim.faults.inject({ kind: 'expired-token', count: 50 });
        const always = await settle(env.client.getPost(env.account, ref));
        check(!always.ok, 'the call succeeded although every request was refused');
        check(AuthError.isInstance(always.error), `refused credentials became ${describeError(always.error)}: expected AuthError`);
        const sent = sentSince(env.sim, from).length;
        check(sent <= 4, `${sent} requests were sent while the credentials were refused: refresh at most once, then give up`);
        env.sim.faults.clear();
      },
    },
    {
      name: '5xx: retried until it succeeds',
      async run() {
        const env = setup();
        const { ref, text } = await publishOne(env, '5xx');
        const from = env.sim.requests.length;
        env.sim.faults.inject({ kind: '5xx', count: 2, status: 503 });
        const post = await env.client.getPost(env.account, ref);
        check(post?.text === text, 'the post did not come back after two 503s');
        check(sentSince(env.sim, from).length >= 3, 'a 503 was not retried');
      },
    },
    {
      name: 'malformed body: ApiCallError, not a crash',
      async run() {
        const env = setup();
        const { ref } = await publishOne(env, 'malformed');
        env.sim.faults.inject({ kind: 'malformed-json', count: 1 });
        const outcome = await settle(env.client.getPost(env.account, ref));
        if (!outcome.ok)
          check(ApiCallError.isInstance(outcome.error), `a malformed body became ${describeError(outcome.error)}: expected ApiCallError`);
      },
    },
    {
      name: 'publishing is idempotent: a retry after a lost answer never creates a duplicate',
      skip: capabilities.idempotency.strategy === 'none' ? 'capabilities.idempotency.strategy is none' : false,
      async run() {
        // Every creating request of a publish may be the one whose answer is lost (a container
        // created but not published, a thread half posted): lose each in turn.
        const steps = await creatingSteps();
        check(steps.length > 0, 'a publish sent no POST request to the simulator: it cannot have created anything');
        for (const [index, step] of steps.entries()) {
          await retryAfterLostAnswer(`step ${index + 1} of ${steps.length} (${step})`, index);
        }
      },
    },
    {
      name: 'refuses what the network cannot do before sending anything',
      skip: content.threads && capabilities.polls ? 'the network supports both threads and polls' : false,
      async run() {
        const env = setup();
        const from = env.sim.requests.length;
        const outcome = await settle(
          env.client.publish(
            env.account,
            { ...base, text: unique('unsupported'), ...(content.threads ? {} : { thread: [{ text: 'two' }] }) },
            capabilities.polls ? {} : { poll: { options: ['yes', 'no'], durationMs: 3_600_000 } },
          ),
        );
        check(
          !outcome.ok && UnsupportedFeatureError.isInstance(outcome.error),
          `expected UnsupportedFeatureError, got ${outcome.ok ? 'success' : describeError(outcome.error)}`,
        );
        check(env.sim.requests.length === from, 'requests were sent for a draft the network cannot publish');
      },
    },
    ...connectChecks(probe, setup, check, base),
    ...pendingPublishChecks({ capabilities, setup, unique, credentials: credentialsOf, fail, draft: options.pendingDraft ?? base }),
    ...mediaChecks({ capabilities, setup, unique, check, describeError, base }),
  ];
  return entries.map((entry) => ({ ...entry, skip: entry.skip ?? false }));
}

/**
 * Runs the conformance checks and returns each one's outcome instead of throwing: for
 * runners other than vitest, and to assert that a broken adapter fails.
 *
 * @example
 * ```ts
 * const results = await runConformanceChecks({ name: 'broken', simulator, createAdapter });
 * console.table(results.map(({ name, status, message }) => ({ name, status, message })));
 * ```
 */
export async function runConformanceChecks<TSim extends NetworkSimulator>(options: ConformanceOptions<TSim>): Promise<ConformanceResult[]> {
  const results: ConformanceResult[] = [];
  for (const entry of conformanceChecks(options)) {
    if (entry.skip) {
      results.push({ name: entry.name, status: 'skipped', message: entry.skip });
      continue;
    }
    try {
      await entry.run();
      results.push({ name: entry.name, status: 'passed' });
    } catch (error) {
      results.push({ name: entry.name, status: 'failed', message: describeError(error), error });
    }
  }
  return results;
}
