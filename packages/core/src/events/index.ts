/**
 * Typed events: the `EventSource` interface every event-emitting object of smm implements
 * (`on(type, handler)` returning an unsubscribe function) and the emitter behind it.
 *
 * @packageDocumentation
 */
export type { EventSource } from './event-source.js';
export { createTypedEmitter, type TypedEmitter, type TypedEmitterOptions } from './typed-emitter.js';
