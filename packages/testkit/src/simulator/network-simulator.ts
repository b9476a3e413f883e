import type { SimulatorServing } from './engine.js';
import type { SimPost } from './world.js';

/**
 * What every network simulator offers besides serving requests: state to inspect and
 * knobs to turn. The conformance suite drives simulators only through this interface, so a
 * third party's simulator for its own network implements it too.
 */
export interface NetworkSimulator extends SimulatorServing {
  /** The simulated account: its id on the network and its handle. */
  readonly account: { id: string; handle: string };
  /** Credentials an adapter can use against this simulator (the shape its adapter's schema takes). */
  readonly credentials: Record<string, string>;
  /** Every post the account published (deleted ones with `deleted: true`): check for duplicates here. */
  posts(): SimPost[];
  /**
   * What the API reports for one post right now, by the network's own metric names
   * (`like_count`, `favourites_count`, …). A name missing here is not reported: an adapter
   * must leave its metric absent, never 0.
   */
  reportedPostMetrics(postId: string): Record<string, number>;
  /** The same for the account. */
  reportedAccountMetrics(): Record<string, number>;
  /** Mentions the account has received by now. */
  mentionCount(): number;
  /** Adds a mention (arriving now) from another user. */
  addMention(input: {
    text: string;
    kind?: 'mention' | 'reply';
    postId?: string;
    /** BCP 47, as the network would label it; unlabelled when absent. */ language?: string;
  }): void;
}
