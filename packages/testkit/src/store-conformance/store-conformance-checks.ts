import {
  EntryConflictError,
  EntryNotFoundError,
  IllegalTransitionError,
  type CalendarEntry,
  type DueSummary,
  type ScheduleStore,
} from '@smm/core/schedule-store';
import {
  ConformanceError,
  check,
  collectCheckResults,
  describeError,
  sameJson,
  withStoreHandles,
  type ConformanceResult,
  type StoreSuiteCheck,
  type StoreSuiteOptions,
} from '../conformance/index.js';
import { T0, at, richEntry, storeEntry } from './store-entry-fixtures.js';

/** Options of the schedule store conformance suite. */
export type StoreConformanceOptions = StoreSuiteOptions<ScheduleStore>;

/** One check of the schedule store suite. */
export type StoreConformanceCheck = StoreSuiteCheck;

type Body = (store: ScheduleStore, second: ScheduleStore) => Promise<void>;

function ids(entries: readonly CalendarEntry[]): string[] {
  return entries.map((entry) => entry.id);
}

async function rejects(promise: Promise<unknown>, is: (error: unknown) => boolean, expected: string, what: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    check(is(error), `${what}: expected ${expected}, got ${describeError(error)}`);
    return;
  }
  throw new ConformanceError(`${what}: expected ${expected}, but it succeeded`);
}

const conflict = (error: unknown) => EntryConflictError.isInstance(error);
const notFound = (error: unknown) => EntryNotFoundError.isInstance(error);

async function mustGet(store: ScheduleStore, id: string): Promise<CalendarEntry> {
  const entry = await store.get(id);
  check(entry !== undefined, `get("${id}") returned undefined for an entry that was written`);
  return entry;
}

const LEASE = 60_000;

// A claimed lease: owner and expiry as asked, and a fresh token (compared apart: its value is the store's).
function claimedLease(entry: CalendarEntry | undefined, owner: string, expiresAt: string, what: string): string {
  const lease = entry?.lease;
  sameJson(lease === null || lease === undefined ? lease : { owner: lease.owner, expiresAt: lease.expiresAt }, { owner, expiresAt }, what);
  check(
    typeof lease?.token === 'string' && lease.token.length > 0,
    `${what}: a claim must store a lease token (got ${JSON.stringify(lease?.token)})`,
  );
  return lease!.token!;
}

// The overdue part of a dueSummary (stuckPublishing is checked on its own).
function overdueOf(summary: DueSummary): { count: number; oldestScheduledAt: string | null } {
  return { count: summary.count, oldestScheduledAt: summary.oldestScheduledAt };
}
// Leases that write expectations (`leaseOwner`) rely on outlive the whole run, even for a
// store that judges expiry by its own clock.
const HOUR = 3_600_000;

