import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';
import type { Actor } from './calendar-types.js';

/** Who does something, and why: every calendar change records it in the entry's history. */
export const ActorSchema = z.strictObject(
  {
    by: z
      .string({ error: "must name who does this, e.g. { by: 'ana' }" })
      .trim()
      .min(1, { error: "must name who does this, e.g. { by: 'ana' }" }),
    reason: z.string({ error: 'must be text when given' }).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}: an actor is { by: 'who', reason?: 'why' }`
        : "must be { by: 'who', reason?: 'why' }: the entry's history records it",
  },
);

/**
 * Checks the actor argument of a calendar call, so a missing or misspelt one is a
 * `ValidationError` naming the call, never a `TypeError` from deep inside.
 *
 * @example
 * ```ts
 * parseActor({ by: 'ana' }, 'calendar.createMany actor'); // { by: 'ana' }
 * parseActor(undefined, 'calendar.createMany actor');     // throws ValidationError
 * ```
 */
export function parseActor(actor: unknown, subject: string): Actor {
  return parseWithSchema(ActorSchema, actor, subject) as Actor;
}

/**
 * Checks that a list argument is an array before it is walked.
 *
 * @example
 * ```ts
 * listArgument([{ draft, accounts }], 'calendar.createMany items', '{ draft, accounts, place? }');
 * ```
 */
export function listArgument<T>(value: readonly T[], subject: string, itemShape: string): readonly T[] {
  if (Array.isArray(value)) return value;
  throw new ValidationError(subject, [{ path: [], code: 'invalid_type', message: `must be an array of ${itemShape}` }]);
}
