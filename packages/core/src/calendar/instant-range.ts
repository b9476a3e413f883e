import { z } from 'zod';
import { InstantSchema } from '../model/index.js';

/**
 * A half-open range of instants `[from, to)`. An inverted range (`to` before `from`) is an
 * error rather than an empty result: swapped arguments would otherwise look like an empty
 * calendar. `from === to` is an empty range and allowed. @internal
 */
export const InstantRangeSchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((range) => Date.parse(range.to) >= Date.parse(range.from), {
    error: 'must not be before from: the range is [from, to) — are the arguments swapped?',
    path: ['to'],
  });

/** A count of things to return: a whole number, 1 or more. @internal */
export const CountSchema = z
  .number({ error: 'must be how many to return, a whole number 1 or more' })
  .int({ error: 'must be a whole number (1, 2, 3, …)' })
  .positive({ error: 'must be 1 or more' });
