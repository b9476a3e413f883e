/**
 * Inbox: listen to X, Bluesky and Mastodon at once, tag every mention with rules, classify it
 * (sentiment and intent), file it into one inbox, print a summary, and answer one complaint
 * with a personalised saved reply through the adapter.
 *
 *   npx -y pnpm@10 exec tsx examples/inbox.ts      (from the repository root, after a build)
 *
 * The three simulators from @smm/testkit are served on 127.0.0.1 with a few mentions waiting
 * (the seeded backlog plus some written here, one of them a clear complaint); the shipped
 * adapters read them through `listen` from @smm/core/listening. Time is simulated: the agent
 * answers 12 minutes after the complaint arrived, and the example checks that the reply is on
 * X's simulator, that the conversation is now `waiting`, and that its first-response time is
 * those 12 minutes. The inbox is shared: its conversations live in a SQLite file, and a second
 * instance over the same file (a second agent's machine) sees the same inbox — its agent is
 * told someone is already replying, routing rules send each new conversation to a team, and
 * the SLA says how long each may wait in business hours. No network, no account.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteInboxStore } from '@smm/store-sqlite';
import { createBlueskyAdapter } from '@smm/adapter-bluesky';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createXAdapter } from '@smm/adapter-x';
import { accountKey, createClient } from '@smm/core/client';
import { responseTimes } from '@smm/core/analytics';
import { ValidationError } from '@smm/core/errors';
import {
  classifyMentions,
  compileRules,
  createLexiconClassifier,
  createSharedInbox,
  ReplyInProgressError,
  listen,
  replySenderFromClient,
  type Conversation,
  type InboxItem,
} from '@smm/core/listening';
import type { Account, Mention } from '@smm/core/model';
import { createBlueskySimulator, createFakeClock, createMastodonSimulator, createXSimulator, type NetworkSimulator } from '@smm/testkit';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const MINUTE = 60_000;
const START = '2026-03-02T09:00:00.000Z';
// Time moves only when told to (clock.advance), so the first-response time below is exact.
const clock = createFakeClock({ now: START });
// A small backlog per network (seeded: the same on every run), no mentions arriving later.
const xSim = createXSimulator({ clock, seed: 31, mentionBacklog: 4, mentionEveryMs: 0 });
const blueskySim = createBlueskySimulator({ clock, seed: 32, mentionBacklog: 4, mentionEveryMs: 0 });
const mastodonSim = createMastodonSimulator({ clock, seed: 33, mentionBacklog: 4, mentionEveryMs: 0 });
const sims: NetworkSimulator[] = [xSim, blueskySim, mastodonSim];

// What customers wrote this morning, arriving now.
const COMPLAINT = `@${xSim.account.handle} my order 4411 is two weeks late and still no refund. Really disappointed, terrible service.`;
xSim.addMention({ text: COMPLAINT });
xSim.addMention({ text: `@${xSim.account.handle} refund giveaway? retweet to win lol` });
blueskySim.addMention({ text: `@${blueskySim.account.handle} love the new scheduler, great work!` });
blueskySim.addMention({ text: `@${blueskySim.account.handle} does the inbox also read Mastodon DMs?` });
mastodonSim.addMention({ text: `@${mastodonSim.account.handle} سلام، بازاريابي با این ابزار خیلی راحت شده` });
mastodonSim.addMention({ text: `@${mastodonSim.account.handle} the CSV export is broken again and support never answers` });

const servers = await Promise.all(sims.map((sim) => sim.listen({ host: '127.0.0.1', port: 0 })));
const [xServer, blueskyServer, mastodonServer] = servers as [(typeof servers)[0], (typeof servers)[0], (typeof servers)[0]];
// Stops everything if something hangs: the example is bounded.
const deadline = new AbortController();
const stores: Array<ReturnType<typeof createSqliteInboxStore>> = [];
const cleanups: Array<() => void> = [];
const timer = setTimeout(() => deadline.abort(new Error('timed out after 30 s')), 30_000);

try {
  const accounts: Account[] = sims.map((sim) => ({
    platform: sim.platform,
    id: sim.account.id,
    handle: sim.account.handle,
    timeZone: 'Europe/Bucharest',
  }));
  const client = createClient({
    adapters: [
      createXAdapter({ baseUrl: xServer.url }),
      createBlueskyAdapter({ baseUrl: blueskyServer.url }),
      createMastodonAdapter({ baseUrl: mastodonServer.url }),
    ],
    accounts,
    credentials: Object.fromEntries(sims.map((sim, index) => [accountKey(accounts[index]!), sim.credentials])),
    clock,
    httpOptions: { timeoutMs: 5_000, maxRetries: 2 },
  });
  console.log(
    `listening to ${accounts.map((account) => `${account.platform}:@${account.handle}`).join(', ')} on ${servers.map((server) => server.url).join(', ')}`,
  );

  const rules = compileRules([
    { id: 'delivery', query: '(late OR refund* OR "never arrived") AND NOT giveaway' },
    { id: 'bug', query: 'broken OR bug OR crash*' },
    { id: 'marketing', query: 'تسويق OR بازاریابی' },
    { id: 'praise', query: 'love OR great OR thanks', languages: ['en'] },
    { id: 'influencer', minFollowers: 20_000 },
  ]);
  const classifier = createLexiconClassifier();
  // Two app instances (two agents' machines) over one SQLite file: one inbox.
  const shared = {
    accounts,
    sender: replySenderFromClient(client),
    savedReplies: {
      'late-order':
        'Hi {{author.name}}, sorry that order {{orderId}} is late. Your refund goes out today; we will DM you the tracking link. — {{agent}}',
    },
    clock,
    // First match wins: complaints about delivery to care, bugs to product, the rest to community.
    routing: [
      { id: 'delivery-complaints', query: 'late OR refund*', intents: ['complaint' as const], team: 'care', assignees: ['dana', 'sam'] },
      { id: 'bugs', query: 'broken OR bug OR crash*', team: 'product' },
      { id: 'everything-else', team: 'community' },
    ],
    // Weekdays 09:00–17:00 in Bucharest; answer within 1 business hour (care: 30 minutes).
    sla: {
      businessHours: {
        timeZone: 'Europe/Bucharest',
        weekly: Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start: '09:00', end: '17:00' }]])),
      },
      firstResponseMs: 60 * MINUTE,
      teams: { care: { firstResponseMs: 30 * MINUTE } },
    },
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'smm-inbox-'));
  stores.push(createSqliteInboxStore({ path: join(dataDir, 'inbox.db') }), createSqliteInboxStore({ path: join(dataDir, 'inbox.db') }));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const inbox = createSharedInbox({ ...shared, store: stores[0]! });
  const colleague = createSharedInbox({ ...shared, store: stores[1]! });

  // 1. Listen: one stream for all three accounts, since an hour ago, until every waiting mention is in.
  const waiting = sims.reduce((sum, sim) => sum + sim.mentionCount(), 0);
  const stream = listen({
    source: client,
    accounts,
    since: new Date(Date.parse(START) - 60 * MINUTE).toISOString(),
    pollEvery: MINUTE,
    clock,
    signal: deadline.signal,
  });
  stream.on('error', ({ account, error }) => console.error(`  ${account}: ${error instanceof Error ? error.message : String(error)}`));
  const received: Mention[] = [];
  for await (const mention of stream) {
    received.push(mention);
    if (received.length === waiting) break;
  }
  deadline.signal.throwIfAborted();
  expect(received.length === waiting, `read ${received.length} mentions; the simulators hold ${waiting}`);

  // 2. Tag with the rules, classify in batches, file into the inbox.
  const tagged = received.map((mention) => rules.tag(mention));
  const items: InboxItem[] = await classifyMentions(classifier, tagged, { batchSize: 16, signal: deadline.signal });
  for (const item of items) await inbox.ingest(item);
  // The colleague's instance ingests the same stream: nothing is filed twice.
  for (const item of items) expect((await colleague.ingest(item)).duplicate, `${item.id} was filed twice`);

  // 3. The summary.
  console.log(`\n${items.length} mentions in ${(await colleague.conversations()).length} conversations`);
  const row = (cells: Array<string | number>, widths: number[]) =>
    cells.map((cell, index) => String(cell).padEnd(widths[index]!)).join(' ');
  const perNetwork = [['network', 'mentions', 'open', 'positive', 'negative', 'neutral', 'unknown', 'complaints', 'questions']];
  for (const account of accounts) {
    const own = items.filter((item) => item.platform === account.platform);
    const sentiment = (value: string) => own.filter((item) => item.classification!.sentiment === value).length;
    const intent = (value: string) => own.filter((item) => item.classification!.intent === value).length;
    const open = (await inbox.conversations({ state: 'open', platform: account.platform })).length;
    perNetwork.push([
      account.platform,
      String(own.length),
      String(open),
      ...['positive', 'negative', 'neutral', 'unknown'].map((s) => String(sentiment(s))),
      String(intent('complaint')),
      String(intent('question')),
    ]);
  }
  for (const cells of perNetwork) console.log(`  ${row(cells, [9, 9, 5, 9, 9, 8, 8, 11, 9])}`);

  console.log('\n  rule        mentions  negative  complaints');
  for (const rule of ['delivery', 'bug', 'marketing', 'praise', 'influencer']) {
    const matched = items.filter((item) => item.matchedRules!.includes(rule));
    const negative = matched.filter((item) => item.classification!.sentiment === 'negative').length;
    const complaints = matched.filter((item) => item.classification!.intent === 'complaint').length;
    console.log(`  ${row([rule, matched.length, negative, complaints], [11, 9, 9, 10])}`);
  }

  const open = await inbox.conversations({ state: ['open', 'assigned'] });
  console.log(`\nopen conversations (${open.length}), newest first:`);
  for (const conversation of open.slice(0, quiet ? 4 : open.length)) {
    const last = conversation.messages.at(-1)!;
    const verdict = conversation.classification;
    console.log(
      `  ${row([conversation.platform, `@${conversation.participant.handle}`, verdict ? `${verdict.sentiment}/${verdict.intent}` : '-', conversation.tags.join(',') || '-', `${conversation.team}${conversation.assignee ? `/${conversation.assignee}` : ''}`], [9, 26, 20, 20, 16])} ${last.text.slice(0, 50)}`,
    );
  }
  const counts = await inbox.counts();
  console.log(
    `states: ${Object.entries(counts)
      .map(([state, count]) => `${state} ${count}`)
      .join(' · ')}`,
  );

  // Checks on what the rules and the classifier made of the mentions written above.
  const complaint = items.find((item) => item.text === COMPLAINT);
  expect(complaint, 'the complaint was not read from X');
  expect(
    complaint.classification!.sentiment === 'negative' && complaint.classification!.intent === 'complaint',
    `the complaint was classified ${complaint.classification!.sentiment}/${complaint.classification!.intent}`,
  );
  expect(rules.match(complaint).includes('delivery'), 'the complaint should match the delivery rule');
  const giveaway = items.find((item) => item.text.includes('giveaway'));
  expect(giveaway && !rules.match(giveaway).includes('delivery'), 'the giveaway post must not match the delivery rule (AND NOT giveaway)');
  const persian = items.find((item) => item.platform === 'mastodon' && item.text.includes('ابزار'));
  expect(persian && rules.match(persian).includes('marketing'), 'بازاريابي (Arabic ي) should match the rule written with Persian ی');

  // 4. Answer the complaint: assign, note, and reply with the saved reply, personalised.
  const thread = (await inbox.search({ text: 'refund* AND NOT giveaway', tag: 'delivery', platform: 'x' })).find(
    (conversation) => conversation.classification?.intent === 'complaint',
  );
  expect(thread, 'no open delivery complaint on X');
  expect(thread.team === 'care' && thread.routedBy === 'delivery-complaints', `the complaint was routed to ${thread.team}`);
  expect(thread.assignee === 'dana', `the complaint went to ${thread.assignee}, expected dana (first of the care rota)`);
  await inbox.addNote(thread.id, { author: 'dana', text: 'Order 4411 stuck at the carrier; refund approved by finance.' });
  const before = await inbox.sla(thread.id);
  console.log(
    `\nSLA of the complaint: ${before.state}, due ${before.dueAt} (${before.remainingMs! / MINUTE} business minutes left of ${before.targetMs / MINUTE})`,
  );
  try {
    await inbox.renderReply(thread.id, { savedReply: 'late-order' }, { by: 'Dana' });
    throw new Error('a saved reply with an unfilled {{orderId}} was accepted');
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    console.log(`\nsaved reply without its values is refused: ${error.issues.map((issue) => issue.message).join('; ')}`);
  }
  const orderId = /order (\d+)/i.exec(complaint.text)?.[1];
  expect(orderId === '4411', 'the order number should be read from the complaint');

  await clock.advance(12 * MINUTE); // Dana reads it and answers 12 minutes later.
  // Dana and Sam both hit "send", on two machines: one reply goes out, Sam is told.
  const [danaReply, samReply] = await Promise.allSettled([
    inbox.reply(thread.id, { savedReply: 'late-order', values: { orderId } }, { by: 'Dana', signal: deadline.signal }),
    colleague.reply(thread.id, { savedReply: 'late-order', values: { orderId } }, { by: 'Sam', signal: deadline.signal }),
  ]);
  expect(danaReply.status === 'fulfilled', `Dana's reply failed: ${danaReply.status === 'rejected' ? String(danaReply.reason) : ''}`);
  expect(
    samReply.status === 'rejected' && ReplyInProgressError.isInstance(samReply.reason),
    'the second, concurrent reply should be refused with ReplyInProgressError',
  );
  console.log(`Sam replied at the same moment on another instance: ${samReply.reason.message.split(';')[0]}`);
  const answered: Conversation = danaReply.value;
  const reply = answered.messages.at(-1)!;
  expect(reply.direction === 'outbound', 'the last message should be the reply');
  console.log(`replied on X as post ${reply.id}: "${reply.text}"`);

  // The reply exists on X, in reply to the complaint, with the personalised text.
  const onNetwork = xSim.posts().find((post) => post.id === reply.id);
  expect(onNetwork, `X has no post ${reply.id}`);
  expect(onNetwork.replyToId === complaint.id, `the reply answers ${onNetwork.replyToId}, not the complaint ${complaint.id}`);
  expect(
    onNetwork.text === reply.text &&
      reply.text.includes(`Hi ${complaint.author.displayName ?? complaint.author.handle},`) &&
      reply.text.includes('4411') &&
      reply.text.endsWith('— Dana'),
    'the reply on X should be the personalised saved reply',
  );
  console.log(`on X's simulator: post ${onNetwork.id} replies to ${onNetwork.replyToId} (the complaint by @${complaint.author.handle})`);

  const firstResponseMs = Date.parse(answered.firstResponseAt!) - Date.parse(answered.openedAt);
  expect(answered.state === 'waiting', `the conversation is ${answered.state}, expected waiting`);
  expect(firstResponseMs === 12 * MINUTE, `first response after ${firstResponseMs} ms, expected 12 minutes`);
  const times = responseTimes(await inbox.responseTimeInput());
  expect(
    times.allHours.answered === 1 && times.allHours.median === 12 * MINUTE,
    `responseTimes reports ${times.allHours.answered} answered, median ${times.allHours.median} ms`,
  );
  console.log(
    `conversation ${answered.id}: ${answered.state}, assigned to ${answered.assignee}, ${answered.notes.length} note, first response ${firstResponseMs / MINUTE} min after it opened (${answered.openedAt} → ${answered.firstResponseAt})`,
  );
  console.log(
    `response times over the inbox: ${times.allHours.answered} of ${times.allHours.received} answered, median ${times.allHours.median! / MINUTE} min`,
  );
  detail(`history: ${answered.history.map((change) => `${change.from}→${change.to}${change.by ? ` (${change.by})` : ''}`).join(', ')}`);
  detail(`requests served: ${sims.map((sim) => `${sim.platform} ${sim.requests.length}`).join(', ')}`);
} catch (error) {
  console.error(`inbox example failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  clearTimeout(timer);
  for (const store of stores) store.close();
  for (const cleanup of cleanups) cleanup();
  await Promise.all(servers.map((server) => server.close()));
}
