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
  /** Items delivered within the lookback window before `watermark`. */
  recent: DeliveredKey[];
}

/** Validates a checkpoint read back from storage. @internal */
export const ListenCheckpointSchema = z.object({
  version: z.literal(1, { error: 'must be 1 (the checkpoint format version)' }),
  watermark: InstantSchema.nullable(),
  recent: z.array(z.object({ id: z.string(), content: z.string(), at: InstantSchema })),
});

/**
 * Durable per-account checkpoints for {@link listen}. `key` is `platform:accountId`. Keep
 * writes atomic (a checkpoint is one JSON value); `set` is awaited before the next item is
 * handed out, so a crash never skips an item.
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
  const entries = new Map(Object.entries(copy(initial)));
  return {
    get: async (key) => {
      const checkpoint = entries.get(key);
      return checkpoint === undefined ? undefined : copy(checkpoint);
    },
    set: async (key, checkpoint) => {
      entries.set(key, copy(checkpoint));
    },
    toJSON: () => copy(Object.fromEntries(entries)),
  };
}
