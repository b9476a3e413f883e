/**
 * Step 4: every draft goes through review before it may take a slot. Ana writes, the editors
 * approve — Reza for the New York account, Lena for the Berlin ones — and an approved entry
 * is placed in its account's next free queue slot. One teaser is rejected with a reason,
 * fixed, resubmitted and approved; its history records who did what, when and why.
 */
import type { PostDraft } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';
import { validateDraft } from '@smm/core/text';
import { RULES, type Platform, type PlannedPost } from './article.js';
import type { DemoClock } from './demo-clock.js';
import { detail, expect, preview, say } from './narrate.js';
import type { DemoCalendar } from './plan.js';
import type { Networks } from './simulators.js';

const EDITORS: Record<Platform, string> = { x: 'reza', bluesky: 'lena', mastodon: 'lena', linkedin: 'reza' };
const MINUTE = 60_000;

/** Creates, submits and approves every planned post; returns the entries and a label per entry id. */
export async function reviewAndQueue(
  planned: readonly PlannedPost[],
  networks: Networks,
  { calendar, nextId }: DemoCalendar,
  clock: DemoClock,
  rejectId: string,
): Promise<{ entries: CalendarEntry[]; labels: Map<string, string> }> {
  const labels = new Map<string, string>();
  const created: CalendarEntry[] = [];
  for (const post of planned) {
    for (const network of networks.list) {
      const base = post.drafts[network.platform];
      if (!base) continue;
      const id = `${network.platform}-${post.label.replace(/\s+/g, '-').replace(/(\d+)$/, (n) => n.padStart(2, '0'))}`;
      nextId(id);
      const draft: PostDraft = { ...base, campaign: 'two-time-zones', tags: ['two-time-zones'] };
      const [entry] = await calendar.createEntries({ draft, accounts: [network.key], place: 'queue' }, { by: 'ana' });
      labels.set(entry!.id, post.label);
      created.push(entry!);
    }
  }
  clock.advance(20 * MINUTE);
  for (const entry of created) await calendar.submit(entry.id, { by: 'ana', reason: 'ready for review' });
  say(
    `Ana creates ${created.length} drafts from the article (the whole article and ten lessons, per network) and submits them: ${created.length} in review.`,
  );
  say('Policy for brand "acme": 1 approval from an editor. Reza reviews New York (X), Lena reviews Berlin (Bluesky, Mastodon).');

  // The editors approve in order, so the article goes first and the lessons follow it through the week.
  clock.advance(45 * MINUTE);
  let approved = 0;
  for (const entry of created) {
    if (entry.id === rejectId) continue;
    const platform = entry.accountKey.split(':')[0] as Platform;
    await calendar.approve(entry.id, { by: EDITORS[platform], role: 'editor' });
    approved += 1;
  }
  say(`Reza and Lena approve ${approved}; each approved entry takes its account's next free slot.`);

  // One teaser goes back with a reason.
  const rejected = await calendar.store.get(rejectId);
  expect(rejected, `there is no entry ${rejectId} to reject`);
  clock.advance(10 * MINUTE);
  const reason = 'the summary is cut before the languages: lead with the Romanian and Persian lines';
  await calendar.reject(rejectId, { by: 'lena', reason });
  say(`Lena rejects ${rejectId}: "${reason}"`);
  detail(`  was: ${preview(rejected.draft.text, 100)}`);

  // Ana rewrites it by hand; the same rules that will apply at publish time check it first.
  clock.advance(25 * MINUTE);
  const platform = rejected.accountKey.split(':')[0] as Platform;
  const link = rejected.draft.link!;
  const text = [
    'Lesson 9/10: Write for more than one language.',
    '„Bună ziua din Berlin!" — «می‌خواهیم پست‌ها را زمان‌بندی کنیم» 🇷🇴',
    'Cut a ZWNJ or count a flag as two letters, and these posts break.',
    link,
    '#i18n',
  ].join('\n\n');
  const fixedDraft: PostDraft = { ...rejected.draft, text };
  const problems = validateDraft(fixedDraft, RULES[platform]);
  expect(problems.length === 0, `the rewritten ${rejectId} still has problems: ${problems.map((problem) => problem.message).join('; ')}`);
  await calendar.edit(rejectId, fixedDraft, { by: 'ana', reason: 'rewritten as Lena asked' });
  await calendar.submit(rejectId, { by: 'ana', reason: 'languages first' });
  clock.advance(15 * MINUTE);
  const final = await calendar.approve(rejectId, { by: 'lena', role: 'editor', note: 'much better' });
  expect(final.status === 'scheduled', `${rejectId} should be scheduled after its approval, it is ${final.status}`);
  say(`Ana rewrites it (no problems by ${platform}'s rules), resubmits; Lena approves → ${final.status} for ${final.scheduledAt}.`);
  detail(`  now: ${preview(final.draft.text, 100)}`);
  say(`History of ${rejectId}:`);
  for (const record of final.history) {
    say(
      `  ${record.at.slice(11, 16)}Z  ${`${record.from ?? '(new)'} → ${record.to}`.padEnd(24)} by ${record.by.padEnd(5)} ${record.reason ?? ''}`,
    );
  }

  const entries: CalendarEntry[] = [];
  for (const entry of created) entries.push((await calendar.store.get(entry.id))!);
  const notScheduled = entries.filter((entry) => entry.status !== 'scheduled');
  expect(
    notScheduled.length === 0,
    `${notScheduled.length} entries are not scheduled after review: ${notScheduled.map((entry) => `${entry.id} (${entry.status})`).join(', ')}`,
  );
  return { entries, labels };
}
