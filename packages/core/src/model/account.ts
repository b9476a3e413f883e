import { z } from 'zod';
import { NetworkIdSchema, TimeZoneSchema } from './primitives.js';

/**
 * A connected social account: which network, its id there, its handle, and the time zone
 * its calendar is planned in.
 */
export const AccountSchema = z.object({
  /** The network, e.g. `bluesky`. */
  platform: NetworkIdSchema,
  /** The account's id on that network (X user id, Bluesky DID, Mastodon account id, …). */
  id: z.string().min(1, { error: 'must be the account id on its network (not empty)' }),
  /** The handle people see, without a leading `@` (e.g. `smm.bsky.social`). */
  handle: z.string().min(1, { error: 'must be the handle people see (not empty)' }),
  /** A display name. */
  displayName: z.string().optional(),
  /** IANA time zone for queue slots and reports. Defaults to `UTC`. */
  timeZone: TimeZoneSchema.default('UTC'),
  /** A brand or workspace the account belongs to (for approvals and pauses). */
  brand: z.string().optional(),
});

/** A connected social account. */
export interface Account extends z.infer<typeof AccountSchema> {}
/** What {@link AccountSchema} accepts (defaults not yet applied). */
export interface AccountInput extends z.input<typeof AccountSchema> {}
