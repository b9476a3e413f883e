import type { Clock } from '@smm/core/clock';
import { systemClock } from '@smm/core/clock';
import {
  createPublicAccounts,
  createRateLimitWindows,
  createSimulatorEngine,
  createWorld,
  hashString,
  json,
  type IncomingMention,
  type NetworkSimulator,
  type PublicAccountRecord,
  type PublicAccountSeed,
  type SimPost,
  type SimRequest,
  type SimRoute,
  type SimUser,
  type WindowLimit,
  type WindowState,
} from '../simulator/index.js';
import { blobCid, blobCidFromSha256, recordCid } from './content-ids.js';
import {
  isKnownRecordType,
  LexiconViolation,
  methodShape,
  validateInput,
  validateOutput,
  validateParams,
  validateRecord,
} from './lexicon-validation.js';
import { tid } from './tid.js';

/** Options of {@link createBlueskySimulator}. */
export interface BlueskySimulatorOptions {
  clock?: Clock;
  seed?: number | string;
  /** The PDS (default `https://bsky.social`); it also answers `app.bsky.*` reads, as a PDS proxies them. */
  baseUrl?: string;
  account?: { did?: string; handle?: string; password?: string };
  /** Report `bookmarkCount` (newer AppViews); default false, so it is absent. */
  bookmarks?: boolean;
  /** Write points per hour / per day (defaults 5 000 / 35 000) and reads per 5 minutes (3 000). */
  limits?: Partial<{ hourlyPoints: WindowLimit; dailyPoints: WindowLimit; reads: WindowLimit; sessions: WindowLimit }>;
  mentionBacklog?: number;
  mentionEveryMs?: number;
  /** Access JWTs live this long (default 2 h). */
  accessTokenTtlMs?: number;
}

/** The Bluesky (AT Protocol) simulator. */
export interface BlueskySimulator extends NetworkSimulator {
  /** `{ identifier, password }`: an app password for `com.atproto.server.createSession`. */
  readonly credentials: { identifier: string; password: string };
  /** Blobs uploaded so far (by CID). */
  blobs(): Array<{ cid: string; mimeType: string; size: number }>;
  /**
   * Seeds an account you do not own (a competitor; `handle` like `globex.bsky.social`) with
   * known public numbers, served by `app.bsky.actor.getProfile` and `app.bsky.feed.getAuthorFeed`;
   * seeding the same handle again replaces its numbers and keeps its DID.
   */
  addPublicAccount(seed: PublicAccountSeed): { id: string };
  /** What the account did to mentions and their authors (like, unlike, block, mute, report-spam), oldest first, by AT URIs and DIDs. */
  mentionActions(): Array<{ action: string; uri?: string; did: string; at: string; reason?: string }>;
}

const MINUTE = 60_000;
const POINTS = { create: 3, update: 2, delete: 1 } as const;
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

type Result = { status: number; body: unknown };
type StoredRecord = { uri: string; cid: string; value: Record<string, unknown> };

/** One XRPC method the simulator serves; its HTTP method, params, input and output come from its lexicon. */
interface Endpoint {
  nsid: string;
  /** `session`: an access JWT; `refresh`: a refresh JWT (checked by the handler); `public`: none. */
  access: 'public' | 'session' | 'refresh';
  /** Which rate limit the call spends: reads, session creations, or write points. */
  spend: { read?: true; session?: true; write?: (request: SimRequest) => number };
  handle(request: SimRequest, params: Record<string, unknown>): Result | Promise<Result>;
}

const bearer = (request: SimRequest) => /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];

/** The CIDs of every blob a record embeds. */
function blobLinks(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(blobLinks);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  if (object.$type === 'blob') return [String((object.ref as { $link?: unknown } | undefined)?.$link)];
  return Object.values(object).flatMap(blobLinks);
}

const statusOf = (write: { validationStatus?: string }) => (write.validationStatus ? { validationStatus: write.validationStatus } : {});

/**
 * Simulates a Bluesky PDS (with its AppView reads), held to the official AT Protocol lexicons
 * (from `@atproto/api`; see DEFINITIONS.md). Every method checks its query parameters, input and
 * output against its lexicon, and records against theirs; off-spec requests get
 * `400 { error: 'InvalidRequest', message }`. Methods (https://docs.bsky.app/docs/category/http-reference):
 * `com.atproto.server.createSession` / `refreshSession` (JWTs; an expired access token gets
 * `400 ExpiredToken`), `com.atproto.repo.createRecord` / `putRecord` / `applyWrites` (records with
 * real DAG-CBOR CIDs; record keys by the lexicon's `key` rule; strong refs must match the record
 * held), `deleteRecord`, `getRecord` (`RecordNotFound` when absent), `listRecords` (newest record
 * key first), `uploadBlob` (≤ 1 000 000 bytes, raw CIDs), `com.atproto.identity.resolveHandle`
 * (the account's and every simulated user's `<handle>.bsky.social`), `app.bsky.feed.getPosts`,
 * `app.bsky.notification.listNotifications` (`cursor`, `limit`; reasons mention, reply, quote,
 * follow) and `app.bsky.actor.getProfile`. Writes spend points (create 3, update 2, delete 1)
 * from 5 000 / hour and 35 000 / day, reported in `ratelimit-limit/remaining/reset/policy`
 * (reset in epoch seconds).
 *
 * @example
 * ```ts
 * const sim = createBlueskySimulator({ clock: createFakeClock(), seed: 11 });
 * server.use(...sim.handlers);
 * ```
 */
