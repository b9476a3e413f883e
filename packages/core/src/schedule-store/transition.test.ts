import { describe, expect, it } from 'vitest';
import { SmmError } from '../errors/index.js';
import { parseCalendarEntry } from './calendar-entry.js';
import { ENTRY_STATUSES, ENTRY_TRANSITIONS, canTransition } from './entry-status.js';
import { IllegalTransitionError } from './errors.js';
import { entryFixture } from './test-fixtures.js';
import { applyTransition } from './transition.js';

// The lifecycle as the issue states it, written out independently of ENTRY_TRANSITIONS.
const MUST_ALLOW: Array<[string, string]> = [
  ['draft', 'in_review'],
  ['in_review', 'approved'],
  ['approved', 'scheduled'],
  ['scheduled', 'publishing'],
  ['publishing', 'published'],
  ['publishing', 'failed'],
  ['publishing', 'outcome_unknown'],
  ['in_review', 'draft'],
  ['scheduled', 'in_review'],
  ['draft', 'canceled'],
  ['scheduled', 'canceled'],
  ['outcome_unknown', 'published'],
];
const MUST_FORBID: Array<[string, string]> = [
  ['draft', 'published'],
  ['draft', 'publishing'],
  ['published', 'scheduled'],
  ['published', 'draft'],
  ['canceled', 'published'],
  ['in_review', 'scheduled'],
  ['approved', 'published'],
  ['failed', 'published'],
];

describe('transitions', () => {
  it('allows the lifecycle and forbids shortcuts', () => {
    for (const [from, to] of MUST_ALLOW) expect(canTransition(from as never, to as never), `${from}→${to}`).toBe(true);
    for (const [from, to] of MUST_FORBID) expect(canTransition(from as never, to as never), `${from}→${to}`).toBe(false);
    expect(ENTRY_TRANSITIONS.published).toEqual([]);
  });

  it('throws a typed error naming the current and attempted state for every illegal pair', () => {
    for (const from of ENTRY_STATUSES) {
      for (const to of ENTRY_STATUSES) {
        if (canTransition(from, to)) continue;
        const entry = entryFixture('e1', { status: from });
        let caught: unknown;
        try {
          applyTransition(entry, { to, at: '2026-03-01T10:00:00.000Z', by: 'ana' });
        } catch (error) {
          caught = error;
        }
        expect(IllegalTransitionError.isInstance(caught)).toBe(true);
        expect(SmmError.isInstance(caught)).toBe(true);
        const error = caught as IllegalTransitionError;
        expect(error.code).toBe('illegal_transition');
        expect(error.message).toContain(`"${from}"`);
        expect(error.message).toContain(`"${to}"`);
        expect(error.toJSON()).toMatchObject({ from, to, entryId: 'e1' });
      }
    }
  });

  it('appends {from, to, at, by, reason} and bumps the version without touching the input', () => {
    const entry = entryFixture('e1');
    const next = applyTransition(entry, { to: 'in_review', at: '2026-03-01T10:00:00.000Z', by: 'ana', reason: 'ready' });
    const last = applyTransition(next, { to: 'draft', at: '2026-03-01T11:00:00.000Z', by: 'li', reason: 'typo' });
    expect(last.history.slice(1)).toEqual([
      { from: 'draft', to: 'in_review', at: '2026-03-01T10:00:00.000Z', by: 'ana', reason: 'ready' },
      { from: 'in_review', to: 'draft', at: '2026-03-01T11:00:00.000Z', by: 'li', reason: 'typo' },
    ]);
    expect(last.version).toBe(2);
    expect(entry.history).toHaveLength(1);
    expect(entry.status).toBe('draft');
  });

  it('entries survive JSON and validate', () => {
    const entry = applyTransition(entryFixture('e1'), {
      to: 'scheduled',
      at: '2026-03-01T10:00:00.000Z',
      by: 'ana',
      patch: { scheduledAt: '2026-03-02T09:00:00.000Z', placement: 'queue' },
    });
    expect(parseCalendarEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    expect(() => parseCalendarEntry({ ...entry, scheduledAt: '2026-03-02 09:00' })).toThrow(/scheduledAt/);
  });
});
