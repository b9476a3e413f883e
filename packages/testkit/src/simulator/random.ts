/** A seeded pseudo-random source: the same seed gives the same sequence on every run. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A fresh source derived from this seed and a label (stable, independent of call order). */
  fork(label: string): SeededRandom;
}

/**
 * FNV-1a 32-bit hash of a string: turns labels into seeds and ids.
 *
 * @example
 * ```ts
 * hashString('m:12') % 4; // a stable bucket for a key
 * ```
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A seeded PRNG (mulberry32): small, fast and deterministic — not for cryptography.
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * random.int(1, 6); // the same roll on every run
 * ```
 */
export function createSeededRandom(seed: number | string): SeededRandom {
  const base = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  let state = base;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick: the array is empty');
      return items[Math.floor(next() * items.length)]!;
    },
    fork: (label) => createSeededRandom(hashString(`${base}:${label}`)),
  };
}