export function createBlueskySimulator(options: BlueskySimulatorOptions = {}): BlueskySimulator {
  const clock = options.clock ?? systemClock;
  const did = options.account?.did ?? 'did:plc:smmbrand2w4ylnd5ctxqdmpe';
  const handle = options.account?.handle ?? 'smm.bsky.social';
  const password = options.account?.password ?? 'abcd-efgh-ijkl-mnop';
  const ttl = options.accessTokenTtlMs ?? 2 * 3_600_000;
  const limits = {
    hourlyPoints: { limit: 5_000, windowMs: 60 * MINUTE },
    dailyPoints: { limit: 35_000, windowMs: 24 * 60 * MINUTE },
    reads: { limit: 3_000, windowMs: 5 * MINUTE },
    sessions: { limit: 30, windowMs: 5 * MINUTE },
    ...options.limits,
  };
  const world = createWorld({
    clock,
    seed: options.seed,
    handle,
    mentionBacklog: options.mentionBacklog,
    mentionEveryMs: options.mentionEveryMs,
  });
  const windows = createRateLimitWindows(() => clock.now());
  const blobs = new Map<string, { cid: string; mimeType: string; size: number }>();
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  let clockId = 0;
  let serial = 0;

  const jwt = (scope: string, lifetimeMs: number) => {
    serial += 1;
    const iat = Math.floor(clock.now() / 1000);
    const payload = { scope, sub: did, aud: 'did:web:bsky.social', iat, exp: iat + Math.floor(lifetimeMs / 1000), jti: `sim-${serial}` };
    return `${b64url({ typ: scope === 'com.atproto.access' ? 'at+jwt' : 'refresh+jwt', alg: 'ES256K' })}.${b64url(payload)}.${Buffer.from(`sig-${serial}`).toString('base64url')}`;
  };
  const newSession = () => {
    const accessJwt = jwt('com.atproto.access', ttl);
    const refreshJwt = jwt('com.atproto.refresh', 90 * 86_400_000);
    accessTokens.set(accessJwt, clock.now() + ttl);
    refreshTokens.add(refreshJwt);
    return { did, handle, accessJwt, refreshJwt, active: true, didDoc: { id: did, alsoKnownAs: [`at://${handle}`] } };
  };

  const userDid = (user: SimUser) => `did:plc:user${String(user.index).padStart(2, '0')}${'x'.repeat(18)}`;
  const author = (user: SimUser) => ({
    did: userDid(user),
    handle: `${user.handle}.bsky.social`,
    displayName: user.displayName,
    labels: [],
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  const mentionUri = (mention: IncomingMention) =>
    `at://${userDid(mention.author)}/app.bsky.feed.post/${tid(BigInt(mention.createdAtMs) * 1000n, hashString(mention.key))}`;
  const isFollow = (mention: IncomingMention) => mention.key.startsWith('m:') && hashString(mention.key) % 4 === 3;

  const headersOf = (state: WindowState, policy: string) => ({
    'ratelimit-limit': String(state.limit),
    'ratelimit-remaining': String(state.remaining),
    'ratelimit-reset': String(Math.ceil(state.resetAtMs / 1000)),
    'ratelimit-policy': policy,
  });
  const xrpcError = (status: number, error: string, message: string, headers: Record<string, string> = {}) =>
    json(status, { error, message }, headers);

  const authorized = (request: SimRequest): Response | undefined => {
    const token = bearer(request);
    if (!token) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    const expires = accessTokens.get(token);
    if (expires === undefined) return xrpcError(401, 'InvalidToken', 'Token could not be verified');
    if (clock.now() >= expires) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return undefined;
  };

  const invalid = (message: string, error = 'InvalidRequest'): Result => ({ status: 400, body: { error, message } });

  // --- The repository: every record the account wrote, by `<collection>/<rkey>`. ---
  const records = new Map<string, StoredRecord>();
  const nextRkey = () => tid(BigInt(clock.now()) * 1000n + BigInt(clockId++ % 1000), 7);
  const commitOf = async (change: string) => {
    const rev = tid(BigInt(clock.now()) * 1000n + BigInt(clockId++ % 1000), 1);
    return { cid: await recordCid({ did, rev, change, version: 3 }), rev };
  };
  const ownRepo = (repo: unknown) => repo === did || repo === handle;

  // The posts of other users that mention the account, as their records (their CIDs are real too).
  const mentionPosts = new Map<string, { uri: string; cid: string; record: Record<string, unknown> }>();
  const mentionPost = async (mention: IncomingMention) => {
    const known = mentionPosts.get(mention.key);
    if (known) return known;
    const own = mention.postId ? world.posts.find((post) => post.id === mention.postId) : undefined;
    const ownRef = own ? { uri: own.id, cid: String(own.extra.cid) } : undefined;
    const text = mention.kind === 'reply' ? mention.text.replace(`@${handle} `, '') : mention.text;
    const start = utf8Length(text.slice(0, text.indexOf(`@${handle}`)));
    const record: Record<string, unknown> = {
      $type: 'app.bsky.feed.post',
      text,
      createdAt: new Date(mention.createdAtMs).toISOString(),
      ...(mention.language ? { langs: [mention.language] } : {}),
      ...(text.includes(`@${handle}`)
        ? {
            facets: [
              {
                index: { byteStart: start, byteEnd: start + utf8Length(`@${handle}`) },
                features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
              },
            ],
          }
        : {}),
      ...(ownRef && mention.kind === 'quote' ? { embed: { $type: 'app.bsky.embed.record', record: ownRef } } : {}),
      ...(ownRef && mention.kind !== 'quote' ? { reply: { root: ownRef, parent: ownRef } } : {}),
    };
    const made = { uri: mentionUri(mention), cid: await recordCid(record), record };
    mentionPosts.set(mention.key, made);
    return made;
  };

  /** The CID of the record at `uri` as this simulated network knows it, or undefined when it knows no such record. */
  const knownCid = async (uri: string): Promise<string | undefined> => {
    const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
    if (!match) return undefined;
    if (ownRepo(match[1])) return records.get(`${match[2]}/${match[3]}`)?.cid;
    const mention = world.mentions().find((entry) => !isFollow(entry) && mentionUri(entry) === uri);
    return mention ? (await mentionPost(mention)).cid : undefined;
  };

  // Strong refs (`com.atproto.repo.strongRef`: reply root and parent, quoted records, like and
  // repost subjects) must name a record this network holds, at the CID it has. A real PDS does
  // not look (the record may live on another PDS) and the AppView then shows a broken thread or
  // quote; the simulator refuses instead, so made-up or stale CIDs show up in tests.
  const strongRefProblems = async (value: unknown, path: string): Promise<string[]> => {
    if (Array.isArray(value)) return (await Promise.all(value.map((item, index) => strongRefProblems(item, `${path}/${index}`)))).flat();
    if (typeof value !== 'object' || value === null) return [];
    const object = value as Record<string, unknown>;
    if (typeof object.uri === 'string' && object.uri.startsWith('at://') && typeof object.cid === 'string') {
      const cid = await knownCid(object.uri);
      if (cid === undefined) return [`${path}/uri: could not locate record ${object.uri}`];
      return cid === object.cid ? [] : [`${path}/cid: ${object.cid} is not the CID of ${object.uri} (${cid})`];
    }
    const nested = await Promise.all(Object.entries(object).map(([key, item]) => strongRefProblems(item, `${path}/${key}`)));
    return nested.flat();
  };

  // Blob refs must name blobs this account uploaded (a PDS refuses a record whose blob it does not hold).
  const blobProblems = (value: unknown, path: string): string[] => {
    if (Array.isArray(value)) return value.flatMap((item, index) => blobProblems(item, `${path}/${index}`));
    if (typeof value !== 'object' || value === null) return [];
    const object = value as Record<string, unknown>;
    if (object.$type === 'blob') {
      const link = (object.ref as { $link?: unknown } | undefined)?.$link;
      return typeof link === 'string' && blobs.has(link) ? [] : [`${path}: could not find blob ${String(link)}`];
    }
    return Object.entries(object).flatMap(([key, item]) => blobProblems(item, `${path}/${key}`));
  };

  type PreparedWrite = {
    collection: string;
    rkey: string;
    record: Record<string, unknown>;
    cid: string;
    validationStatus?: 'valid' | 'unknown';
  };

  /** Checks one record as `com.atproto.repo.createRecord` / `putRecord` / `applyWrites` do before committing it. */
  const prepareWrite = async (input: {
    collection: string;
    rkey?: string;
    record: Record<string, unknown>;
    validate?: boolean;
  }): Promise<PreparedWrite | Result> => {
    const record = input.record.$type === undefined ? { ...input.record, $type: input.collection } : input.record;
    if (record.$type !== input.collection) return invalid(`Invalid $type: expected ${input.collection}, got ${String(record.$type)}`);
    const rkey = input.rkey ?? nextRkey();
    let validationStatus: PreparedWrite['validationStatus'];
    if (input.validate !== false) {
      if (!isKnownRecordType(input.collection)) {
        if (input.validate === true) return invalid(`Unknown lexicon type: ${input.collection}`);
        validationStatus = 'unknown';
      } else {
        try {
          validateRecord(input.collection, rkey, record);
        } catch (error) {
          if (error instanceof LexiconViolation) return invalid(error.message);
          throw error;
        }
        const refs = await strongRefProblems(record, 'Record');
        if (refs.length > 0) return invalid(`Invalid ${input.collection} record: ${refs.join('; ')}`);
        validationStatus = 'valid';
      }
    }
    const missing = blobProblems(record, 'Record');
    if (missing.length > 0) return invalid(missing.join('; '), 'BlobNotFound');
    return { collection: input.collection, rkey, record, cid: await recordCid(record), ...(validationStatus ? { validationStatus } : {}) };
  };

  const commitWrite = (write: PreparedWrite): string => {
    const uri = `at://${did}/${write.collection}/${write.rkey}`;
    threadgateChange(write.rkey, records.get(`${write.collection}/${write.rkey}`)?.value, write.collection, write.record);
    records.set(`${write.collection}/${write.rkey}`, { uri, cid: write.cid, value: write.record });
    recordAction(write.collection, write.record, 'create');
    if (write.collection === 'app.bsky.feed.post') {
      const existing = world.posts.find((post) => post.id === uri && !post.deleted);
      if (existing) {
        existing.text = String(write.record.text);
        existing.extra = { ...existing.extra, cid: write.cid, record: write.record };
      } else {
        const reply = write.record.reply as { parent?: { uri?: string } } | undefined;
        world.addPost({
          id: uri,
          accountId: did,
          text: String(write.record.text),
          createdAtMs: clock.now(),
          ...(reply?.parent?.uri ? { replyToId: reply.parent.uri } : {}),
          mediaIds: blobLinks(write.record),
          extra: { cid: write.cid, rkey: write.rkey, record: write.record },
        });
      }
    }
    return uri;
  };

  const deleteWrite = (collection: string, rkey: string) => {
    const stored = records.get(`${collection}/${rkey}`);
    if (stored) recordAction(collection, stored.value, 'delete');
    if (stored) threadgateChange(rkey, stored.value, collection, undefined);
    records.delete(`${collection}/${rkey}`);
    const post = world.livePost(`at://${did}/${collection}/${rkey}`);
    if (post) post.deleted = true;
  };

  // --- Actions on mentions (issue 25): like and block records, muteActor, createReport. ---
  const mentionByUri = (uri: string) => world.mentions().find((entry) => !isFollow(entry) && mentionUri(entry) === uri);
  const userByActor = (actor: string) => world.users.find((user) => userDid(user) === actor || author(user).handle === actor);
  // A like (`app.bsky.feed.like`) or block (`app.bsky.graph.block`) record written or deleted is the action itself.
  const recordAction = (collection: string, record: Record<string, unknown>, change: 'create' | 'delete') => {
    if (collection === 'app.bsky.feed.like') {
      const mention = mentionByUri(String((record.subject as { uri?: unknown } | undefined)?.uri));
      if (mention) world.act(change === 'create' ? 'like' : 'unlike', mention);
    }
    if (collection === 'app.bsky.graph.block') {
      const user = userByActor(String(record.subject));
      if (user) world.act(change === 'create' ? 'block' : 'unblock', user);
    }
  };
  // A thread gate's `hiddenReplies` hides replies in the thread it gates; the AppView honours a gate
  // only under the same record key as the account's own root post it names.
  // https://docs.bsky.app/docs/advanced-guides/moderation#hiding-replies (lexicon app.bsky.feed.threadgate)
  const threadgateChange = (
    rkey: string,
    before: Record<string, unknown> | undefined,
    collection: string,
    after: Record<string, unknown> | undefined,
  ) => {
    if (collection !== 'app.bsky.feed.threadgate') return;
    const hiddenIn = (record: Record<string, unknown> | undefined) =>
      record && record.post === `at://${did}/app.bsky.feed.post/${rkey}` && Array.isArray(record.hiddenReplies)
        ? new Set(record.hiddenReplies.map(String))
        : new Set<string>();
    const [was, now] = [hiddenIn(before), hiddenIn(after)];
    for (const uri of now) if (!was.has(uri)) actOnUri('hide', uri);
    for (const uri of was) if (!now.has(uri)) actOnUri('unhide', uri);
  };
  const actOnUri = (action: 'hide' | 'unhide', uri: string) => {
    const mention = mentionByUri(uri);
    if (mention) world.act(action, mention);
  };
  /** The account's like record of `uri`, if it liked it. */
  const likeOf = (uri: string) =>
    [...records.values()].find(
      (stored) => stored.value.$type === 'app.bsky.feed.like' && (stored.value.subject as { uri?: unknown } | undefined)?.uri === uri,
    );
  // Another user's post, as the AppView shows it to the account: the only like it knows is the account's own.
  const mentionPostView = async (mention: IncomingMention) => {
    const post = await mentionPost(mention);
    const like = likeOf(post.uri);
    return {
      uri: post.uri,
      cid: post.cid,
      author: author(mention.author),
      record: post.record,
      replyCount: 0,
      repostCount: 0,
      likeCount: like ? 1 : 0,
      quoteCount: 0,
      indexedAt: new Date(mention.createdAtMs).toISOString(),
      viewer: { ...(like ? { like: like.uri } : {}), threadMuted: false, embeddingDisabled: false },
      labels: [],
    };
  };

  // https://docs.bsky.app/docs/api/app-bsky-graph-mute-actor (lexicon app.bsky.graph.muteActor): no output.
  const muteActor: Endpoint = {
    nsid: 'app.bsky.graph.muteActor',
    access: 'session',
    spend: { read: true },
    handle(request) {
      const { actor } = request.body as { actor: string };
      const user = userByActor(actor);
      if (!user) return invalid(`Actor not found: ${actor}`);
      world.act('mute', user);
      return { status: 200, body: undefined };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-moderation-create-report (lexicon com.atproto.moderation.createReport):
  // a strongRef subject must name a post this network holds, at its CID.
  let reportSerial = 0;
  const createReport: Endpoint = {
    nsid: 'com.atproto.moderation.createReport',
    access: 'session',
    spend: { read: true },
    async handle(request) {
      const body = request.body as {
        reasonType: string;
        reason?: string;
        subject: { $type?: string; uri?: string; cid?: string; did?: string };
      };
      const mention = body.subject.uri === undefined ? undefined : mentionByUri(body.subject.uri);
      const user = body.subject.did === undefined ? undefined : userByActor(body.subject.did);
      if (body.subject.uri !== undefined) {
        if (!mention || (await knownCid(body.subject.uri)) !== body.subject.cid)
          return invalid(`Could not locate record: ${body.subject.uri}`);
      } else if (!user) return invalid(`Could not find repo: ${String(body.subject.did)}`);
      const kind = body.reasonType === 'com.atproto.moderation.defs#reasonSpam' ? 'report-spam' : `report:${body.reasonType}`;
      const entry = world.act(kind, mention ?? user!, body.reason);
      reportSerial += 1;
      return {
        status: 200,
        body: {
          id: reportSerial,
          reasonType: body.reasonType,
          ...(body.reason === undefined ? {} : { reason: body.reason }),
          subject: body.subject,
          reportedBy: did,
          createdAt: new Date(entry.atMs).toISOString(),
        },
      };
    },
  };

  const isPrepared = (value: PreparedWrite | Result): value is PreparedWrite => 'cid' in value;

  // https://docs.bsky.app/docs/api/com-atproto-repo-create-record (lexicon com.atproto.repo.createRecord)
  const createRecord: Endpoint = {
    nsid: 'com.atproto.repo.createRecord',
    access: 'session',
    spend: { write: () => POINTS.create },
    async handle(request) {
      const body = request.body as { repo: string; collection: string; rkey?: string; record: Record<string, unknown>; validate?: boolean };
      if (!ownRepo(body.repo)) return invalid(`Could not find repo: ${body.repo}`);
      if (body.rkey !== undefined && records.has(`${body.collection}/${body.rkey}`))
        return invalid(`Record already exists at at://${did}/${body.collection}/${body.rkey}`);
      const prepared = await prepareWrite(body);
      if (!isPrepared(prepared)) return prepared;
      const uri = commitWrite(prepared);
      const commit = await commitOf(`create:${uri}:${prepared.cid}`);
      return { status: 200, body: { uri, cid: prepared.cid, commit, ...statusOf(prepared) } };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-repo-put-record (lexicon com.atproto.repo.putRecord)
  const putRecord: Endpoint = {
    nsid: 'com.atproto.repo.putRecord',
    access: 'session',
    spend: { write: () => POINTS.update },
    async handle(request) {
      const body = request.body as {
        repo: string;
        collection: string;
        rkey: string;
        record: Record<string, unknown>;
        validate?: boolean;
        swapRecord?: string | null;
      };
      if (!ownRepo(body.repo)) return invalid(`Could not find repo: ${body.repo}`);
      // swapRecord is a compare-and-swap on the record's current CID; null means "must not exist yet".
      if (body.swapRecord !== undefined) {
        const current = records.get(`${body.collection}/${body.rkey}`)?.cid ?? null;
        if (current !== body.swapRecord) return invalid(`Record was at ${current ?? 'null'}`, 'InvalidSwap');
      }
      const prepared = await prepareWrite(body);
      if (!isPrepared(prepared)) return prepared;
      const uri = commitWrite(prepared);
      const commit = await commitOf(`put:${uri}:${prepared.cid}`);
      return { status: 200, body: { uri, cid: prepared.cid, commit, ...statusOf(prepared) } };
    },
  };

  type WriteOp =
    | { $type: 'com.atproto.repo.applyWrites#create'; collection: string; rkey?: string; value: Record<string, unknown> }
    | { $type: 'com.atproto.repo.applyWrites#update'; collection: string; rkey: string; value: Record<string, unknown> }
    | { $type: 'com.atproto.repo.applyWrites#delete'; collection: string; rkey: string };
  const costOf = (op: WriteOp) =>
    op.$type.endsWith('#create') ? POINTS.create : op.$type.endsWith('#update') ? POINTS.update : POINTS.delete;

  // https://docs.bsky.app/docs/api/com-atproto-repo-apply-writes (lexicon com.atproto.repo.applyWrites):
  // all writes are checked before any is applied, and they cost the sum of their points.
  const applyWrites: Endpoint = {
    nsid: 'com.atproto.repo.applyWrites',
    access: 'session',
    spend: { write: (request) => ((request.body as { writes?: WriteOp[] }).writes ?? []).map(costOf).reduce((sum, cost) => sum + cost, 0) },
    async handle(request) {
      const body = request.body as { repo: string; writes: WriteOp[]; validate?: boolean };
      if (!ownRepo(body.repo)) return invalid(`Could not find repo: ${body.repo}`);
      if (body.writes.length > 200) return invalid('Too many writes. Max: 200');
      const planned: Array<{ op: WriteOp; prepared?: PreparedWrite }> = [];
      for (const op of body.writes) {
        if (op.$type === 'com.atproto.repo.applyWrites#delete') {
          planned.push({ op });
          continue;
        }
        if (op.$type === 'com.atproto.repo.applyWrites#create' && op.rkey !== undefined && records.has(`${op.collection}/${op.rkey}`))
          return invalid(`Record already exists at at://${did}/${op.collection}/${op.rkey}`);
        const prepared = await prepareWrite({
          collection: op.collection,
          ...(op.rkey === undefined ? {} : { rkey: op.rkey }),
          record: op.value,
          ...(body.validate === undefined ? {} : { validate: body.validate }),
        });
        if (!isPrepared(prepared)) return prepared;
        planned.push({ op, prepared });
      }
      const results = planned.map(({ op, prepared }) => {
        if (!prepared) {
          deleteWrite(op.collection, op.rkey!);
          return { $type: 'com.atproto.repo.applyWrites#deleteResult' };
        }
        const uri = commitWrite(prepared);
        const kind = op.$type.endsWith('#create') ? 'createResult' : 'updateResult';
        return { $type: `com.atproto.repo.applyWrites#${kind}`, uri, cid: prepared.cid, ...statusOf(prepared) };
      });
      const commit = await commitOf(`apply:${JSON.stringify(results)}`);
      return { status: 200, body: { commit, results } };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-repo-delete-record (lexicon com.atproto.repo.deleteRecord)
  const deleteRecord: Endpoint = {
    nsid: 'com.atproto.repo.deleteRecord',
    access: 'session',
    spend: { write: () => POINTS.delete },
    async handle(request) {
      const body = request.body as { repo: string; collection: string; rkey: string };
      if (!ownRepo(body.repo)) return invalid(`Could not find repo: ${body.repo}`);
      // Deleting a record that does not exist succeeds (nothing to do), as on a real PDS.
      deleteWrite(body.collection, body.rkey);
      return { status: 200, body: { commit: await commitOf(`delete:${body.collection}/${body.rkey}`) } };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-repo-upload-blob (lexicon com.atproto.repo.uploadBlob): any
  // content type, the CID is the raw-codec CID of the bytes.
  const uploadBlob: Endpoint = {
    nsid: 'com.atproto.repo.uploadBlob',
    access: 'session',
    spend: {},
    async handle(request) {
      const type = (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
      const bytes = request.bodySize;
      // The lexicons cap images at 1 000 000 bytes as this simulator keeps them (the record
      // check refuses bigger ones) and app.bsky.embed.video at 100 000 000: a PDS takes video that large.
      const limit = type.startsWith('video/') ? 100_000_000 : 1_000_000;
      if (bytes > limit)
        return invalid(`This file is too large. It is ${bytes} bytes but the maximum size is ${limit} bytes.`, 'BlobTooLarge');
      const cid = request.sha256 ? blobCidFromSha256(request.sha256) : await blobCid(request.bytes);
      blobs.set(cid, { cid, mimeType: type, size: bytes });
      return { status: 200, body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType: type, size: bytes } } };
    },
  };

  const postView = (post: SimPost) => {
    const counters = world.counters(post);
    return {
      uri: post.id,
      cid: String(post.extra.cid),
      author: { did, handle, displayName: 'smm brand', labels: [], createdAt: '2024-01-01T00:00:00.000Z' },
      record: post.extra.record,
      replyCount: counters.replies,
      repostCount: counters.reposts,
      likeCount: counters.likes,
      quoteCount: counters.quotes,
      ...(options.bookmarks ? { bookmarkCount: counters.bookmarks } : {}),
      indexedAt: post.createdAt,
      viewer: { threadMuted: false, embeddingDisabled: false },
      labels: [],
    };
  };

  // https://docs.bsky.app/docs/api/com-atproto-identity-resolve-handle (lexicon com.atproto.identity.resolveHandle)
  const resolveHandle: Endpoint = {
    nsid: 'com.atproto.identity.resolveHandle',
    access: 'public',
    spend: { read: true },
    handle(_request, params) {
      const wanted = String(params.handle).toLowerCase();
      if (wanted === handle) return { status: 200, body: { did } };
      const user = world.users.find((entry) => `${entry.handle}.bsky.social` === wanted);
      return user ? { status: 200, body: { did: userDid(user) } } : invalid('Unable to resolve handle');
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-repo-get-record (lexicon com.atproto.repo.getRecord)
  const getRecord: Endpoint = {
    nsid: 'com.atproto.repo.getRecord',
    access: 'public',
    spend: { read: true },
    handle(_request, params) {
      const { repo, collection, rkey, cid } = params as { repo: string; collection: string; rkey: string; cid?: string };
      const uri = `at://${repo}/${collection}/${rkey}`;
      const found = ownRepo(repo) ? records.get(`${collection}/${rkey}`) : undefined;
      if (!found || (cid !== undefined && cid !== found.cid)) return invalid(`Could not locate record: ${uri}`, 'RecordNotFound');
      return { status: 200, body: { uri: found.uri, cid: found.cid, value: found.value } };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-repo-list-records (lexicon com.atproto.repo.listRecords): newest
  // record key first unless `reverse`; the cursor is the last record key of the page.
  const listRecords: Endpoint = {
    nsid: 'com.atproto.repo.listRecords',
    access: 'public',
    spend: { read: true },
    handle(_request, params) {
      const { repo, collection, cursor, reverse } = params as { repo: string; collection: string; cursor?: string; reverse?: boolean };
      const limit = (params.limit as number | undefined) ?? 50;
      if (!ownRepo(repo)) return invalid(`Could not find repo: ${repo}`);
      const keys = [...records.keys()]
        .filter((key) => key.startsWith(`${collection}/`))
        .map((key) => key.slice(collection.length + 1))
        .sort();
      if (!reverse) keys.reverse();
      const after = cursor === undefined ? keys : keys.filter((rkey) => (reverse ? rkey > cursor : rkey < cursor));
      const page = after.slice(0, limit);
      return {
        status: 200,
        body: {
          records: page.map((rkey) => {
            const stored = records.get(`${collection}/${rkey}`)!;
            return { uri: stored.uri, cid: stored.cid, value: stored.value };
          }),
          ...(after.length > page.length ? { cursor: page.at(-1) } : {}),
        },
      };
    },
  };

  // https://docs.bsky.app/docs/api/app-bsky-feed-get-posts (lexicon app.bsky.feed.getPosts; `uris` ≤ 25)
  const getPosts: Endpoint = {
    nsid: 'app.bsky.feed.getPosts',
    access: 'session',
    spend: { read: true },
    async handle(_request, params) {
      const uris = params.uris as string[];
      // Posts that do not exist (or were deleted) are left out, as the AppView does; other users'
      // posts that mention the account are there too.
      const views = await Promise.all(
        uris.map(async (uri) => {
          const own = world.livePost(uri);
          if (own) return postView(own);
          const mention = mentionByUri(uri);
          return mention ? mentionPostView(mention) : undefined;
        }),
      );
      return { status: 200, body: { posts: views.filter((view) => view !== undefined) } };
    },
  };

  // https://docs.bsky.app/docs/api/app-bsky-notification-list-notifications (lexicon app.bsky.notification.listNotifications)
  const listNotifications: Endpoint = {
    nsid: 'app.bsky.notification.listNotifications',
    access: 'session',
    spend: { read: true },
    async handle(_request, params) {
      const limit = (params.limit as number | undefined) ?? 50;
      const cursor = params.cursor as string | undefined;
      const all = world.mentions().reverse();
      const offset = cursor === undefined ? 0 : Number(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Number.isInteger(offset) || offset < 0) return invalid('Malformed cursor');
      const page = all.slice(offset, offset + limit);
      const notifications = await Promise.all(
        page.map(async (mention) => {
          const createdAt = new Date(mention.createdAtMs).toISOString();
          if (isFollow(mention)) {
            const record = { $type: 'app.bsky.graph.follow', subject: did, createdAt };
            return {
              uri: `at://${userDid(mention.author)}/app.bsky.graph.follow/${tid(BigInt(mention.createdAtMs) * 1000n, 3)}`,
              cid: await recordCid(record),
              author: author(mention.author),
              reason: 'follow',
              record,
              isRead: false,
              indexedAt: createdAt,
              labels: [],
            };
          }
          const post = await mentionPost(mention);
          const subject = mention.postId && world.posts.some((entry) => entry.id === mention.postId) ? mention.postId : undefined;
          return {
            uri: post.uri,
            cid: post.cid,
            author: author(mention.author),
            reason: mention.kind,
            ...(subject ? { reasonSubject: subject } : {}),
            record: post.record,
            isRead: false,
            indexedAt: createdAt,
            labels: [],
          };
        }),
      );
      const more = all.length > offset + page.length;
      return {
        status: 200,
        body: {
          notifications,
          ...(more ? { cursor: Buffer.from(String(offset + page.length)).toString('base64url') } : {}),
          priority: false,
        },
      };
    },
  };

  // https://docs.bsky.app/docs/api/app-bsky-actor-get-profile (lexicon app.bsky.actor.getProfile)
  const getProfile: Endpoint = {
    nsid: 'app.bsky.actor.getProfile',
    access: 'session',
    spend: { read: true },
    handle(_request, params) {
      const other = publicAccount(params.actor);
      if (other) return { status: 200, body: publicProfile(other) };
      if (!ownRepo(params.actor)) return invalid('Profile not found');
      return {
        status: 200,
        body: {
          did,
          handle,
          displayName: 'smm brand',
          followersCount: world.followers(),
          followsCount: world.following(),
          postsCount: world.posts.filter((post) => !post.deleted).length,
          indexedAt: '2024-01-01T00:00:00.000Z',
          labels: [],
        },
      };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-server-create-session (lexicon com.atproto.server.createSession)
  const createSession: Endpoint = {
    nsid: 'com.atproto.server.createSession',
    access: 'public',
    spend: { session: true },
    handle(request) {
      const body = request.body as { identifier: string; password: string };
      if ((body.identifier !== handle && body.identifier !== did) || body.password !== password) {
        return { status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } };
      }
      return { status: 200, body: newSession() };
    },
  };

  // https://docs.bsky.app/docs/api/com-atproto-server-refresh-session (lexicon com.atproto.server.refreshSession):
  // authorised by the refresh JWT, which works once.
  const refreshSession: Endpoint = {
    nsid: 'com.atproto.server.refreshSession',
    access: 'refresh',
    spend: {},
    handle(request) {
      const token = bearer(request);
      if (!token || !refreshTokens.has(token)) return invalid('Token has been revoked', 'ExpiredToken');
      refreshTokens.delete(token);
      return { status: 200, body: newSession() };
    },
  };

  // --- Accounts you do not own (competitors): read methods only. ---
  const publicAccounts = createPublicAccounts(
    (index) => `did:plc:public${String(index).padStart(2, '0')}${'y'.repeat(16)}`,
    (account, index, post) => `at://${account}/app.bsky.feed.post/${tid(BigInt(Date.parse(post.createdAt)) * 1000n, 500 + index)}`,
  );
  const publicAccount = (actor: unknown) =>
    typeof actor === 'string' ? (actor.startsWith('did:') ? publicAccounts.byId(actor) : publicAccounts.byHandle(actor)) : undefined;
  const publicAuthor = (account: PublicAccountRecord) => ({
    did: account.id,
    handle: account.handle,
    displayName: account.displayName,
    labels: [],
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  const publicProfile = (account: PublicAccountRecord) => ({
    ...publicAuthor(account),
    followersCount: account.followers,
    followsCount: account.following,
    postsCount: account.postsCount,
    indexedAt: '2024-01-01T00:00:00.000Z',
  });

  // https://docs.bsky.app/docs/api/app-bsky-feed-get-author-feed (lexicon app.bsky.feed.getAuthorFeed; `limit` 1–100, `cursor`)
  const getAuthorFeed: Endpoint = {
    nsid: 'app.bsky.feed.getAuthorFeed',
    access: 'session',
    spend: { read: true },
    async handle(_request, params) {
      const account = publicAccount(params.actor);
      if (!account) return invalid('Profile not found');
      const limit = Number(params.limit ?? 50);
      const start = typeof params.cursor === 'string' ? Number(params.cursor) : 0;
      const page = account.posts.slice(start, start + limit);
      const feed = await Promise.all(
        page.map(async (post) => {
          const record = { $type: 'app.bsky.feed.post', text: post.text, createdAt: new Date(post.createdAtMs).toISOString() };
          return {
            post: {
              uri: post.id,
              cid: await recordCid(record),
              author: publicAuthor(account),
              record,
              replyCount: post.replies ?? 0,
              repostCount: post.reposts ?? 0,
              likeCount: post.likes ?? 0,
              quoteCount: post.quotes ?? 0,
              indexedAt: record.createdAt,
              labels: [],
            },
          };
        }),
      );
      return { status: 200, body: { feed, ...(start + limit < account.posts.length ? { cursor: String(start + limit) } : {}) } };
    },
  };

  const limited = (policy: { limit: number; windowMs: number }, state: WindowState) =>
    headersOf(state, `${policy.limit};w=${policy.windowMs / 1000}`);

  /** One XRPC method served as the PDS's XRPC server serves it: params, then auth, then input, then limits, then the handler. */
  const serve = (endpoint: Endpoint): SimRoute => {
    const shape = methodShape(endpoint.nsid);
    return {
      method: shape.type === 'query' ? 'GET' : 'POST',
      path: `/xrpc/${endpoint.nsid}`,
      async handle(request) {
        let params: Record<string, unknown>;
        try {
          params = validateParams(endpoint.nsid, request.searchParams);
        } catch (error) {
          if (error instanceof LexiconViolation) return xrpcError(400, 'InvalidRequest', error.message);
          throw error;
        }
        if (endpoint.access === 'session') {
          const denied = authorized(request);
          if (denied) return denied;
        }
        if (shape.input) {
          if (request.bodySize === 0) return xrpcError(400, 'InvalidRequest', 'A request body is expected but none was provided');
          const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
          if (shape.input.encoding !== '*/*' && type !== shape.input.encoding)
            return xrpcError(400, 'InvalidRequest', `Wrong request encoding (Content-Type): ${type}`);
          if (shape.input.schema) {
            try {
              validateInput(endpoint.nsid, request.body);
            } catch (error) {
              if (error instanceof LexiconViolation) return xrpcError(400, 'InvalidRequest', error.message);
              throw error;
            }
          }
        }
        let headers: Record<string, string> = {};
        let afterwards: (() => Record<string, string>) | undefined;
        if (endpoint.spend.read || endpoint.spend.session) {
          const policy = endpoint.spend.read ? limits.reads : limits.sessions;
          const state = windows.spend(`${did}:${endpoint.spend.read ? 'reads' : 'sessions'}`, policy);
          headers = limited(policy, state);
          if (!state.allowed) return xrpcError(429, 'RateLimitExceeded', 'Rate Limit Exceeded', headers);
        }
        if (endpoint.spend.write) {
          // Points from both the hourly and the daily budget; headers report the tighter one.
          const cost = endpoint.spend.write(request);
          const hourly = windows.peek(`${did}:hour`, limits.hourlyPoints);
          const daily = windows.peek(`${did}:day`, limits.dailyPoints);
          const tighter =
            daily.remaining < hourly.remaining
              ? { state: daily, policy: limits.dailyPoints }
              : { state: hourly, policy: limits.hourlyPoints };
          headers = limited(tighter.policy, tighter.state);
          if (hourly.remaining < cost || daily.remaining < cost) {
            return xrpcError(
              429,
              'RateLimitExceeded',
              'Rate Limit Exceeded',
              limited(tighter.policy, { ...tighter.state, remaining: Math.min(hourly.remaining, daily.remaining) }),
            );
          }
          afterwards = () => {
            const spentHour = windows.spend(`${did}:hour`, limits.hourlyPoints, cost);
            const spentDay = windows.spend(`${did}:day`, limits.dailyPoints, cost);
            return limited(tighter.policy, spentDay.remaining < spentHour.remaining ? spentDay : spentHour);
          };
        }
        const { status, body } = await endpoint.handle(request, params);
        if (status === 200 && shape.output) {
          try {
            validateOutput(endpoint.nsid, body);
          } catch (error) {
            // The simulator broke its own lexicon: a bug here, not in the caller.
            if (error instanceof LexiconViolation)
              return xrpcError(500, 'InternalServerError', `simulator output is off-spec: ${error.message}`);
            throw error;
          }
        }
        if (status < 400 && afterwards) headers = afterwards();
        return json(status, body, headers);
      },
    };
  };

  const routes: SimRoute[] = [
    createSession,
    refreshSession,
    createRecord,
    putRecord,
    applyWrites,
    deleteRecord,
    uploadBlob,
    resolveHandle,
    getRecord,
    listRecords,
    getPosts,
    listNotifications,
    getProfile,
    // Read methods for accounts you do not own (competitors).
    getAuthorFeed,
    // Actions on mentions (issue 25).
    muteActor,
    createReport,
  ].map(serve);

  const engine = createSimulatorEngine({
    platform: 'bluesky',
    baseUrl: options.baseUrl ?? 'https://bsky.social',
    clock,
    routes,
    faultResponses: {
      rateLimited: (_request, resetAtMs) =>
        xrpcError(
          429,
          'RateLimitExceeded',
          'Rate Limit Exceeded',
          headersOf(
            { allowed: false, limit: limits.hourlyPoints.limit, remaining: 0, resetAtMs, windowMs: limits.hourlyPoints.windowMs },
            `${limits.hourlyPoints.limit};w=3600`,
          ),
        ),
      serverError: (_request, status) => xrpcError(status, 'InternalServerError', 'Internal Server Error'),
      expiredToken: () => xrpcError(400, 'ExpiredToken', 'Token has expired'),
      notFound: (request) => xrpcError(501, 'MethodNotImplemented', `Method Not Implemented: ${request.path}`),
    },
    onExpiredToken: (request) => {
      const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (token && accessTokens.has(token)) accessTokens.set(token, clock.now());
    },
  });

  return {
    ...engine,
    account: { id: did, handle },
    credentials: { identifier: handle, password },
    posts: () => world.posts.map((post) => ({ ...post })),
    blobs: () => [...blobs.values()],
    addPublicAccount: (seed) => ({ id: publicAccounts.add(seed).id }),
    reportedPostMetrics(postId) {
      const post = world.posts.find((entry) => entry.id === postId);
      if (!post) return {};
      const view = postView(post) as Record<string, unknown>;
      return Object.fromEntries(
        ['replyCount', 'repostCount', 'likeCount', 'quoteCount', 'bookmarkCount']
          .filter((name) => typeof view[name] === 'number')
          .map((name) => [name, view[name] as number]),
      );
    },
    reportedAccountMetrics: () => ({
      followersCount: world.followers(),
      followsCount: world.following(),
      postsCount: world.posts.filter((post) => !post.deleted).length,
    }),
    mentionCount: () => world.mentions().filter((mention) => !isFollow(mention)).length,
    mentionActions: () =>
      world.actions.map((entry) => {
        const mention = entry.mentionKey === undefined ? undefined : world.mentions().find((m) => m.key === entry.mentionKey);
        return {
          action: entry.action,
          ...(mention ? { uri: mentionUri(mention) } : {}),
          did: userDid(world.users[entry.authorIndex]!),
          at: new Date(entry.atMs).toISOString(),
          ...(entry.reason === undefined ? {} : { reason: entry.reason }),
        };
      }),
    addMention: (input) =>
      void world.addMention({
        text: input.text,
        kind: input.kind ?? 'mention',
        ...(input.postId ? { postId: input.postId } : {}),
        ...(input.language ? { language: input.language } : {}),
      }),
  };
}
