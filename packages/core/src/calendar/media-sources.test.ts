import { createFakeClock } from '@smm/testkit/clock';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { createMemoryStore } from '../schedule-store/index.js';
import { createCalendar } from './calendar.js';

const ACCOUNT = { platform: 'x', id: '1', handle: 'acme_ro', timeZone: 'Europe/Bucharest' };

function setup() {
  const clock = createFakeClock({ now: '2026-03-23T06:00:00.000Z' });
  let n = 0;
  return createCalendar({
    store: createMemoryStore(),
    clock,
    newId: () => `e${++n}`,
    accounts: [{ account: ACCOUNT, queue: 'daily 09:00' }],
  });
}

describe('calendar entries and media sources', () => {
  it('keeps a file path (JSON) and refuses a Blob, naming the field and the fix', async () => {
    const calendar = setup();
    const file = { kind: 'image', mimeType: 'image/png', source: { type: 'file', path: '/srv/media/hero.png' }, altText: 'Hero' } as const;
    const [kept] = await calendar.createEntries({ draft: { text: 'file', media: [file] }, accounts: ['x:1'] }, { by: 'ana' });
    expect(JSON.parse(JSON.stringify(kept!.draft.media[0]))).toMatchObject({ from: { type: 'file', path: '/srv/media/hero.png' } });

    const blob = { kind: 'image', mimeType: 'image/png', source: { type: 'blob', blob: new Blob([new Uint8Array(4)]) } } as const;
    const refused = calendar.createEntries(
      { draft: { text: 'blob', thread: [{ text: 'two', media: [blob] }] }, accounts: ['x:1'] },
      { by: 'ana' },
    );
    await expect(refused).rejects.toSatisfy(
      (error) =>
        ValidationError.isInstance(error) &&
        error.issues.some(
          (issue) =>
            issue.code === 'media_not_storable' &&
            issue.path.join('.') === 'draft.thread.0.media.0.source' &&
            /store a file path/.test(issue.message),
        ),
    );
  });
});
