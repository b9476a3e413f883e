/**
 * A deterministic fake clock for tests and simulators.
 *
 * @packageDocumentation
 */
export { createFakeClock, type FakeClock, type FakeClockOptions } from './fake-clock.js';
