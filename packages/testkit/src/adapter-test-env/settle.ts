/** A promise's outcome as data. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The outcome of a promise, without throwing: lets a test assert on an error's fields and on
 * what happened after it in one place.
 *
 * @example
 * ```ts
 * const result = await settle(env.client.publish(env.account, { text: '' }));
 * if (!result.ok) expect(result.error).toBeInstanceOf(ValidationError);
 * ```
 */
export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}
