import { describe, expectTypeOf, it } from 'vitest';
import type { SmmClient } from '../client/index.js';
import type { MentionActor } from './mention-actions.js';

describe('the core client fits inbox actions', () => {
  it('is a MentionActor as is, so createInbox({ actor: client }) works (checked by tsc)', () => {
    expectTypeOf<SmmClient>().toExtend<MentionActor>();
  });
});
