import type { Logger } from '../client/index.js';
import type { LeaseKeeper } from './lease-keeper.js';
import type { SchedulerEmitter } from './scheduler-events.js';
import type { ResolvedSchedulerOptions } from './scheduler-options.js';

/** @internal What running an entry needs from its scheduler. */
export interface ExecutorContext extends ResolvedSchedulerOptions {
  emitter: SchedulerEmitter;
  logger: Logger;
  leases: LeaseKeeper;
  /** Idempotency key → entry id of the publishes this worker is running: maps the client's progress events to entries. */
  pendingKeys: Map<string, string>;
}
