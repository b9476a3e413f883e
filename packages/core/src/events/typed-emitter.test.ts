import { describe, expect, it } from 'vitest';
import { createTypedEmitter } from './index.js';

interface Events {
  a: { n: number };
  b: string;
}

describe('createTypedEmitter', () => {
  it('calls listeners in subscription order and stops after unsubscribe', () => {
    const events = createTypedEmitter<Events>();
    const seen: string[] = [];
    const off1 = events.on('a', ({ n }) => seen.push(`1:${n}`));
    events.on('a', ({ n }) => seen.push(`2:${n}`));
    events.emit('a', { n: 1 });
    off1();
    events.emit('a', { n: 2 });
    expect(seen).toEqual(['1:1', '2:1', '2:2']);
  });

  it('reports whether anyone listens', () => {
    const events = createTypedEmitter<Events>();
    expect(events.has('b')).toBe(false);
    const off = events.on('b', () => {});
    expect(events.has('b')).toBe(true);
    off();
    expect(events.has('b')).toBe(false);
  });

  it('a throwing listener reaches onListenerError and never stops the others', () => {
    const errors: Array<[unknown, keyof Events]> = [];
    const events = createTypedEmitter<Events>({ onListenerError: (error, type) => errors.push([error, type]) });
    const seen: string[] = [];
    events.on('b', () => {
      throw new Error('boom');
    });
    events.on('b', (value) => seen.push(value));
    expect(() => events.emit('b', 'x')).not.toThrow();
    expect(seen).toEqual(['x']);
    expect(errors).toHaveLength(1);
    expect((errors[0]![0] as Error).message).toBe('boom');
    expect(errors[0]![1]).toBe('b');
  });

  it('a listener that unsubscribes itself while handling does not skip the next one', () => {
    const events = createTypedEmitter<Events>();
    const seen: number[] = [];
    const off = events.on('a', () => {
      seen.push(1);
      off();
    });
    events.on('a', () => seen.push(2));
    events.emit('a', { n: 0 });
    events.emit('a', { n: 0 });
    expect(seen).toEqual([1, 2, 2]);
  });
});
