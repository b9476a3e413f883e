/**
 * The clock abstraction every time-dependent part of smm takes, and the one fake clock its
 * tests (and `@smm/testkit`) drive.
 *
 * @packageDocumentation
 */
export { systemClock, type Clock } from './clock.js';
export { createFakeClock, type FakeClock, type FakeClockOptions } from './fake-clock.js';
/** @internal Keeps the process alive while pending work exists: HTTP requests, the client's wait for a pending publish, a started scheduler. */
export { holdProcess } from './keep-alive.js';
