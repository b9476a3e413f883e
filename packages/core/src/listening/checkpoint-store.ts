import { z } from 'zod';
import { InstantSchema } from '../model/index.js';

/** A recently delivered item, remembered so a later poll does not deliver it again. */
export interface DeliveredKey {
  /** `platform + id` key. */
  id: string;
  /** `platform + author + createdAt + text hash` key (the same item through another endpoint). */
  content: string;
  /** The item's `createdAt`. */
  at: string;
}

/**
 * Where one account's stream stands: plain JSON, so an app can store it anywhere. Everything
 * created before `watermark − lookbackMs` counts as delivered; items created after that and
 * already delivered are listed in `recent`.
 */
export interface ListenCheckpoint {
  version: 1;
  /** The newest `createdAt` delivered, or `null` before the first item. */
  watermark: string | null;
  /**
   * Where this account's stream began: the `since` option, else the moment `listen` first
   * ran for it. Written before the first poll, so a restart before any item was delivered
   * resumes from here instead of from "now". Absent in checkpoints written before 0.2.
   */
  since?: string;
  /** Items delivered within the lookback window before `watermark`. */
  recent: DeliveredKey[];
}

/** Validates a checkpoint read back from storage. @internal */
export const ListenCheckpointSchema = z.object({
  version: z.literal(1, { error: 'must be 1 (the checkpoint format version)' }),
  watermark: InstantSchema.nullable(),
  since: InstantSchema.optional(),
  recent: z.array(z.object({ id: z.string(), content: z.string(), at: InstantSchema })),
});

/**
 * Durable per-account checkpoints for {@link listen}. `key` is `platform:accountId`. Keep
 * writes atomic (a checkpoint is one JSON value); `set` is awaited before the next item is
 * handed out, so a crash never skips an item.
 *
 * `set` is called once per delivered item. So that this costs O(1) per item however many
 * keys the look-back window holds, the `recent` array handed to `set` may be the same array
 * in later calls, grown at its end: serialise or copy it during `set`, never keep it. (A
 * store that serialises the whole checkpoint on every `set` pays for every key each time;
 * keep `lookbackMs` short at very high volume, or write only what changed.)
 *
 * @example
 * ```ts
 * // A file-backed store in Node (one JSON file for all accounts).
 * const fileStore: CheckpointStore = {
 *   async get(key) { return JSON.parse(await readFile('cp.json', 'utf8').catch(() => '{}'))[key]; },
 *   async set(key, checkpoint) {
 *     const all = JSON.parse(await readFile('cp.json', 'utf8').catch(() => '{}'));
 *     await writeFile('cp.json.tmp', JSON.stringify({ ...all, [key]: checkpoint }));
 *     await rename('cp.json.tmp', 'cp.json');
 *   },
 * };
 * ```
 */
export interface CheckpointStore {
  get(key: string): Promise<ListenCheckpoint | undefined>;
  set(key: string, checkpoint: ListenCheckpoint): Promise<void>;
}

/** The in-memory store, with a way to read everything out for persisting. */
export interface MemoryCheckpointStore extends CheckpointStore {
  /** A JSON-serialisable copy of every checkpoint, by key. */
  toJSON(): Record<string, ListenCheckpoint>;
}

/**
 * The default store: checkpoints in memory (lost with the process). Seed it with what
 * `toJSON()` gave before to resume.
 *
 * @example
 * ```ts
 * const checkpoints = createMemoryCheckpointStore(JSON.parse(saved));
 * // … later
 * const toSave = JSON.stringify(checkpoints.toJSON());
 * ```
 */
export function createMemoryCheckpointStore(initial: Record<string, ListenCheckpoint> = {}): MemoryCheckpointStore {
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  // `recent` arrays may grow after `set` returns (see CheckpointStore): keep the length seen
  // then and copy lazily, so a `set` costs O(1) and a read sees exactly what was set.
  const entries = new Map<string, { checkpoint: ListenCheckpoint; length: number }>(
    Object.entries(copy(initial)).map(([key, checkpoint]) => [key, { checkpoint, length: checkpoint.recent.length }]),
  );
  const read = ({ checkpoint, length }: { checkpoint: ListenCheckpoint; length: number }): ListenCheckpoint =>
    copy({ ...checkpoint, recent: checkpoint.recent.slice(0, length) });
  return {
    get: async (key) => {
      const entry = entries.get(key);
      return entry === undefined ? undefined : read(entry);
    },
    set: async (key, checkpoint) => {
      entries.set(key, { checkpoint: { ...checkpoint }, length: checkpoint.recent.length });
    },
    toJSON: () => Object.fromEntries([...entries].map(([key, entry]) => [key, read(entry)])),
  };
}
