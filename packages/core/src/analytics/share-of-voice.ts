import { z } from 'zod';
import { parseWithSchema, type Mention } from '../model/index.js';
import { safeRatio } from './metric-values.js';

/** Who a brand (or competitor) is: its accounts, and the words that name it. */
export interface VoiceEntity {
  name: string;
  /** Accounts of this entity; a mention that arrived in one of their inboxes is *direct*. */
  accountIds?: readonly string[];
  /** Names, handles or hashtags; a mention whose text contains one (case-insensitive) is *indirect*. */
  terms?: readonly string[];
}

/** Direct, indirect and total mentions of one entity. */
export interface VoiceCounts {
  direct: number;
  indirect: number;
  total: number;
}

/** Share of voice of the brand against its competitors. */
export interface ShareOfVoice {
  brand: VoiceCounts;
  competitors: Record<string, VoiceCounts>;
  /** brand ÷ (brand + all competitors), per kind; `null` when nobody was mentioned. */
  share: { direct: number | null; indirect: number | null; total: number | null };
}

const EntitySchema = z.object({
  name: z.string().min(1, { error: 'must name the brand or competitor' }),
  accountIds: z.array(z.string().min(1)).optional(),
  terms: z.array(z.string().min(1, { error: 'must not be empty (an empty term matches everything)' })).optional(),
});
const ShareOfVoiceInputSchema = z.object({
  brand: EntitySchema,
  competitors: z.array(EntitySchema),
  mentions: z.array(z.custom<Mention>((value) => typeof value === 'object' && value !== null)),
});

/**
 * Share of voice: **brand mentions ÷ (brand + competitors' mentions)**, as fractions, for
 * direct, indirect and all mentions.
 *
 * - **Direct**: the mention arrived in one of the entity's accounts (`mention.accountId` is in
 *   `accountIds`) — it tagged, replied to or messaged the entity.
 * - **Indirect**: it did not arrive in the entity's accounts, but its text names the entity
 *   (contains one of `terms`, case-insensitive) — talk *about* the entity found by listening.
 *
 * A mention counts once per entity (direct wins over indirect); it may count for several
 * entities when it names several. Mentions are deduplicated by platform + id.
 *
 * @example
 * ```ts
 * shareOfVoice({
 *   brand: { name: 'Acme', accountIds: ['acme-x'], terms: ['acme'] },
 *   competitors: [{ name: 'Globex', accountIds: ['globex-x'], terms: ['globex'] }],
 *   mentions,
 * }).share.total; // e.g. 0.6
 * ```
 */
export function shareOfVoice(input: {
  brand: VoiceEntity;
  competitors: readonly VoiceEntity[];
  mentions: readonly Mention[];
}): ShareOfVoice {
  const { brand, competitors, mentions } = parseWithSchema(ShareOfVoiceInputSchema, input, 'shareOfVoice input');
  const unique = new Map<string, Mention>();
  for (const mention of mentions) unique.set(`${mention.platform}\u0000${mention.id}`, mention);
  const count = (entity: VoiceEntity): VoiceCounts => {
    const accounts = new Set(entity.accountIds ?? []);
    const terms = (entity.terms ?? []).map((term) => term.toLocaleLowerCase());
    let direct = 0;
    let indirect = 0;
    for (const mention of unique.values()) {
      if (accounts.has(mention.accountId)) direct += 1;
      else if (terms.length > 0) {
        const text = mention.text.toLocaleLowerCase();
        if (terms.some((term) => text.includes(term))) indirect += 1;
      }
    }
    return { direct, indirect, total: direct + indirect };
  };
  const brandCounts = count(brand);
  const competitorCounts: Record<string, VoiceCounts> = {};
  const all = { ...brandCounts };
  for (const competitor of competitors) {
    const counts = count(competitor);
    competitorCounts[competitor.name] = counts;
    all.direct += counts.direct;
    all.indirect += counts.indirect;
    all.total += counts.total;
  }
  return {
    brand: brandCounts,
    competitors: competitorCounts,
    share: {
      direct: safeRatio(brandCounts.direct, all.direct),
      indirect: safeRatio(brandCounts.indirect, all.indirect),
      total: safeRatio(brandCounts.total, all.total),
    },
  };
}