const CHECKS: ReadonlyArray<readonly [string, Body]> = [
  [
    'insert and get return every field unchanged (unicode text, history, approvals, published refs, retry fields)',
    async (store) => {
      const rich = richEntry('rich-1');
      const plain = storeEntry('plain-1', { status: 'draft' });
      await store.insert(rich);
      await store.insert(plain);
      sameJson(await store.get('rich-1'), rich, 'get("rich-1")');
      sameJson(await store.get('plain-1'), plain, 'get("plain-1")');
      check((await store.get('missing')) === undefined, 'get("missing") must return undefined for an unknown id');
      const [found] = await store.query({ groupId: 'launch-g1' });
      sameJson(found, rich, 'query({ groupId }) result');
    },
  ],
  [
    'insert rejects an id that exists with EntryConflictError and keeps the stored entry',
    async (store) => {
      const first = storeEntry('a');
      await store.insert(first);
      await rejects(
        store.insert(storeEntry('a', { draft: { ...first.draft, text: 'other' } })),
        conflict,
        'EntryConflictError',
        'insert of an existing id',
      );
      sameJson(await store.get('a'), first, 'entry after a rejected insert');
    },
  ],
  [
    'insertMany is all or none',
    async (store) => {
      await store.insert(storeEntry('exists'));
      await rejects(
        store.insertMany([storeEntry('n1'), storeEntry('n2'), storeEntry('exists')]),
        conflict,
        'EntryConflictError',
        'insertMany with an existing id',
      );
      check(
        (await store.get('n1')) === undefined && (await store.get('n2')) === undefined,
        'insertMany with an existing id must insert nothing, but n1/n2 were stored',
      );
      await rejects(
        store.insertMany([storeEntry('d1'), storeEntry('d2'), storeEntry('d1')]),
        conflict,
        'EntryConflictError',
        'insertMany with an id repeated in the batch',
      );
      check(
        (await store.get('d1')) === undefined && (await store.get('d2')) === undefined,
        'insertMany with a repeated id must insert nothing, but d1/d2 were stored',
      );
      const batch = [storeEntry('m1'), storeEntry('m2', {}, 1_000), richEntry('m3')];
      await store.insertMany(batch);
      for (const entry of batch) sameJson(await store.get(entry.id), entry, `get("${entry.id}") after insertMany`);
      await store.insertMany([]);
    },
  ],
  [
    'put bumps the version, keeps status, history and lease, and enforces expectations',
    async (store) => {
      const original = storeEntry('p', { lease: { owner: 'w1', expiresAt: at(HOUR) } });
      await store.insert(original);
      const edited = {
        ...original,
        draft: { ...original.draft, text: 'edited ✏️' },
        approvals: [{ by: 'li', role: 'legal', at: at(5) }],
        lease: null,
      };
      const stored = await store.put(edited, { expectedVersion: original.version });
      check(stored.version === original.version + 1, `put must store version ${original.version + 1}, returned version ${stored.version}`);
      check(stored.draft.text === 'edited ✏️', 'put must store the new draft');
      sameJson(stored.lease, original.lease, 'put: the lease (leases change only through claim/extend/release/transition)');
      sameJson(await store.get('p'), stored, 'get after put (must equal what put returned)');

      await rejects(
        store.put({ ...stored, draft: { ...stored.draft, text: 'stale' } }, { expectedVersion: original.version }),
        conflict,
        'EntryConflictError',
        'put with a stale expectedVersion',
      );
      await rejects(store.put(stored, { expectedStatus: 'draft' }), conflict, 'EntryConflictError', 'put with a wrong expectedStatus');
      await rejects(
        store.put(stored, { leaseOwner: 'w2' }),
        conflict,
        'EntryConflictError',
        'put with leaseOwner of a worker that holds no lease',
      );
      await rejects(store.put({ ...stored, status: 'canceled' }), conflict, 'EntryConflictError', 'put that changes status');
      await rejects(
        store.put({ ...stored, history: stored.history.slice(0, 1) }),
        conflict,
        'EntryConflictError',
        'put that drops history records',
      );
      sameJson(await store.get('p'), stored, 'entry after rejected puts (nothing may change)');

      const withLease = await store.put(stored, { leaseOwner: 'w1', expectedStatus: 'scheduled', expectedVersion: stored.version });
      check(withLease.version === stored.version + 1, 'put with expectations that hold must succeed and bump the version');
      await rejects(
        store.put(storeEntry('ghost')),
        (e) => notFound(e) || conflict(e),
        'EntryNotFoundError (or EntryConflictError)',
        'put of an unknown id',
      );
      check((await store.get('ghost')) === undefined, 'put of an unknown id must not create it');
    },
  ],
  [
    'putMany is all or none and returns what it stored, in order',
    async (store) => {
      await store.insertMany([storeEntry('a'), storeEntry('b')]);
      const a = await mustGet(store, 'a');
      const b = await mustGet(store, 'b');
      await rejects(
        store.putMany([
          { entry: { ...a, draft: { ...a.draft, text: 'A2' } }, expect: { expectedVersion: a.version } },
          { entry: { ...b, draft: { ...b.draft, text: 'B2' } }, expect: { expectedVersion: b.version + 5 } },
        ]),
        conflict,
        'EntryConflictError',
        'putMany where the second write expects a wrong version',
      );
      sameJson(await store.get('a'), a, 'entry "a" after a rejected putMany (the first write must be rolled back)');
      const [a2, b2] = await store.putMany([
        { entry: { ...a, draft: { ...a.draft, text: 'A2' } }, expect: { expectedVersion: a.version } },
        { entry: { ...b, draft: { ...b.draft, text: 'B2' } } },
      ]);
      check(a2?.id === 'a' && b2?.id === 'b', 'putMany must return the stored entries in the order given');
      check(
        a2.draft.text === 'A2' && a2.version === a.version + 1 && b2.draft.text === 'B2' && b2.version === b.version + 1,
        'putMany must store each entry with version + 1',
      );
      sameJson(await store.get('b'), b2, 'get("b") after putMany');
    },
  ],
  [
    'transition applies the transition table atomically, appends history, applies the patch and can release the lease',
    async (store) => {
      await store.insert(storeEntry('t', { lease: { owner: 'w1', expiresAt: at(HOUR) } }));
      const before = await mustGet(store, 't');
      const moved = await store.transition('t', {
        to: 'publishing',
        at: at(10),
        by: 'w1',
        reason: 'claimed',
        leaseOwner: 'w1',
        expectedVersion: before.version,
        patch: { idempotencyKey: 'smm-t' },
      });
      check(moved.status === 'publishing', `transition must store status "publishing", got "${moved.status}"`);
      check(moved.version === before.version + 1, `transition must bump the version to ${before.version + 1}, got ${moved.version}`);
      sameJson(
        moved.history,
        [...before.history, { from: 'scheduled', to: 'publishing', at: at(10), by: 'w1', reason: 'claimed' }],
        'history after transition',
      );
      check(moved.idempotencyKey === 'smm-t', 'transition must apply its patch (idempotencyKey)');
      check(moved.updatedAt === at(10), 'transition must set updatedAt to the change time');
      sameJson(moved.lease, before.lease, 'lease after a transition without releaseLease');
      sameJson(await store.get('t'), moved, 'get after transition');

      await rejects(
        store.transition('t', { to: 'published', at: at(20), by: 'w2', leaseOwner: 'w2' }),
        conflict,
        'EntryConflictError',
        'transition with leaseOwner not holding the lease',
      );
      await rejects(
        store.transition('t', { to: 'published', at: at(20), by: 'w1', expectedVersion: before.version }),
        conflict,
        'EntryConflictError',
        'transition with a stale expectedVersion',
      );
      await rejects(
        store.transition('t', { to: 'published', at: at(20), by: 'w1', expectedStatus: 'scheduled' }),
        conflict,
        'EntryConflictError',
        'transition with a wrong expectedStatus',
      );
      await rejects(
        store.transition('t', { to: 'draft', at: at(20), by: 'w1' }),
        (e) => IllegalTransitionError.isInstance(e),
        'IllegalTransitionError',
        'transition publishing → draft',
      );
      sameJson(await store.get('t'), moved, 'entry after rejected transitions (nothing may change)');

      const published = {
        platform: 'x' as const,
        accountId: '1',
        parts: [{ platform: 'x', id: '99' }],
        publishedAt: at(30),
        idempotencyKey: 'smm-t',
      };
      const done = await store.transition('t', {
        to: 'published',
        at: at(30),
        by: 'w1',
        leaseOwner: 'w1',
        releaseLease: true,
        patch: { published },
      });
      check(done.lease === null, 'transition with releaseLease must drop the lease');
      sameJson(done.published, published, 'published refs after transition');
      check(done.history.length === before.history.length + 2, 'each transition appends exactly one history record');
      sameJson(await store.get('t'), done, 'get after the final transition');
      await rejects(
        store.transition('t', { to: 'scheduled', at: at(40), by: 'ana' }),
        (e) => IllegalTransitionError.isInstance(e),
        'IllegalTransitionError',
        'transition out of "published" (final)',
      );
      await rejects(
        store.transition('nope', { to: 'canceled', at: at(40), by: 'ana' }),
        notFound,
        'EntryNotFoundError',
        'transition of an unknown id',
      );
    },
  ],
  [
    'query filters by every criterion and orders earliest first, unplaced last, ties by id',
    async (store) => {
      const draft = (tags: string[], campaign?: string) => ({ ...storeEntry('_').draft, tags, ...(campaign ? { campaign } : {}) });
      await store.insertMany([
        storeEntry('e5', { accountKey: 'x:2', accountId: '2', draft: draft(['b']) }, 5 * 60_000),
        storeEntry('e1', { draft: draft(['a'], 'spring'), brand: 'acme', groupId: 'g1' }, 60_000),
        storeEntry('e3', { platform: 'mastodon', accountKey: 'mastodon:1', draft: draft(['a', 'b'], 'autumn'), groupId: 'g1' }, 3 * 60_000),
        storeEntry('e2', { status: 'published', draft: draft([]), brand: 'acme' }, 2 * 60_000),
        storeEntry('e4', { brand: 'other', draft: draft(['c'], 'spring') }, 3 * 60_000),
        storeEntry('u2', { status: 'draft', draft: draft(['a']) }),
        storeEntry('u1', { status: 'draft', draft: draft([]), brand: 'acme' }),
      ]);
      const expectIds = async (query: Parameters<ScheduleStore['query']>[0], expected: string[]) => {
        const got = ids(await store.query(query));
        check(
          got.join(',') === expected.join(','),
          `query(${JSON.stringify(query)}) must return [${expected.join(', ')}], got [${got.join(', ')}]`,
        );
      };
      await expectIds({}, ['e1', 'e2', 'e3', 'e4', 'e5', 'u1', 'u2']);
      await expectIds({ from: at(2 * 60_000), to: at(5 * 60_000) }, ['e2', 'e3', 'e4']);
      await expectIds({ from: at(3 * 60_000) }, ['e3', 'e4', 'e5']);
      await expectIds({ to: at(60_001) }, ['e1']);
      await expectIds({ accountKeys: ['x:2', 'mastodon:1'] }, ['e3', 'e5']);
      await expectIds({ platforms: ['mastodon'] }, ['e3']);
      await expectIds({ statuses: ['draft', 'published'] }, ['e2', 'u1', 'u2']);
      await expectIds({ tags: ['a'] }, ['e1', 'e3', 'u2']);
      await expectIds({ tags: ['b', 'c'] }, ['e3', 'e4', 'e5']);
      await expectIds({ campaigns: ['spring'] }, ['e1', 'e4']);
      await expectIds({ brands: ['acme'] }, ['e1', 'e2', 'u1']);
      await expectIds({ groupId: 'g1' }, ['e1', 'e3']);
      await expectIds({ brands: ['acme'], statuses: ['scheduled'], tags: ['a'] }, ['e1']);
      await expectIds({ statuses: ['scheduled'], limit: 2 }, ['e1', 'e3']);
      await expectIds({ limit: 6 }, ['e1', 'e2', 'e3', 'e4', 'e5', 'u1']);
      await expectIds({ platforms: ['bluesky'] }, []);
    },
  ],
  [
    'claimDue claims only due, unheld, unleased scheduled entries, earliest first, under a lease',
    async (store) => {
      await store.insertMany([
        storeEntry('late', {}, 30_000),
        storeEntry('due2', {}, -1_000),
        storeEntry('due1', {}, -5_000),
        storeEntry('due3', {}, 0),
        storeEntry('held', { hold: { scope: 'account', since: at(-9_000), by: 'ana' } }, -9_000),
        storeEntry('approved', { status: 'approved' }, -9_000),
        storeEntry('draft', { status: 'draft' }),
        storeEntry('leased', { lease: { owner: 'other', expiresAt: at(1) } }, -9_000),
        storeEntry('retry-later', { attempts: 1, nextAttemptAt: at(20_000) }, -9_000),
        storeEntry('retry-now', { attempts: 1, nextAttemptAt: at(-6_000) }, -9_000),
      ]);
      const first = await store.claimDue({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 2 });
      check(
        ids(first).sort().join(',') === 'due1,retry-now',
        `claimDue(limit 2) must claim the two earliest due entries [due1, retry-now] (due = later of scheduledAt and nextAttemptAt), got [${ids(first).join(', ')}]`,
      );
      for (const entry of first) {
        claimedLease(entry, 'w1', at(LEASE), `lease of claimed "${entry.id}"`);
        sameJson(await store.get(entry.id), entry, `stored "${entry.id}" after claimDue (must equal the returned entry)`);
      }
      const before = await store.get('due2');
      const rest = await store.claimDue({ owner: 'w2', now: T0, leaseMs: LEASE });
      check(
        ids(rest).sort().join(',') === 'due2,due3',
        `claimDue must then claim [due2, due3] (held, approved, draft, leased, not-yet-due and retry-later entries stay), got [${ids(rest).join(', ')}]`,
      );
      check(
        rest.every((entry) => entry.status === 'scheduled'),
        'claimDue must not change the status',
      );
      check(rest.find((entry) => entry.id === 'due2')!.version === before!.version + 1, 'claimDue must bump the version of what it claims');
      const again = await store.claimDue({ owner: 'w3', now: T0 + 1_000, leaseMs: LEASE });
      check(
        again.length === 1 && again[0]!.id === 'leased',
        `at T0+1s only "leased" (its lease expired at T0+1ms) may be claimed, got [${ids(again).join(', ')}]`,
      );
      const later = await store.claimDue({ owner: 'w3', now: T0 + 30_000, leaseMs: LEASE });
      check(
        ids(later).sort().join(',') === 'late,retry-later',
        `at T0+30s "late" and "retry-later" are due, got [${ids(later).join(', ')}]`,
      );
      const expired = await store.claimDue({ owner: 'w4', now: T0 + LEASE, leaseMs: LEASE, limit: 100 });
      check(
        ids(expired).sort().join(',') === 'due1,due2,due3,retry-now',
        `when the first leases expire their entries are claimable again: expected [due1, due2, due3, retry-now], got [${ids(expired).join(', ')}]`,
      );
      check(
        expired.every((entry) => entry.lease?.owner === 'w4'),
        'entries re-claimed after lease expiry must be leased to the new owner',
      );
    },
  ],
  [
    'claimDue hands out stale publishing entries (expired lease) for reconciliation, unless includeStalePublishing is false',
    async (store) => {
      await store.insertMany([
        storeEntry('stale', { status: 'publishing', idempotencyKey: 'k1', lease: { owner: 'dead', expiresAt: at(-1) } }, -60_000),
        storeEntry('live', { status: 'publishing', idempotencyKey: 'k2', lease: { owner: 'alive', expiresAt: at(30_000) } }, -60_000),
        storeEntry('unleased', { status: 'publishing', idempotencyKey: 'k3' }, -60_000),
      ]);
      const none = await store.claimDue({ owner: 'w1', now: T0, leaseMs: LEASE, includeStalePublishing: false });
      check(none.length === 0, `includeStalePublishing: false must claim no publishing entry, got [${ids(none).join(', ')}]`);
      const stale = await store.claimDue({ owner: 'w1', now: T0, leaseMs: LEASE });
      check(
        ids(stale).sort().join(',') === 'stale,unleased',
        `claimDue must hand out publishing entries whose lease expired or is absent [stale, unleased], never one under a live lease; got [${ids(stale).join(', ')}]`,
      );
      check(
        stale.every((entry) => entry.status === 'publishing' && entry.lease?.owner === 'w1'),
        'stale publishing entries are claimed as they are (still publishing), leased to the claimer',
      );
      const later = await store.claimDue({ owner: 'w2', now: T0 + 30_000, leaseMs: LEASE });
      check(ids(later).join(',') === 'live', `"live" becomes claimable when its lease expires, got [${ids(later).join(', ')}]`);
    },
  ],
  [
    'claim(id) claims one entry under the claimDue rules',
    async (store) => {
      await store.insertMany([
        storeEntry('due', {}, -1_000),
        storeEntry('future', {}, 60_000),
        storeEntry('held', { hold: { scope: 'brand', since: at(-1), by: 'ana' } }, -1_000),
        storeEntry('draft', { status: 'draft' }),
        storeEntry('stale', { status: 'publishing', lease: { owner: 'dead', expiresAt: at(-1) } }, -60_000),
        storeEntry('retry', { nextAttemptAt: at(10_000) }, -1_000),
      ]);
      const request = { owner: 'w1', now: T0, leaseMs: LEASE };
      const claimed = await store.claim('due', request);
      check(claimed?.id === 'due', 'claim("due") must return the entry');
      claimedLease(claimed, 'w1', at(LEASE), 'lease of claim("due")');
      sameJson(await store.get('due'), claimed, 'stored entry after claim (must equal the returned entry)');
      check(
        (await store.claim('due', { ...request, owner: 'w2' })) === undefined,
        'claim of an entry under another live lease must return undefined',
      );
      for (const id of ['future', 'held', 'draft', 'retry', 'missing']) {
        check((await store.claim(id, request)) === undefined, `claim("${id}") must return undefined (not claimable at T0)`);
      }
      check(
        (await store.claim('stale', { ...request, includeStalePublishing: false })) === undefined,
        'claim of a stale publishing entry with includeStalePublishing: false must return undefined',
      );
      check((await store.claim('stale', request))?.lease?.owner === 'w1', 'claim of a stale publishing entry must lease it to the claimer');
      check(
        (await store.claim('retry', { ...request, now: T0 + 10_000 }))?.id === 'retry',
        'claim("retry") must succeed once nextAttemptAt has come',
      );
      check(
        (await store.claim('due', { ...request, owner: 'w3', now: T0 + LEASE }))?.lease?.owner === 'w3',
        'after the lease expires another owner can claim the entry',
      );
    },
  ],
  [
    'concurrent claimDue and claim through two handles never hand out one entry twice',
    async (store, second) => {
      const count = 300;
      await store.insertMany(Array.from({ length: count }, (_, i) => storeEntry(`c${String(i).padStart(3, '0')}`, {}, -(i % 17) * 1_000)));
      const got = new Map<string, string[]>();
      const record = (owner: string, entries: ReadonlyArray<CalendarEntry | undefined>) => {
        for (const entry of entries) if (entry) got.set(entry.id, [...(got.get(entry.id) ?? []), owner]);
      };
      const handles = [store, second];
      for (let round = 0; round < 6; round += 1) {
        const calls: Promise<void>[] = [];
        for (let worker = 0; worker < 8; worker += 1) {
          const owner = `w${worker}`;
          const handle = handles[worker % 2]!;
          calls.push(handle.claimDue({ owner, now: T0, leaseMs: LEASE, limit: 9 }).then((entries) => record(owner, entries)));
          const id = `c${String((round * 37 + worker * 11) % count).padStart(3, '0')}`;
          calls.push(handle.claim(id, { owner, now: T0, leaseMs: LEASE }).then((entry) => record(owner, [entry])));
        }
        await Promise.all(calls);
      }
      const twice = [...got].filter(([, owners]) => owners.length > 1);
      check(
        twice.length === 0,
        `entries handed out more than once under contention: ${twice
          .slice(0, 5)
          .map(([id, owners]) => `${id} → ${owners.join(' & ')}`)
          .join('; ')}`,
      );
      for (const [id, [owner]] of got) {
        const stored = await second.get(id);
        check(stored?.lease?.owner === owner, `"${id}" was handed to ${owner} but its stored lease is ${JSON.stringify(stored?.lease)}`);
      }
      const left = await store.claimDue({ owner: 'sweeper', now: T0, leaseMs: LEASE, limit: count });
      check(
        got.size + left.length === count && left.every((entry) => !got.has(entry.id)),
        `every entry must be claimed exactly once: ${got.size} claimed under contention + ${left.length} left ≠ ${count}`,
      );
    },
  ],
  [
    'extendLease and releaseLease work only for the lease owner',
    async (store) => {
      await store.insert(storeEntry('l', {}, -1_000));
      const claimed = await store.claim('l', { owner: 'w1', now: T0, leaseMs: LEASE });
      check(claimed !== undefined, 'claim of a due entry must succeed');
      check(
        (await store.extendLease('l', 'w2', T0 + 1_000, LEASE)) === false,
        'extendLease by a worker that does not own the lease must return false',
      );
      const token = claimedLease(await mustGet(store, 'l'), 'w1', at(LEASE), 'lease after a refused extendLease');
      check((await store.extendLease('l', 'w1', T0 + 10_000, LEASE)) === true, 'extendLease by the owner must return true');
      const extended = await mustGet(store, 'l');
      claimedLease(extended, 'w1', at(10_000 + LEASE), 'lease after extendLease');
      check(extended.lease?.token === token, 'extendLease must keep the claim’s token');
      check(
        (await store.claim('l', { owner: 'w2', now: T0 + LEASE + 1, leaseMs: LEASE })) === undefined,
        'an extended lease must keep others out past the original expiry',
      );
      check((await store.releaseLease('l', 'w2')) === false, 'releaseLease by a worker that does not own the lease must return false');
      check((await mustGet(store, 'l')).lease?.owner === 'w1', 'a refused releaseLease must keep the lease');
      check((await store.releaseLease('l', 'w1')) === true, 'releaseLease by the owner must return true');
      check((await mustGet(store, 'l')).lease === null, 'releaseLease must drop the lease');
      check(
        (await store.claim('l', { owner: 'w2', now: T0 + 1, leaseMs: LEASE }))?.lease?.owner === 'w2',
        'a released entry must be claimable again at once',
      );
      check(
        (await store.extendLease('l', 'w1', T0 + 2, LEASE)) === false,
        'the previous owner cannot extend a lease that is now someone else’s',
      );
    },
  ],
  [
    'dueSummary counts due, unheld, unclaimed scheduled entries and names the oldest',
    async (store) => {
      sameJson(
        await store.dueSummary(T0),
        { count: 0, oldestScheduledAt: null, stuckPublishing: { count: 0, oldestSince: null, ids: [] } },
        'dueSummary of an empty store',
      );
      await store.insertMany([
        storeEntry('o1', {}, -120_000),
        storeEntry('o2', {}, -60_000),
        storeEntry('o3', {}, 0),
        storeEntry('expired-lease', { lease: { owner: 'dead', expiresAt: at(-1) } }, -30_000),
        storeEntry('future', {}, 1),
        storeEntry('held', { hold: { scope: 'account', since: at(-1), by: 'ana' } }, -600_000),
        storeEntry('leased', { lease: { owner: 'w', expiresAt: at(10_000) } }, -500_000),
        storeEntry('publishing', { status: 'publishing' }, -400_000),
        storeEntry('failed', { status: 'failed' }, -400_000),
        storeEntry('retry-later', { nextAttemptAt: at(5_000) }, -300_000),
      ]);
      sameJson(overdueOf(await store.dueSummary(T0)), { count: 4, oldestScheduledAt: at(-120_000) }, 'dueSummary(T0)');
      sameJson(
        overdueOf(await store.dueSummary(T0 + 5_000)),
        { count: 6, oldestScheduledAt: at(-300_000) },
        'dueSummary(T0 + 5s) (future and retry-later now due)',
      );
      sameJson(overdueOf(await store.dueSummary(T0 - 200_000)), { count: 0, oldestScheduledAt: null }, 'dueSummary before anything is due');
    },
  ],
  [
    'dueSummary names the entries stuck in publishing (lease expired or absent): count, oldest, ids',
    async (store) => {
      // A worker died mid-publish (lease ran out), another released its lease mid-publish (none),
      // a third is publishing under a live lease (not stuck); the rest are not publishing.
      const released = storeEntry('no-lease', { status: 'publishing', updatedAt: at(-300_000) }, -400_000);
      await store.insertMany([
        storeEntry('dead-late', { status: 'publishing', lease: { owner: 'dead', expiresAt: at(-10_000) } }, -60_000),
        storeEntry('dead-early', { status: 'publishing', lease: { owner: 'dead', expiresAt: at(-120_000) } }, -200_000),
        released,
        storeEntry('alive', { status: 'publishing', lease: { owner: 'w', expiresAt: at(30_000) } }, -30_000),
        storeEntry('held-dead', {
          status: 'publishing',
          hold: { scope: 'brand', since: at(-1), by: 'ana' },
          lease: { owner: 'dead', expiresAt: at(-5_000) },
        }),
        storeEntry('scheduled-expired', { lease: { owner: 'dead', expiresAt: at(-1) } }, 60_000),
        storeEntry('published', { status: 'published' }, -500_000),
      ]);
      sameJson(
        (await store.dueSummary(T0)).stuckPublishing,
        { count: 4, oldestSince: at(-300_000), ids: ['no-lease', 'dead-early', 'dead-late', 'held-dead'] },
        'dueSummary(T0).stuckPublishing',
      );
      sameJson(
        (await store.dueSummary(T0 + 30_000)).stuckPublishing.ids,
        ['no-lease', 'dead-early', 'dead-late', 'held-dead', 'alive'],
        'dueSummary(T0 + 30s).stuckPublishing.ids (the live lease ran out too)',
      );
      // Claimed for reconciliation: no longer stuck.
      await store.claim('dead-late', { owner: 'w2', now: T0, leaseMs: LEASE });
      sameJson(
        (await store.dueSummary(T0)).stuckPublishing,
        { count: 3, oldestSince: at(-300_000), ids: ['no-lease', 'dead-early', 'held-dead'] },
        'dueSummary(T0).stuckPublishing after one was claimed',
      );
    },
  ],
  [
    'lease tokens fence a lapsed claim: re-claimed (even by the same owner), its writes, renewals and release fail',
    async (store, second) => {
      await store.insert(storeEntry('f', {}, -1_000));
      const first = await store.claim('f', { owner: 'w1', now: T0, leaseMs: LEASE });
      const oldToken = claimedLease(first, 'w1', at(LEASE), 'lease of the first claim');
      check(
        (await store.extendLease('f', 'w1', T0 + 1_000, LEASE, oldToken)) === true,
        'extendLease with the claim’s own token must succeed',
      );
      // The lease lapses; the same worker claims the entry again (through another handle).
      const again = await second.claim('f', { owner: 'w1', now: T0 + 1_000 + LEASE, leaseMs: LEASE });
      const newToken = claimedLease(again, 'w1', at(1_000 + 2 * LEASE), 'lease of the second claim by the same owner');
      check(newToken !== oldToken, `a new claim must get a new lease token, got "${newToken}" twice`);
      const version = (await mustGet(store, 'f')).version;
      await rejects(
        store.transition('f', { to: 'publishing', at: at(LEASE + 2_000), by: 'w1', leaseOwner: 'w1', leaseToken: oldToken }),
        conflict,
        'EntryConflictError',
        'transition fenced on the lapsed claim’s token',
      );
      const entry = await mustGet(store, 'f');
      await rejects(
        store.put({ ...entry, draft: { ...entry.draft, text: 'stale run' } }, { leaseOwner: 'w1', leaseToken: oldToken }),
        conflict,
        'EntryConflictError',
        'put fenced on the lapsed claim’s token',
      );
      check(
        (await store.extendLease('f', 'w1', T0 + LEASE + 3_000, LEASE, oldToken)) === false,
        'extendLease with the lapsed claim’s token must return false',
      );
      check((await store.releaseLease('f', 'w1', oldToken)) === false, 'releaseLease with the lapsed claim’s token must return false');
      const after = await mustGet(store, 'f');
      check(
        after.status === 'scheduled' && after.version === version && after.lease?.token === newToken,
        `refused fenced writes must change nothing; got status ${after.status}, version ${after.version} (was ${version}), token ${after.lease?.token}`,
      );
      const moved = await store.transition('f', {
        to: 'publishing',
        at: at(LEASE + 4_000),
        by: 'w1',
        leaseOwner: 'w1',
        leaseToken: newToken,
      });
      check(moved.status === 'publishing' && moved.lease?.token === newToken, 'a write fenced on the live claim’s token must succeed');
      check(
        (await store.extendLease('f', 'w1', T0 + LEASE + 5_000, LEASE, newToken)) === true,
        'extendLease with the live token must succeed',
      );
      check((await store.releaseLease('f', 'w1', newToken)) === true, 'releaseLease with the live token must succeed');
    },
  ],
  [
    'a pending-publish handle is stored by a fenced write, read back unchanged through another handle, refused on a stale lease token, cleared on published',
    async (store, second) => {
      await store.insert(storeEntry('p'));
      const [claimed] = await store.claimDue({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
      const token = claimedLease(claimed, 'w1', at(LEASE), 'lease of the claimed entry');
      const publishing = await store.transition('p', { to: 'publishing', at: at(1), by: 'w1', leaseOwner: 'w1', leaseToken: token });
      // An object handle with nesting and non-ASCII text: stores keep it as JSON, byte for byte.
      const pendingPublish = {
        platform: 'x',
        accountId: '1',
        handle: { container: '1789', steps: ['upload', 'publish'], note: 'سلام 👋', retries: 0, done: false, extra: null },
        idempotencyKey: 'smm-entry-p',
        since: at(2),
        progress: { stage: 'IN_PROGRESS', percent: 40 },
      };
      const written = await store.put({ ...publishing, pendingPublish }, { leaseOwner: 'w1', leaseToken: token });
      sameJson(written.pendingPublish, pendingPublish, 'put(pendingPublish) result');
      sameJson((await second.get('p'))?.pendingPublish, pendingPublish, 'pendingPublish read through the second handle');
      check((await second.get('p'))?.status === 'publishing', 'a put must keep the status ("publishing")');
      // The lease lapses and another worker claims the entry: the first run's writes are fenced out.
      const [reclaimed] = await store.claimDue({ owner: 'w2', now: T0 + LEASE + 1, leaseMs: LEASE, limit: 1 });
      check(reclaimed?.id === 'p', 'an expired publishing lease must be claimable (to resume the pending publish)');
      sameJson(reclaimed.pendingPublish, pendingPublish, 'pendingPublish of the re-claimed entry');
      await rejects(
        store.put({ ...reclaimed, pendingPublish: { ...pendingPublish, handle: 'stale' } }, { leaseOwner: 'w1', leaseToken: token }),
        conflict,
        'EntryConflictError',
        'put of a pending handle fenced on a lapsed lease token',
      );
      sameJson((await second.get('p'))?.pendingPublish, pendingPublish, 'pendingPublish after a fenced-out put');
      const newToken = reclaimed.lease!.token!;
      const done = await store.transition('p', {
        to: 'published',
        at: at(LEASE + 2),
        by: 'w2',
        leaseOwner: 'w2',
        leaseToken: newToken,
        releaseLease: true,
        patch: {
          pendingPublish: undefined,
          published: { platform: 'x', accountId: '1', parts: [{ platform: 'x', id: '9' }], publishedAt: at(LEASE + 2) },
        },
      });
      check(done.pendingPublish === undefined, 'a transition patching pendingPublish: undefined must clear it');
      check((await second.get('p'))?.pendingPublish === undefined, 'a cleared pendingPublish must stay cleared when read again');
    },
  ],
  [
    "a claim's start transition is written with the claim (or the store ignores start)",
    async (store, second) => {
      const expiresAt = new Date(T0 + 10 + LEASE).toISOString();
      await store.insertMany([storeEntry('s1'), storeEntry('s2', {}, 1), storeEntry('s3', {}, 2), storeEntry('s4', {}, 3)]);
      const seen: CalendarEntry[] = [];
      const claimed = await store.claimDue({
        owner: 'w',
        now: T0 + 10,
        leaseMs: LEASE,
        start: (entry) => {
          seen.push(entry);
          if (entry.id === 's2') return undefined; // not started
          if (entry.id === 's3') throw new Error('a start that throws'); // not started, the others still are
          if (entry.id === 's4') return { to: 'published', at: at(10), by: 'w' }; // scheduled → published is illegal: not started
          return { to: 'publishing', at: at(10), by: 'w', leaseOwner: 'w', reason: 'started', patch: { idempotencyKey: 'k-s1' } };
        },
      });
      sameJson(ids(claimed), ['s1', 's2', 's3', 's4'], 'the entries claimDue with start claimed, in due order');
      // The same through claim(id) (a store may honour start in claim(id) only).
      await store.insert(storeEntry('c1'));
      const seenOne: CalendarEntry[] = [];
      const one = await store.claim('c1', {
        owner: 'w',
        now: T0 + 10,
        leaseMs: LEASE,
        start: (entry) => {
          seenOne.push(entry);
          return { to: 'publishing', at: at(10), by: 'w', patch: { idempotencyKey: 'k-c1' } };
        },
      });
      if (seenOne.length === 0) {
        check(
          one?.status === 'scheduled' && one.version === 2,
          `claim(id) ignoring start must return it claimed, got ${one?.status} v${one?.version}`,
        );
      } else {
        check(
          seenOne.length === 1 && seenOne[0]!.status === 'scheduled' && seenOne[0]!.version === 2,
          'claim(id): start must see the claimed entry once',
        );
        claimedLease(seenOne[0], 'w', expiresAt, 'claim(id): the lease start sees');
        const c1 = storeEntry('c1');
        const startedOne = {
          ...c1,
          status: 'publishing' as const,
          version: 3,
          updatedAt: at(10),
          idempotencyKey: 'k-c1',
          history: [...c1.history, { from: 'scheduled' as const, to: 'publishing' as const, at: at(10), by: 'w' }],
          lease: { owner: 'w', expiresAt, token: seenOne[0]!.lease!.token },
        };
        sameJson(one, startedOne, 'the entry claim(id) started (status, history, patch, version = claim + 1, the claim lease)');
        sameJson(await second.get('c1'), startedOne, 'the entry claim(id) started, read again');
      }
      if (seen.length === 0) {
        // A store that ignores `start` claims as usual.
        for (const entry of claimed) check(entry.status === 'scheduled', `${entry.id}: a store that ignores start must leave it scheduled`);
        return;
      }
      sameJson(ids(seen), ['s1', 's2', 's3', 's4'], 'the entries start was called with (once each, in claim order)');
      for (const entry of seen) {
        check(entry.status === 'scheduled' && entry.version === 2, `${entry.id}: start must see the claimed entry (scheduled, version 2)`);
        claimedLease(entry, 'w', expiresAt, `${entry.id}: the lease start sees`);
      }
      const s1 = storeEntry('s1');
      const token = seen.find((entry) => entry.id === 's1')!.lease!.token;
      const started = {
        ...s1,
        status: 'publishing' as const,
        version: 3,
        updatedAt: at(10),
        idempotencyKey: 'k-s1',
        history: [...s1.history, { from: 'scheduled' as const, to: 'publishing' as const, at: at(10), by: 'w', reason: 'started' }],
        lease: { owner: 'w', expiresAt, token },
      };
      sameJson(
        claimed.find((entry) => entry.id === 's1'),
        started,
        'the entry a claim started (status, history, patch, version = claim + 1, the claim lease)',
      );
      sameJson(await second.get('s1'), started, 'the started entry read again');
      for (const id of ['s2', 's3', 's4']) {
        const entry = await second.get(id);
        check(
          entry?.status === 'scheduled' && entry.version === 2,
          `${id}: a claim whose start did not apply must leave it claimed and scheduled`,
        );
        claimedLease(entry, 'w', expiresAt, `${id}: its lease`);
      }
    },
  ],
  [
    'insertMany of 10,000 entries stores them all',
    async (store) => {
      const count = 10_000;
      const batch = Array.from({ length: count }, (_, i) => storeEntry(`b${String(i).padStart(5, '0')}`, {}, (i % 600) * 100));
      await store.insertMany(batch);
      const all = await store.query({ statuses: ['scheduled'] });
      check(all.length === count, `query after insertMany(10,000) returned ${all.length} entries`);
      sameJson(await store.get('b09999'), batch[9_999], 'get("b09999") after the bulk insert');
      // Due by T0+100ms: i % 600 ∈ {0, 1}, i.e. 0, 600, …, 9600 and 1, 601, …, 9601 → 17 + 17.
      sameJson(overdueOf(await store.dueSummary(T0 + 100)), { count: 34, oldestScheduledAt: at(0) }, 'dueSummary after the bulk insert');
      const claimed = await store.claimDue({ owner: 'w', now: T0 + 59_900, leaseMs: LEASE, limit: count });
      check(claimed.length === count, `claimDue over the bulk insert claimed ${claimed.length} of ${count}`);
    },
  ],
];

/**
 * The store conformance checks, each bound to a fresh store from `options.createStore`.
 * `runStoreConformance` (in `@smm/testkit/vitest`) registers them as vitest tests;
 * {@link runStoreConformanceChecks} runs them all and reports.
 *
 * @example
 * ```ts
 * for (const { name, run } of storeConformanceChecks({ name: 'mine', createStore: () => createMemoryStore() })) {
 *   await run(); // throws ConformanceError saying what the store did wrong
 * }
 * ```
 */
export function storeConformanceChecks(options: StoreConformanceOptions): StoreConformanceCheck[] {
  return CHECKS.map(([name, body]) => ({
    name,
    run: () => withStoreHandles(options, body),
  }));
}

/**
 * Runs the store conformance suite without a test framework: every check against a fresh
 * store, one result per check. Every `ScheduleStore` (memory, SQLite, BullMQ, yours) must
 * pass it: atomic claims under contention, lease expiry, compare-and-set writes,
 * transitions and history, range queries, bulk inserts, lossless round-trips.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from '@smm/core/schedule-store';
 * import { runStoreConformanceChecks } from '@smm/testkit/store-conformance';
 *
 * const results = await runStoreConformanceChecks({ name: 'memory', createStore: () => createMemoryStore() });
 * for (const r of results) if (r.status === 'failed') console.error(r.name, r.message);
 * ```
 */
export async function runStoreConformanceChecks(options: StoreConformanceOptions): Promise<ConformanceResult[]> {
  return collectCheckResults(storeConformanceChecks(options));
}
