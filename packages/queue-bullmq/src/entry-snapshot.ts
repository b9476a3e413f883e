import type { CalendarEntry } from '@smm/core/schedule-store';

/**
 * An entry as a Redis store holds it — JSON, version, lease owner, lease expiry, lease token —
 * carried in the entry's BullMQ job so the worker that runs the job can claim the entry
 * without reading it first. It is only a guess: the claim writes only if the stored version
 * is still this one (a version names exactly one content), else it reads and decides again.
 * Opaque to callers: only the store that wrote it reads it.
 *
 * @example
 * ```ts
 * const job = await bullmq.queue.getJob(jobIdOf('post-1'));
 * job?.data.snapshot?.[1]; // the entry's version when the job was written, e.g. '3'
 * ```
 */
export type EntrySnapshot = [j: string, v: string, lo: string, le: string, lt: string];

/** What a Redis store lets the BullMQ scheduler do with snapshots. @internal */
export interface SnapshotAccess {
  /** The snapshot of `entry` as written (the caller just wrote it through the store). */
  of(entry: CalendarEntry): EntrySnapshot;
  /** Takes a snapshot from a job as the store's last-seen copy of entry `id`, unless it knows a newer one; ignores anything malformed. */
  prime(id: string, snapshot: unknown): void;
}

// Keyed by store object, so the public RedisStore type stays free of this internal channel.
const access = new WeakMap<object, SnapshotAccess>();

/** Called by createRedisStore for the store it returns. @internal */
export function registerSnapshotAccess(store: object, snapshots: SnapshotAccess): void {
  access.set(store, snapshots);
}

/** The snapshot access of a store made by createRedisStore, or `undefined` for any other store. @internal */
export function snapshotAccessOf(store: object): SnapshotAccess | undefined {
  return access.get(store);
}
