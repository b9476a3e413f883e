import type { z } from 'zod';
import { parseWithSchema } from '../model/index.js';
import { configureAccount, type CalendarContext } from './calendar-context.js';
import { AccountPlanSchema, BlackoutSchema, type AccountPlanInput, type Blackout } from './calendar-options.js';

/** `calendar.configureAccount`. @internal */
export function configureAccountPlan(ctx: CalendarContext, plan: AccountPlanInput): void {
  configureAccount(ctx, parseWithSchema(AccountPlanSchema, plan, 'account plan'));
}

/** `calendar.addBlackout`. @internal */
export function addBlackout(ctx: CalendarContext, blackout: z.input<typeof BlackoutSchema>): Blackout {
  const parsed = parseWithSchema(BlackoutSchema, blackout, 'blackout');
  ctx.blackouts.push(parsed);
  ctx.limits.clear();
  return parsed;
}
