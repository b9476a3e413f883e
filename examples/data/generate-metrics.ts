/**
 * Generates examples/data/metrics.csv: 60 days of post and account metrics for two accounts,
 * the kind of export a metrics pipeline writes. Deterministic (a seeded generator), so running
 * it again rewrites the same file:
 *
 *   npx -y pnpm@10 exec tsx examples/data/generate-metrics.ts      (from the repository root)
 *
 * One row per snapshot. Account rows carry `followers`; post rows carry the post's cumulative
 * counters two days after it went out. An empty cell means the network does not report that
 * metric (Bluesky reports no impressions or reach): absent, not 0.
 */
import { writeFile } from 'node:fs/promises';
import { createSeededRandom } from '@smm/testkit/simulator';

const START = Date.parse('2026-01-05T00:00:00Z'); // a Monday
const DAYS = 60;
const HOUR = 3_600_000;
const COLUMNS = [
  'observed_at',
  'subject',
  'platform',
  'account_id',
  'post_id',
  'published_at',
  'text',
  'impressions',
  'reach',
  'likes',
  'comments',
  'shares',
  'followers',
] as const;

interface AccountSpec {
  platform: string;
  id: string;
  followers: number;
  dailyGrowth: number;
  /** Local posting hours (Bucharest, UTC+2 in winter) and how well each does. */
  hours: Record<number, number>;
  reportsReach: boolean;
  topics: string[];
}

const accounts: AccountSpec[] = [
  {
    platform: 'facebook',
    id: '104857600',
    followers: 12_400,
    dailyGrowth: 18,
    hours: { 9: 1.0, 13: 0.8, 18: 1.35, 21: 0.7 },
    reportsReach: true,
    topics: [
      'Weekend market recap',
      'New sourdough recipe',
      'Meet the bakers',
      'Behind the ovens',
      'Customer of the week',
      'Seasonal menu',
    ],
  },
  {
    platform: 'bluesky',
    id: 'did:plc:acmebakery',
    followers: 3_100,
    dailyGrowth: 9,
    hours: { 8: 0.9, 12: 1.25, 17: 1.1, 20: 0.75 },
    reportsReach: false,
    topics: ['Fresh out of the oven', 'Flour thread', 'Ask the baker', 'Crumb shot', 'Pastry poll results', 'Shop hours update'],
  },
];

const csvCell = (value: string | number | undefined) => {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const rows: Array<Partial<Record<(typeof COLUMNS)[number], string | number>>> = [];
for (const [index, spec] of accounts.entries()) {
  // Seeded, so the data is the same on every machine.
  const seeded = createSeededRandom(1_000 + index);
  const random = () => seeded.next();
  let followers = spec.followers;
  let serial = 0;
  for (let day = 0; day < DAYS; day += 1) {
    const dayStart = START + day * 24 * HOUR;
    const weekday = new Date(dayStart).getUTCDay(); // 0 = Sunday
    followers += Math.round(spec.dailyGrowth * (0.5 + random()) - (random() < 0.1 ? 25 : 0));
    rows.push({
      observed_at: new Date(dayStart + 22 * HOUR).toISOString(),
      subject: 'account',
      platform: spec.platform,
      account_id: spec.id,
      followers,
    });

    // One or two posts a day, fewer at weekends.
    const posts = weekday === 0 || weekday === 6 ? (random() < 0.5 ? 1 : 0) : random() < 0.4 ? 2 : 1;
    const hours = Object.keys(spec.hours).map(Number);
    for (let n = 0; n < posts; n += 1) {
      const hour = hours[Math.floor(random() * hours.length)]!;
      const publishedAt = dayStart + (hour - 2) * HOUR + Math.floor(random() * 50) * 60_000; // local hour → UTC
      const quality = spec.hours[hour]! * (0.6 + random() * 0.8);
      const reach = Math.round(followers * 0.22 * quality);
      const impressions = Math.round(reach * (1.3 + random() * 0.5));
      const likes = Math.round(reach * 0.045 * quality);
      const comments = Math.round(likes * (0.08 + random() * 0.1));
      const shares = Math.round(likes * (0.05 + random() * 0.1));
      serial += 1;
      rows.push({
        observed_at: new Date(publishedAt + 48 * HOUR).toISOString(),
        subject: 'post',
        platform: spec.platform,
        account_id: spec.id,
        post_id: `${spec.platform === 'facebook' ? 'fb' : 'bsky'}-${String(serial).padStart(3, '0')}`,
        published_at: new Date(publishedAt).toISOString(),
        text: `${spec.topics[Math.floor(random() * spec.topics.length)]} #${serial}`,
        ...(spec.reportsReach ? { impressions, reach } : {}),
        likes,
        comments,
        shares,
      });
    }
  }
}
rows.sort((a, b) => String(a.observed_at).localeCompare(String(b.observed_at)) || String(a.platform).localeCompare(String(b.platform)));

const csv = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((column) => csvCell(row[column])).join(','))].join('\n') + '\n';
await writeFile(new URL('./metrics.csv', import.meta.url), csv);
console.log(
  `wrote examples/data/metrics.csv: ${rows.length} rows (${rows.filter((row) => row.subject === 'post').length} posts) for ${accounts.length} accounts over ${DAYS} days`,
);
