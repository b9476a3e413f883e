// Every public door that takes an options object refuses a key it does not know, first, naming
// it with the key it most likely meant (one message format, made by unknownKeyMessage).
import { describe, expect, it } from 'vitest';
import { buildReport } from '../analytics/index.js';
import { createCalendar } from '../calendar/index.js';
import { ValidationError } from '../errors/index.js';
import { createHttpClient } from '../http/index.js';
import { createSharedInbox, listen } from '../listening/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createScheduler } from '../scheduler/index.js';

/** The first line of the problems a door reports (the unknown key must come first). */
function firstProblem(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    return (error as ValidationError).message.split('\n')[1]!.trim();
  }
  throw new Error('the options were accepted');
}

const accounts = [{ platform: 'x', id: '1', handle: 'brand' }];
const source = { listMentions: async () => ({ items: [], nextCursor: null }) };

describe('unknown option keys at every door', () => {
  it('createHttpClient: a key without its unit', () => {
    expect(firstProblem(() => createHttpClient({ platform: 'x', timeout: 5_000 } as never))).toBe(
      '- timeout: unknown option — did you mean `timeoutMs`?',
    );
  });

  it('createCalendar, and an account plan inside it', () => {
    expect(firstProblem(() => createCalendar({ store: createMemoryStore(), acounts: [] } as never))).toBe(
      '- acounts: unknown option — did you mean `accounts`?',
    );
    expect(
      firstProblem(() =>
        createCalendar({ store: createMemoryStore(), accounts: [{ account: { platform: 'x', id: '1' }, dailycap: 2 }] } as never),
      ),
    ).toBe('- accounts[0].dailycap: unknown option — did you mean `dailyCap`?');
  });

  it('createScheduler, and its retry policy', () => {
    const client = { publish: () => undefined, findPublished: () => undefined };
    expect(firstProblem(() => createScheduler({ store: createMemoryStore(), client, concurency: 2 } as never))).toBe(
      '- concurency: unknown option — did you mean `concurrency`?',
    );
    expect(firstProblem(() => createScheduler({ store: createMemoryStore(), client, retry: { deadline: 1_000 } } as never))).toBe(
      '- deadline: unknown option — did you mean `deadlineMs`?',
    );
  });

  it('listen and createSharedInbox', () => {
    expect(firstProblem(() => listen({ source, accounts, pollEveryMs: 1_000 } as never))).toBe(
      '- pollEveryMs: unknown option — did you mean `pollEvery`?',
    );
    expect(firstProblem(() => createSharedInbox({ accounts, savedReply: {} } as never))).toBe(
      '- savedReply: unknown option — did you mean `savedReplies`?',
    );
  });

  it('buildReport', () => {
    const input = { accounts, snapshots: [], range: { start: '2026-01-01', end: '2026-01-31' }, timeZone: 'UTC', timezone: 'UTC' };
    expect(firstProblem(() => buildReport(input as never))).toBe(
      '- timezone: unknown option: the options here are ' +
        '`accounts`, `competitors`, `snapshots`, `posts`, `mentions`, `replies`, `range`, `compareTo`, `timeZone`, `title`, `engagementRateBy`, ' +
        '`interactions`, `topPostsLimit`, `minSamples`, `weekStartsOn`, `classifySentiment`',
    );
  });
});
