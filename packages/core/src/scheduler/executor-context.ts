import type { Logger } from '../client/index.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { SchedulerEmitter } from './scheduler-events.js';
import type { ResolvedSchedulerOptions } from './scheduler-options.js';

/** @internal What running an entry needs from its scheduler. */
export interface ExecutorContext extends ResolvedSchedulerOptions {
  emitter: SchedulerEmitter;
  logger: Logger;
  leases: LeaseKeeper;
}
