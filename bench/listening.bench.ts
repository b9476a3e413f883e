// Listening rules over normalised text: ours (`compileRules(rules).match(mention)` — every
// text folded as docs/listening.md says, whole-word matching in every script, one
// Aho–Corasick scan for all rules) vs a naive baseline measured in the same run (lower-case
// the text, then `includes` for each rule's terms, rule by rule). The baseline does less
// (no folding, no word boundaries, no NOT) — it is the floor a user would otherwise write.
// A stricter floor (one `includes` per rule) is printed too, for information.
// Target: ours ≥ 1× the baseline's mentions per second (printed PASS/MISS, not a hard
// failure: these machines are noisy).
//
// Corpus: deterministic (xorshift seed) social posts, mostly English with brand names,
// hashtags, mentions, URLs and emoji, a fifth in Arabic, Persian, Romanian, Japanese or
// Chinese. 100 000 mentions × 50 rules.
//
// Run: npx tsx --expose-gc bench/listening.bench.ts
import { compileRules, type ListeningRule } from '../packages/core/src/listening/index.js';
import type { Mention } from '../packages/core/src/model/index.js';
import { seededRandom } from './seeded-random.js';

const MENTIONS = 100_000;
const RULES = 50;
const ROUNDS = 3;
const TARGET = 1;

const { random, pick } = seededRandom(0x9e3779b9);

const BRANDS = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'soylent', 'stark', 'wayne', 'wonka', 'tyrell', 'cyberdyne', 'aperture'];
const TOPICS = [
  'refund',
  'delivery',
  'late',
  'broken',
  'support',
  'price',
  'discount',
  'giveaway',
  'shipping',
  'battery',
  'screen',
  'app',
  'login',
  'crash',
  'update',
  'order',
  'warranty',
  'return',
  'invoice',
  'subscription',
];
const FILLER = 'the a my is was and but so really very just still again today why where when how please thanks love hate'.split(' ');
const OTHER = [
  'أريد استرداد المبلغ من التسويق',
  'خدمات التَّسْوِيق ممتازة',
  'سفارش من کجاست؟ می‌خواهم پولم را پس بگیرم',
  'بازاریابی دیجیتال عالی است',
  'Livrarea a întârziat, vreau rambursare',
  'Mulțumesc pentru ajutor, foarte bun',
  '配送が遅いです。返金してください',
  '新しいiPhoneが欲しい',
  '我喜欢Apple手机但是电池不好',
];

function post(): string {
  if (random() < 0.2) return `${pick(OTHER)} ${pick(BRANDS)}`;
  const words: string[] = [];
  const length = 8 + Math.floor(random() * 14);
  for (let index = 0; index < length; index += 1) {
    const roll = random();
    if (roll < 0.12) words.push(pick(BRANDS)[0]!.toUpperCase() + pick(BRANDS).slice(1));
    else if (roll < 0.25) words.push(pick(TOPICS));
    else if (roll < 0.28) words.push(`#${pick(TOPICS)}`);
    else if (roll < 0.3) words.push(`@${pick(BRANDS)}`);
    else if (roll < 0.31) words.push('https://example.com/p/123');
    else if (roll < 0.33) words.push(pick(['🔥', '😡', '👍', '🍕']));
    else words.push(pick(FILLER));
  }
  return `${words.join(' ')}${pick(['', '!', '?', '...'])}`;
}

const mentions: Mention[] = Array.from({ length: MENTIONS }, (_, index) => ({
  platform: 'bluesky',
  accountId: 'brand',
  id: `m${index}`,
  kind: 'mention',
  author: { id: `u${index % 977}`, handle: `user${index % 977}` },
  text: post(),
  createdAt: '2026-03-01T12:00:00.000Z',
}));

// 50 rules: each a brand with a few topics, some with phrases, prefixes and exclusions.
const rules: ListeningRule[] = [];
const naive: string[][] = [];
for (let index = 0; index < RULES; index += 1) {
  const brand = BRANDS[index % BRANDS.length]!;
  const topics = [pick(TOPICS), pick(TOPICS), pick(TOPICS)];
  const shape = index % 4;
  const query =
    shape === 0
      ? `${brand} AND (${topics.join(' OR ')})`
      : shape === 1
        ? `${brand} (${topics[0]}* OR "${topics[1]} ${pick(FILLER)}") -giveaway`
        : shape === 2
          ? `(${topics.join(' OR ')} OR ${brand}*) AND NOT #giveaway`
          : `${topics[0]} OR ${topics[1]} OR ${topics[2]} OR ${brand}`;
  rules.push({ id: `r${index}`, query });
  naive.push([brand, ...topics]);
}

function runOurs(): { ms: number; matches: number } {
  const set = compileRules(rules);
  const started = performance.now();
  let matches = 0;
  for (const mention of mentions) matches += set.match(mention).length;
  return { ms: performance.now() - started, matches };
}

function runNaive(): { ms: number; matches: number } {
  const started = performance.now();
  let matches = 0;
  for (const mention of mentions) {
    const lower = mention.text.toLowerCase();
    for (const terms of naive) if (terms.some((term) => lower.includes(term))) matches += 1;
  }
  return { ms: performance.now() - started, matches };
}

// A stricter floor, printed for information: one `includes` per rule (its first term only).
function runNaiveOneTerm(): { ms: number; matches: number } {
  const started = performance.now();
  let matches = 0;
  for (const mention of mentions) {
    const lower = mention.text.toLowerCase();
    for (const terms of naive) if (lower.includes(terms[0]!)) matches += 1;
  }
  return { ms: performance.now() - started, matches };
}

const gc = (globalThis as { gc?: () => void }).gc;
let strict = Infinity;
let ours = Infinity;
let base = Infinity;
let oursMatches = 0;
let baseMatches = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  gc?.();
  const a = runNaive();
  gc?.();
  strict = Math.min(strict, runNaiveOneTerm().ms);
  gc?.();
  const b = runOurs();
  base = Math.min(base, a.ms);
  ours = Math.min(ours, b.ms);
  baseMatches = a.matches;
  oursMatches = b.matches;
}
const perSecond = (ms: number) => Math.round((MENTIONS / ms) * 1000).toLocaleString('en-US');
console.log(`corpus: ${MENTIONS.toLocaleString('en-US')} mentions × ${RULES} rules; best of ${ROUNDS} rounds`);
console.log(`naive lower-case + includes: ${base.toFixed(0)} ms (${perSecond(base)} mentions/s), ${baseMatches} rule hits`);
console.log(`compileRules().match:        ${ours.toFixed(0)} ms (${perSecond(ours)} mentions/s), ${oursMatches} rule hits`);
console.log(
  `(stricter floor, one includes per rule: ${strict.toFixed(0)} ms, ${perSecond(strict)} mentions/s; ours ${(strict / ours).toFixed(2)}× of it)`,
);
const ratio = base / ours;
console.log(`ours vs naive: ${ratio.toFixed(2)}× (target ≥ ${TARGET}×) ${ratio >= TARGET ? 'PASS' : 'MISS'}`);
