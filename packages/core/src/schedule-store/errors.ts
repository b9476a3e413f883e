import { SmmError, type SmmErrorOptions } from '../errors/index.js';

const ILLEGAL = 'smm.error.IllegalTransitionError';
const CONFLICT = 'smm.error.EntryConflictError';
const NOT_FOUND = 'smm.error.EntryNotFoundError';

/**
 * Thrown when an entry is asked to move to a status its current status does not lead to
 * (see {@link ENTRY_TRANSITIONS}). The message names both states and the allowed ones.
 * A dedicated class rather than a ValidationError: the input is well-formed, the entry's
 * state is what forbids it, and callers (the runner, UIs) branch on it.
 *
 * @example
 * ```ts
 * try {
 *   await calendar.approve(id, { by: 'ana', role: 'editor' });
 * } catch (error) {
 *   if (IllegalTransitionError.isInstance(error)) console.log(error.from, '→', error.to);
 * }
 * ```
 */
export class IllegalTransitionError extends SmmError {
  /** The entry's status when the transition was attempted. */
  readonly from: string;
  /** The status that was attempted. */
  readonly to: string;
  /** The entry concerned. */
  readonly entryId: string;

  constructor(
    entryId: string,
    from: string,
    to: string,
    allowed: readonly string[],
    options: SmmErrorOptions & {
      /** The calendar action refused (`'rejected'`, `'approved'`), when it is not a bare status change. */
      action?: { name: string; requires: string };
    } = {},
  ) {
    const next = allowed.length === 0 ? 'none: it is final' : allowed.join(', ');
    // An action (reject, approve) is narrower than the transition table: name the action and
    // the status it needs, or the message would list the target as both refused and allowed.
    const message = options.action
      ? `Entry ${entryId} cannot be ${options.action.name}: it is "${from}", and only an entry in "${options.action.requires}" can be; from "${from}" it can go to: ${next}.`
      : `Entry ${entryId} cannot go from "${from}" to "${to}"; from "${from}" it can go to: ${next}.`;
    super('illegal_transition', message, options);
    SmmError.brand(this, ILLEGAL);
    this.name = 'IllegalTransitionError';
    this.entryId = entryId;
    this.from = from;
    this.to = to;
  }

  static override isInstance(error: unknown): error is IllegalTransitionError {
    return SmmError.hasMarker(error, ILLEGAL);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { entryId: this.entryId, from: this.from, to: this.to };
  }
}

/**
 * Thrown by a store when a write's expectation does not hold: the entry's version or status
 * changed since it was read, the lease is held by someone else, or an id already exists.
 * Re-read the entry and decide again.
 *
 * @example
 * ```ts
 * try {
 *   await store.transition(id, { to: 'publishing', at, by: 'worker-1', expectedVersion: 3 });
 * } catch (error) {
 *   if (EntryConflictError.isInstance(error)) console.log('someone else got there first');
 * }
 * ```
 */
export class EntryConflictError extends SmmError {
  /** The entry concerned. */
  readonly entryId: string;

  constructor(entryId: string, message: string, options: SmmErrorOptions = {}) {
    super('entry_conflict', message, options);
    SmmError.brand(this, CONFLICT);
    this.name = 'EntryConflictError';
    this.entryId = entryId;
  }

  static override isInstance(error: unknown): error is EntryConflictError {
    return SmmError.hasMarker(error, CONFLICT);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { entryId: this.entryId };
  }
}

/**
 * Thrown when an entry id is not in the store.
 *
 * @example
 * ```ts
 * try { await calendar.cancel('nope', { by: 'ana' }); }
 * catch (error) { if (EntryNotFoundError.isInstance(error)) console.log(error.entryId); }
 * ```
 */
export class EntryNotFoundError extends SmmError {
  /** The id that was looked up. */
  readonly entryId: string;

  constructor(entryId: string, options: SmmErrorOptions = {}) {
    super('entry_not_found', `No calendar entry with id "${entryId}"; check the id or list entries with range().`, options);
    SmmError.brand(this, NOT_FOUND);
    this.name = 'EntryNotFoundError';
    this.entryId = entryId;
  }

  static override isInstance(error: unknown): error is EntryNotFoundError {
    return SmmError.hasMarker(error, NOT_FOUND);
  }

  protected override jsonFields(): Record<string, unknown> {
    return { entryId: this.entryId };
  }
}
