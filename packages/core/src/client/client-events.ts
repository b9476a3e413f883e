import type { PendingPublish, PublishProgress } from '../model/index.js';

/**
 * What the client reports, by event name (`client.on(name, handler)`). Payloads carry no
 * credentials.
 *
 * @example
 * ```ts
 * client.on('publish-pending', ({ pending }) => console.log(`${pending.platform} is processing the post`));
 * client.on('publish-progress', ({ progress }) => bar.update(progress.percent ?? 0));
 * ```
 */
export interface ClientEvents {
  /** A publish was accepted but is not live yet (and each time the adapter hands over a new handle). */
  'publish-pending': { pending: PendingPublish };
  /** A poll of a pending publish: still not live; `progress` is the network's report when it gave one. */
  'publish-progress': { pending: PendingPublish; progress?: PublishProgress; polls: number; nextPollInMs: number };
}
