import { describe, expectTypeOf, it } from 'vitest';
import type { SmmClient } from '../client/index.js';
import type { ReplyingClient } from './reply-sender-from-client.js';
import type { MentionSource } from './sources.js';

describe('the core client fits listening', () => {
  it('is a MentionSource as is, and a ReplySender through replySenderFromClient (checked by tsc)', () => {
    expectTypeOf<SmmClient>().toExtend<MentionSource>();
    expectTypeOf<SmmClient>().toExtend<ReplyingClient>();
  });
});
