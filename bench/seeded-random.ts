// Deterministic data for the benches: every run sees the same corpus, so runs compare.

/** A seeded xorshift32 generator: `random()` in [0, 1), `pick` of an item, `reseed` to start over. */
export interface SeededRandom {
  random(): number;
  pick<T>(items: readonly T[]): T;
  reseed(seed: number): void;
}

/**
 * A tiny xorshift32 (Marsaglia 2003) seeded with `seed`: fast, and the same sequence on every
 * machine, which is all a bench corpus needs (not for anything secret).
 *
 * @example
 * ```ts
 * const { random, pick } = seededRandom(0x9e3779b9);
 * const reach = 200 + Math.floor(random() * 2000);
 * ```
 */
export function seededRandom(seed: number): SeededRandom {
  let state = seed;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  return {
    random,
    pick: <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!,
    reseed: (next) => {
      state = next;
    },
  };
}
