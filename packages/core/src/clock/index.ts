/**
 * The clock abstraction every time-dependent part of smm takes.
 *
 * @packageDocumentation
 */
export { systemClock, type Clock } from './clock.js';
