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
