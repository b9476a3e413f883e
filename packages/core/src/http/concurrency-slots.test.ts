import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcurrencySlots } from './concurrency-slots.js';

/** A task the test finishes by hand, recording when it started. */
function controlledTask(log: number[], index: number) {
  let finish!: (ok: boolean) => void;
  const task = () => {
    log.push(index);
    return new Promise<number>((resolve, reject) => {
      finish = (ok) => (ok ? resolve(index) : reject(new Error(`task ${index} failed`)));
    });
  };
  return { task, finish: (ok: boolean) => finish(ok) };
}

const turns = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

describe('ConcurrencySlots', () => {
  it('never runs more than the cap, starts waiting tasks in call order, and frees the slot of a failed task', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        // Each step adds a task, or finishes the oldest running one (ok or failed).
        fc.array(fc.oneof(fc.constant('add' as const), fc.constant('ok' as const), fc.constant('fail' as const)), { maxLength: 40 }),
        async (cap, steps) => {
          const slots = new ConcurrencySlots(cap);
          const started: number[] = [];
          const tasks: Array<ReturnType<typeof controlledTask>> = [];
          const settled: Array<Promise<unknown>> = [];
          const done = new Set<number>();
          let added = 0;
          const running = () => started.filter((index) => !done.has(index));
          const check = () => {
            expect(running().length).toBeLessThanOrEqual(cap);
            expect(slots.active).toBe(running().length);
            // Waiting tasks start in the order they were added, and none waits while a slot is free.
            expect(started).toEqual(Array.from({ length: started.length }, (_, i) => i));
            expect(slots.waiting).toBe(added - started.length);
            if (slots.waiting > 0) expect(running().length).toBe(cap);
          };
          for (const step of steps) {
            if (step === 'add') {
              const task = controlledTask(started, added);
              tasks.push(task);
              settled.push(slots.run(task.task).catch(() => undefined));
              added += 1;
            } else {
              const oldest = running()[0];
              if (oldest === undefined) continue;
              done.add(oldest);
              tasks[oldest]!.finish(step === 'ok');
            }
            await turns();
            check();
          }
          // Finish everything: every task runs once, in order.
          while (started.length > done.size) {
            const oldest = running()[0]!;
            done.add(oldest);
            tasks[oldest]!.finish(true);
            await turns();
            check();
          }
          await Promise.all(settled);
          expect(started).toHaveLength(added);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('passes on what the task resolves or rejects with', async () => {
    const slots = new ConcurrencySlots(1);
    await expect(slots.run(async () => 42)).resolves.toBe(42);
    await expect(
      slots.run(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // Queued behind a running task, too.
    const first = slots.run(() => new Promise<string>((resolve) => setTimeout(() => resolve('first'), 5)));
    const second = slots.run(async () => 'second');
    await expect(Promise.all([first, second])).resolves.toEqual(['first', 'second']);
    expect(slots.active).toBe(0);
  });
});
