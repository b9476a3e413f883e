// X weighted length over a 1 MB mixed-script corpus: ours (`countLength(text, TEXT_RULES.x)`)
// vs twitter-text 3's `parseTweet(text).weightedLength` (the oracle X publishes), over the same
// tweet-sized chunks in one run. Every result must be identical (exit 1 otherwise). Target:
// ours ≥ 5× faster (printed PASS/MISS, not a hard failure: these machines are noisy).
//
// Corpus: deterministic (xorshift seed) mix of Romanian with diacritics, Arabic, Persian with
// ZWNJ, Hebrew, CJK, Hangul, emoji (skin tones, ZWJ families, flags, keycaps), combining
// marks, URLs with and without scheme, mentions, hashtags and cashtags.
//
// Run: npx tsx --expose-gc bench/text.bench.ts
import twitter from 'twitter-text';
import { countLength, TEXT_RULES } from '../packages/core/src/text/index.js';
import { seededRandom } from './seeded-random.js';

const CORPUS_BYTES = 1_000_000;
const ROUNDS = 9;
const TARGET = 5;

const { random, pick } = seededRandom(0x2545f491);

const WORDS = [
  'Bună',
  'ziua',
  'școală',
  'țară',
  'învățătură',
  'marketing',
  'social',
  'media',
  'the',
  'launch',
  'today',
  'and',
  'for',
  'مرحبا',
  'تسويق',
  'المحتوى',
  'می‌خواهم',
  'بازاریابی',
  'محتوا',
  'שלום',
  'עולם',
  '日本語',
  '東京',
  'マーケティング',
  '中文',
  '内容',
  '한국어',
  '마케팅',
  'नमस्ते',
  'привет',
  'e\u0301te\u0301',
  'a\u0306',
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇷🇴',
  '🇮🇷',
  '1️⃣',
  '❤️',
  '🔥',
  '🎉',
  'https://example.com/blog/post-1',
  'example.ro/oferta?id=7',
  'www.example.co.uk/a_(b)',
  'https://t.co/AbC123',
  'ro.wikipedia.org/wiki/România',
  '@ana',
  '@ana@mastodon.social',
  '@bob.bsky.social',
  '#marketing',
  '#تسويق',
  '#بازاریابی',
  '#日本',
  '$TSLA',
  'https://twitter.vermögensberatung',
  '#עַל־יְדֵי',
  '#メ〜テレ',
  '✌️#hashtag',
  'e.g.',
  '10.5%',
  '—',
  '…',
];
const PUNCTUATION = [' ', ' ', ' ', ' ', ', ', '. ', '! ', '? ', '، ', '。', '\n', '\n\n'];

function buildCorpus(): string[] {
  const chunks: string[] = [];
  let bytes = 0;
  const encoder = new TextEncoder();
  while (bytes < CORPUS_BYTES) {
    const words = 5 + Math.floor(random() * 45); // tweet-sized: ~30–300 characters
    let chunk = '';
    for (let i = 0; i < words; i++) chunk += pick(WORDS) + pick(PUNCTUATION);
    chunks.push(chunk.trim());
    bytes += encoder.encode(chunk).length;
  }
  return chunks;
}

const chunks = buildCorpus();
const totalBytes = chunks.reduce((sum, chunk) => sum + new TextEncoder().encode(chunk).length, 0);
const gc = (globalThis as { gc?: () => void }).gc;

interface Timing {
  label: string;
  count: (text: string) => number;
  best: number;
  results: Int32Array;
}

function timing(label: string, count: (text: string) => number): Timing {
  for (const chunk of chunks.slice(0, 500)) count(chunk); // warm up
  return { label, count, best: Infinity, results: new Int32Array(chunks.length) };
}

function round(t: Timing): void {
  gc?.();
  const started = performance.now();
  for (let i = 0; i < chunks.length; i++) t.results[i] = t.count(chunks[i]!);
  t.best = Math.min(t.best, performance.now() - started);
}

function report(t: Timing): void {
  console.log(
    `${t.label.padEnd(34)} ${t.best.toFixed(1).padStart(8)} ms  ${(totalBytes / 1_048_576 / (t.best / 1000)).toFixed(2).padStart(7)} MB/s  ${Math.round(
      chunks.length / (t.best / 1000),
    )
      .toLocaleString('en-US')
      .padStart(10)} tweets/s`,
  );
}

console.log(
  `corpus: ${chunks.length.toLocaleString('en-US')} tweet-sized chunks, ${(totalBytes / 1_048_576).toFixed(2)} MB UTF-8; best of ${ROUNDS} interleaved rounds`,
);
const theirs = timing('twitter-text parseTweet (baseline)', (text) => twitter.parseTweet(text).weightedLength);
const ours = timing('smm countLength(text, TEXT_RULES.x)', (text) => countLength(text, TEXT_RULES.x));
// Rounds alternate, so a burst of load from elsewhere on the machine slows both sides alike.
for (let r = 0; r < ROUNDS; r++) {
  round(theirs);
  round(ours);
}
report(theirs);
report(ours);

let mismatches = 0;
for (let i = 0; i < chunks.length; i++) {
  if (ours.results[i] !== theirs.results[i]) {
    if (mismatches < 5)
      console.log(`MISMATCH chunk ${i}: ours ${ours.results[i]} vs twitter-text ${theirs.results[i]}: ${JSON.stringify(chunks[i])}`);
    mismatches++;
  }
}
const ratio = theirs.best / ours.best;
console.log(
  `identical results: ${mismatches === 0 ? 'yes' : `NO (${mismatches} differ)`} over ${chunks.length.toLocaleString('en-US')} chunks`,
);
console.log(`speed-up: ${ratio.toFixed(2)}× (target ≥ ${TARGET}×) ${ratio >= TARGET ? 'PASS' : 'MISS'}`);
if (mismatches > 0) process.exit(1);
