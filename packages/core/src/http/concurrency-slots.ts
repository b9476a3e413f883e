import PQueue from 'p-queue';

/**
 * A concurrency cap in front of the requests: p-queue holds and orders whatever has to wait.
 * A task that finds a slot free and the queue empty starts directly, without the queue's
 * bookkeeping and promise hops; it still takes a slot, which the queue sees as a lower
 * concurrency until the task ends. Order is kept: a task never starts directly while the
 * queue holds another one.
 * @internal
 */
export class ConcurrencySlots {
  private readonly queue: PQueue;
  /** Tasks running outside the queue, each holding one of the `cap` slots. */
  private direct = 0;
  /** Tasks handed to the queue and not finished (waiting or running): counted here, so the common case reads no p-queue state. */
  private queued = 0;

  constructor(private readonly cap: number) {
    this.queue = new PQueue({ concurrency: cap });
  }

  /**
   * Takes a slot at once when one is free and the queue holds nothing; the caller then runs
   * its task directly and calls {@link release} when it ends.
   * Costs no promise: the common case, a free slot, pays nothing for the queue.
   */
  tryTake(): boolean {
    // While the queue holds anything, new tasks go through it too (so order is kept).
    if (this.queued > 0 || this.direct >= this.cap) return false;
    this.direct += 1;
    return true;
  }

  /** Gives back a slot taken with {@link tryTake}. */
  release(): void {
    this.give();
  }

  /** Runs `task` in a slot: at once when one is free and nothing waits, otherwise in turn. */
  run<R>(task: () => Promise<R>): Promise<R> {
    const { queue } = this;
    if (!this.tryTake()) {
      this.queued += 1;
      this.resize();
      return queue.add(task).finally(() => {
        this.queued -= 1;
      });
    }
    let running: Promise<R>;
    try {
      running = task();
    } catch (error) {
      this.give();
      return Promise.reject(error);
    }
    return running.then(
      (value) => {
        this.give();
        return value;
      },
      (error: unknown) => {
        this.give();
        throw error;
      },
    );
  }

  /** Tasks holding a slot now (in the queue's care or started directly). */
  get active(): number {
    return this.queue.pending + this.direct;
  }

  /** Tasks waiting for a slot. */
  get waiting(): number {
    return this.queue.size;
  }

  private give(): void {
    this.direct -= 1;
    // A slot given back goes to the next waiting task; with nothing in the queue it is
    // resized when a task is next added to it.
    if (this.queued > 0) this.resize();
  }

  // The queue may start only what the direct tasks leave: at `cap` of them it is paused (its
  // concurrency cannot be 0).
  private resize(): void {
    const { queue } = this;
    const room = this.cap - this.direct;
    if (room === 0) {
      queue.pause();
      return;
    }
    queue.concurrency = room;
    if (queue.isPaused) queue.start();
  }
}
