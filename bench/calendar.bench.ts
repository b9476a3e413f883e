// Content calendar at scale: plan a year of queue slots for N accounts (3 slots/day, mixed
// zones) and place 100 entries per account (1,000,000 at N = 10,000) through the memory
// store. The 1,000-account run is the in-process baseline for the growth ratio.
//
//   npx tsx --expose-gc bench/calendar.bench.ts
import { createCalendar, type NewEntries } from '../packages/core/src/calendar/index.js';
import { createMemoryStore } from '../packages/core/src/schedule-store/index.js';
import { availableParallelism, loadavg } from 'node:os';
import type { Clock } from '../packages/core/src/clock/index.js';

const ZONES = [
  'America/New_York',
  'Europe/Bucharest',
  'Asia/Tehran',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/Sao_Paulo',
  'Asia/Tokyo',
  'Europe/London',
  'Pacific/Chatham',
  'UTC',
];
const QUEUES = [
  'daily 09:00, 13:00 and 18:30',
  'daily 08:15, 12:45 and 20:00',
  [{ kind: 'rrule' as const, rrule: 'FREQ=DAILY;BYHOUR=10,15,21;BYMINUTE=30' }],
];
const ENTRIES_PER_ACCOUNT = 100;
const TARGET_MS = 10_000;
const TARGET_BYTES = 1.5 * 1024 ** 3;
const START = '2026-01-01T00:00:00.000Z';

const clock: Clock = { now: () => Date.parse(START), sleep: async () => {} };
const gc = (globalThis as { gc?: () => void }).gc;
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

async function run(accountCount: number) {
  gc?.();
  const timer = setInterval(sample, 25);
  const accounts = Array.from({ length: accountCount }, (_, i) => ({
    account: { platform: 'x', id: String(i), handle: `acct${i}`, timeZone: ZONES[i % ZONES.length]! },
    queue: QUEUES[i % QUEUES.length]!,
    minGapMs: 2 * 3_600_000,
    dailyCap: 3,
  }));
  const store = createMemoryStore();
  let id = 0;
  const calendar = createCalendar({ store, clock, accounts, newId: () => `e${++id}`, horizonDays: 400 });

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let slots = 0;
  for (const { account } of accounts) {
    slots += (await calendar.nextFreeSlots(`x:${account.id}`, START, 3 * 365)).length;
    if ((slots & 0xffff) < 1095) sample();
  }
  const planMs = performance.now() - t0;

  const t1 = performance.now();
  const keys = accounts.map(({ account }) => `x:${account.id}`);
  const items: NewEntries[] = Array.from({ length: ENTRIES_PER_ACCOUNT }, (_, k) => ({
    draft: { text: `Post ${k} of the campaign`, tags: ['bench'] },
    accounts: keys,
    place: 'queue',
  }));
  const placed = await calendar.createMany(items, { by: 'bench' });
  const placeMs = performance.now() - t1;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  sample();
  clearInterval(timer);
  gc?.();
  const heapAfterGc = process.memoryUsage().heapUsed;
  const check = await store.query({ accountKeys: ['x:0'] });
  if (check.length !== ENTRIES_PER_ACCOUNT) throw new Error(`account x:0 has ${check.length} entries, expected ${ENTRIES_PER_ACCOUNT}`);
  return { accountCount, slots, entries: placed.length, planMs, placeMs, totalMs: planMs + placeMs, cpuMs, heapAfterGc };
}

/**
 * The check at full length: 1,000 accounts × 3 slots/day filled for a whole year
 * (cap 2 per local day, 2 h min gap), verified independently with Intl local days.
 */
async function yearFillCheck(): Promise<boolean> {
  const accounts = Array.from({ length: 1_000 }, (_, i) => ({
    account: { platform: 'x', id: String(i), handle: `acct${i}`, timeZone: ZONES[i % ZONES.length]! },
    queue: QUEUES[i % QUEUES.length]!,
    minGapMs: 2 * 3_600_000,
    dailyCap: 2,
  }));
  let id = 0;
  const calendar = createCalendar({ store: createMemoryStore(), clock, accounts, newId: () => `y${++id}`, horizonDays: 400 });
  const keys = accounts.map(({ account }) => `x:${account.id}`);
  const items: NewEntries[] = Array.from({ length: 730 }, (_, k) => ({
    draft: { text: `Year post ${k}` },
    accounts: keys,
    place: 'queue',
  }));
  const t0 = performance.now();
  const placed = await calendar.createMany(items, { by: 'bench' });
  const ms = performance.now() - t0;
  const byAccount = new Map<string, number[]>();
  for (const entry of placed) {
    let list = byAccount.get(entry.accountKey);
    if (list === undefined) byAccount.set(entry.accountKey, (list = []));
    list.push(Date.parse(entry.scheduledAt!));
  }
  let ok = placed.length === 730_000;
  let last = 0;
  for (const [key, times] of byAccount) {
    const zone = accounts[Number(key.slice(2))]!.account.timeZone;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    times.sort((a, b) => a - b);
    const perDay = new Map<string, number>();
    for (let i = 0; i < times.length; i += 1) {
      if (i > 0 && times[i]! - times[i - 1]! < 2 * 3_600_000) ok = false;
      const local = day.format(times[i]!);
      perDay.set(local, (perDay.get(local) ?? 0) + 1);
    }
    if ([...perDay.values()].some((count) => count > 2)) ok = false;
    last = Math.max(last, times[times.length - 1]!);
  }
  console.log(
    `year fill: 1,000 accounts × 730 entries (cap 2/day, gap 2 h) placed in ${ms.toFixed(0)} ms, last at ${new Date(last).toISOString()}; ` +
      `min gap, daily cap, one entry per slot: ${ok ? 'PASS' : 'MISS'}`,
  );
  return ok;
}

const yearOk = await yearFillCheck();
const small = await run(1_000);
const large = await run(10_000);
const maxRssKb = process.resourceUsage().maxRSS;
for (const r of [small, large]) {
  console.log(
    `${String(r.accountCount).padStart(6)} accounts: ${r.slots.toLocaleString('en')} slots planned in ${r.planMs.toFixed(0)} ms, ` +
      `${r.entries.toLocaleString('en')} entries placed in ${r.placeMs.toFixed(0)} ms (total ${r.totalMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU), heapUsed after gc ${mb(r.heapAfterGc)}`,
  );
}
const peak = Math.max(peakRss, maxRssKb * 1024);
// CPU time is what one core spends; wall time also counts waiting for a busy shared machine.
const growth = large.cpuMs / small.cpuMs;
console.log(`peak RSS (sampled) ${mb(peakRss)}, peak RSS (OS maxRSS) ${mb(maxRssKb * 1024)}`);
console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (wall times include waiting for the CPU)`);
console.log(
  `growth 1,000 → 10,000 accounts: CPU time ×${growth.toFixed(2)} for ×10 work (per-account cost ratio ${(growth / 10).toFixed(2)}; 1.00 = linear)`,
);
console.log(
  `time  ${large.cpuMs < TARGET_MS ? 'PASS' : 'MISS'} (${large.cpuMs.toFixed(0)} ms CPU, ${large.totalMs.toFixed(0)} ms wall; target < ${TARGET_MS} ms on one core)`,
);
console.log(`memory ${peak < TARGET_BYTES ? 'PASS' : 'MISS'} (${mb(peak)}, target < ${mb(TARGET_BYTES)})`);
if (!yearOk) process.exitCode = 1;
console.log(`linear ${growth / 10 < 1.5 ? 'PASS' : 'MISS'} (per-account cost ratio ${(growth / 10).toFixed(2)}, target < 1.5)`);
