import { ValidationError } from '../errors/index.js';
import { parseWithSchema } from '../model/index.js';
import type { CalendarEntry, EntryQuery } from '../schedule-store/index.js';
import type { CalendarContext } from './calendar-context.js';
import { InstantRangeSchema } from './instant-range.js';

/** `calendar.range`: entries scheduled in `[from, to)`, filtered. @internal */
export async function range(
  ctx: CalendarContext,
  from: string,
  to: string,
  filter: Omit<EntryQuery, 'from' | 'to'> = {},
): Promise<CalendarEntry[]> {
  parseWithSchema(InstantRangeSchema, { from, to }, 'range');
  return ctx.store.query({ ...filter, from, to });
}

/** `calendar.get`: one entry with its history, or `undefined`. @internal */
export async function getEntry(ctx: CalendarContext, id: string): Promise<CalendarEntry | undefined> {
  if (typeof id !== 'string' || id.length === 0)
    throw new ValidationError('calendar.get id', [{ path: [], code: 'invalid_type', message: 'must be an entry id (a non-empty string)' }]);
  return ctx.store.get(id);
}
