import { describe, expect, it } from 'vitest';
import { EntryConflictError } from './errors.js';
import { entryFixture } from './test-fixtures.js';
import { assertWriteExpectation, nextPutEntry } from './write-checks.js';

const lease = { owner: 'worker-1', expiresAt: '2026-03-02T09:01:00.000Z' };

describe('assertWriteExpectation', () => {
  const stored = { ...entryFixture('e1', { status: 'publishing' }), version: 4, lease };

  it('passes when nothing is expected, or everything expected still holds', () => {
    expect(() => assertWriteExpectation(stored, undefined)).not.toThrow();
    expect(() =>
      assertWriteExpectation(stored, { expectedVersion: 4, expectedStatus: 'publishing', leaseOwner: 'worker-1' }),
    ).not.toThrow();
  });

  it.each([
    [{ expectedVersion: 3 }, 'at version 4, not 3'],
    [{ expectedStatus: 'scheduled' as const }, '"publishing", not "scheduled"'],
    [{ leaseOwner: 'worker-2' }, 'not leased to worker-2'],
  ])('refuses %o with an EntryConflictError that says what moved on', (expectation, words) => {
    let thrown: unknown;
    try {
      assertWriteExpectation(stored, expectation);
    } catch (error) {
      thrown = error;
    }
    expect(EntryConflictError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toContain(words);
  });
});

describe('nextPutEntry', () => {
  const stored = { ...entryFixture('e2'), version: 7, lease };

  it('writes the caller’s fields over the stored entry with the next version and the stored lease', () => {
    const edited = { ...stored, draft: { ...stored.draft, text: 'edited' }, version: 1, lease: null };
    const next = nextPutEntry(stored, edited, { expectedVersion: 7 });
    expect(next.draft.text).toBe('edited');
    expect(next.version).toBe(8);
    expect(next.lease).toEqual(lease);
  });

  it('refuses a status change (statuses move only through transition)', () => {
    expect(() => nextPutEntry(stored, { ...stored, status: 'canceled' }, undefined)).toThrow(/use transition\(\)/);
  });

  it('refuses a rewritten or shortened history (it is append-only)', () => {
    expect(() => nextPutEntry(stored, { ...stored, history: [] }, undefined)).toThrow(/append-only/);
    const rewritten = stored.history.map((record) => ({ ...record, at: '1999-01-01T00:00:00.000Z' }));
    expect(() => nextPutEntry(stored, { ...stored, history: rewritten }, undefined)).toThrow(/append-only/);
  });
});
