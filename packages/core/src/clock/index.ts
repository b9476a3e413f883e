/**
 * The clock abstraction every time-dependent part of smm takes, and the one fake clock its
 * tests (and `@smm/testkit`) drive.
 *
 * @packageDocumentation
 */
export { systemClock, type Clock } from './clock.js';
export { createFakeClock, type FakeClock, type FakeClockOptions } from './fake-clock.js';
