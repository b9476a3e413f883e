/**
 * Metrics, collected the way an app would: every few simulated hours the collector asks each
 * network, through the client, for the account's counters and for every post published so
 * far (`getAccountMetrics`, `getPostMetrics`). Repeated observations are what turn cumulative
 * counters into the report's daily series.
 */
import type { SmmClient } from '@smm/core/client';
import type { ReportPost } from '@smm/core/analytics';
import type { MetricSnapshot, PostRef, PublishedPost } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';
import type { DemoClock } from './demo-clock.js';
import type { Networks } from './simulators.js';

const READS_AT_ONCE = 6;

export interface MetricsCollector {
  snapshots: MetricSnapshot[];
  posts: ReportPost[];
  /** Failed reads, by message (a few are tolerated; all of them failing is not). */
  errors: string[];
  samples: number;
  /** Remembers a published entry so its post is observed from now on. */
  track(entry: CalendarEntry, published: PublishedPost): void;
  /** One round of reads: every account, every tracked post. */
  sample(signal?: AbortSignal): Promise<void>;
  /** Samples every `everyMs` of clock time until `stop()`. */
  start(everyMs: number): void;
  stop(): Promise<void>;
}

export function createMetricsCollector(client: SmmClient, networks: Networks, clock: DemoClock): MetricsCollector {
  const controller = new AbortController();
  let loop: Promise<void> = Promise.resolve();
  const refs = new Map<string, PostRef>();
  const collector: MetricsCollector = {
    snapshots: [],
    posts: [],
    errors: [],
    samples: 0,
    track(entry, published) {
      const root = published.parts[0]!;
      refs.set(root.id, root);
      collector.posts.push({
        platform: root.platform,
        accountId: entry.accountId,
        postId: root.id,
        publishedAt: published.publishedAt,
        text: entry.draft.text,
        ...(root.url ? { url: root.url } : {}),
        // Tags and campaign feed the report's by-tag and by-campaign tables.
        ...(entry.draft.tags.length > 0 ? { tags: entry.draft.tags } : {}),
        ...(entry.draft.campaign ? { campaign: entry.draft.campaign } : {}),
      });
    },
    async sample(signal) {
      const reads: Array<() => Promise<MetricSnapshot>> = [];
      for (const network of networks.list) reads.push(() => client.getAccountMetrics(network.key, { signal }));
      for (const post of [...collector.posts])
        reads.push(() => client.getPostMetrics(`${post.platform}:${post.accountId}`, refs.get(post.postId)!, { signal }));
      // A few at a time, like a polite poller: the scheduler is publishing through the same client.
      for (let start = 0; start < reads.length; start += READS_AT_ONCE) {
        for (const result of await Promise.allSettled(reads.slice(start, start + READS_AT_ONCE).map((read) => read()))) {
          if (result.status === 'fulfilled') collector.snapshots.push(result.value);
          else if (!signal?.aborted) collector.errors.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
        }
      }
      collector.samples += 1;
    },
    start(everyMs) {
      loop = (async () => {
        while (!controller.signal.aborted) {
          await collector.sample(controller.signal);
          try {
            await clock.sleep(everyMs, controller.signal);
          } catch {
            return;
          }
        }
      })();
    },
    async stop() {
      controller.abort(new Error('metrics collection stopped'));
      await loop;
    },
  };
  return collector;
}
