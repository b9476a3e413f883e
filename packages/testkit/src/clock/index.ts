/**
 * Clocks for tests, simulators and demos: a deterministic fake clock driven by the test, and an
 * accelerated real-time clock that runs whole programs faster.
 *
 * @packageDocumentation
 */
export { createFakeClock, type FakeClock, type FakeClockOptions } from './fake-clock.js';
export { createAcceleratedClock, type AcceleratedClock, type AcceleratedClockOptions } from './accelerated-clock.js';
