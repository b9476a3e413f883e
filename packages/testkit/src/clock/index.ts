/**
 * Clocks for tests, simulators and demos: the deterministic fake clock driven by the test
 * (core's, re-exported so tests need one import), and an accelerated real-time clock that runs
 * whole programs faster.
 *
 * @packageDocumentation
 */
export { createFakeClock, type FakeClock, type FakeClockOptions } from '@smm/core/clock';
export { createAcceleratedClock, type AcceleratedClock, type AcceleratedClockOptions } from './accelerated-clock.js';
