import { SmmError, type SmmErrorOptions } from '../errors/index.js';

const NO_SLOT = 'smm.error.NoFreeSlotError';

/**
 * Thrown when a queue has no free slot within the planning horizon: every slot is taken,
 * blacked out, too close to another post (min gap) or on a day at its cap. Add slots, raise
 * the cap, or lengthen `horizonDays`.
 *
 * @example
 * ```ts
 * try { await calendar.addToQueue(id, { by: 'ana' }); }
 * catch (error) { if (NoFreeSlotError.isInstance(error)) console.log(error.accountKey); }
 * ```
 */
export class NoFreeSlotError extends SmmError {
  /** The account whose queue is full. */
  readonly accountKey: string;

  constructor(accountKey: string, message: string, options: SmmErrorOptions = {}) {
    super('no_free_slot', message, options);
    SmmError.brand(this, NO_SLOT);
    this.name = 'NoFreeSlotError';
    this.accountKey = accountKey;
  }

  static override isInstance(error: unknown): error is NoFreeSlotError {
    return SmmError.hasMarker(error, NO_SLOT);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { accountKey: this.accountKey };
  }
}
