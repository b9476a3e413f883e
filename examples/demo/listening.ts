/**
 * Step 7: listening, and the inbox worked. `listen` merges every account's mentions — people
 * mentioning the brand, and replies to the posts the week published — into one deduplicated
 * stream; the lexicon classifier tags each with an intent; the shared inbox (its conversations
 * in the demo's SQLite file, beside the scheduler's entries) routes each new conversation to a
 * team and an agent, and the week of inbox work is replayed in order: in business hours the
 * agents answer most complaints and questions (and thank some fans) through the adapters,
 * mark what needs no answer as done, and resolve what they answered.
 */
import type { Mention } from '@smm/core/model';
import type { Clock } from '@smm/core/clock';
import type { BusinessHours } from '@smm/core/analytics';
import {
  businessDueAt,
  createLexiconClassifier,
  createSharedInbox,
  listen,
  replySenderFromClient,
  type Classification,
  type InboxStore,
  type RoutingRule,
  type SharedInbox,
} from '@smm/core/listening';
import type { DemoClock } from './demo-clock.js';
import { DemoExpectationError, detail, expect, preview, say } from './narrate.js';
import type { Networks } from './simulators.js';

export interface ListeningResult {
  heard: Mention[];
  inbox: SharedInbox;
  /** How many heard mentions were answered, by platform. */
  answeredByPlatform: Map<string, number>;
  /** The mention answered and where the answer went. */
  answered: { mention: Mention; replyId: string; platform: string };
}

export async function listenAndAnswer(
  networks: Networks,
  clock: DemoClock,
  store: InboxStore,
  since: string,
  articleUrl: string,
  wallTimeoutMs: number,
): Promise<ListeningResult> {
  const accounts = networks.list.map((network) => network.account);
  const stream = listen({ source: networks.client, accounts, since, pollEvery: 15 * 60_000, clock });
  // A listener runs for ever; the demo stops once each account's first poll has been delivered.
  const firstPoll = new Map<string, number>();
  const delivered = new Map<string, number>();
  const errors: string[] = [];
  const caughtUp = () =>
    networks.list.every((network) => firstPoll.has(network.key) && (delivered.get(network.key) ?? 0) >= firstPoll.get(network.key)!);
  stream.on('poll', ({ account, fresh }) => {
    if (!firstPoll.has(account)) firstPoll.set(account, fresh);
    if (caughtUp()) stream.stop();
  });
  stream.on('error', ({ account, error }) => errors.push(`${account}: ${error instanceof Error ? error.message : String(error)}`));
  const watchdog = setTimeout(() => stream.stop(), wallTimeoutMs);
  const heard: Mention[] = [];
  try {
    for await (const mention of stream) {
      heard.push(mention);
      const key = `${mention.platform}:${mention.accountId}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
      if (caughtUp()) stream.stop();
    }
  } finally {
    clearTimeout(watchdog);
  }
  if (!caughtUp())
    throw new DemoExpectationError(
      `listening did not catch up within ${wallTimeoutMs / 1000} s${errors.length ? `: ${errors.join('; ')}` : ''}`,
    );

  const ownPosts = new Set(networks.list.flatMap((network) => network.sim.posts().map((post) => post.id)));
  for (const network of networks.list) {
    const own = heard.filter((mention) => mention.platform === network.platform);
    const replies = own.filter((mention) => mention.kind === 'reply').length;
    expect(own.length > 0, `no mention was heard on ${network.name}`);
    say(
      `${network.name.padEnd(9)} ${String(own.length).padStart(3)} heard since ${since.slice(0, 10)}: ${replies} replies to our posts, ${own.length - replies} other mentions`,
    );
  }
  expect(
    new Set(heard.map((mention) => `${mention.platform}:${mention.id}`)).size === heard.length,
    'the stream delivered a mention twice',
  );

  // Classify, route into the shared inbox and work it.
  const classifier = createLexiconClassifier();
  const verdicts = await classifier.classify(heard);
  const intents = new Map<string, number>();
  for (const verdict of verdicts) intents.set(verdict.intent, (intents.get(verdict.intent) ?? 0) + 1);
  say(`Classified: ${[...intents].map(([intent, count]) => `${count} ${intent}`).join(', ')}.`);

  // The inbox stamps replies and resolutions with the shift's clock: the replay below sets it
  // to each moment an agent acts, so response times are those of a team working the week.
  let shiftNow = Date.parse(since);
  const shiftClock: Clock = { now: () => shiftNow, sleep: (ms, signal) => clock.sleep(ms, signal) };
  const inbox = createSharedInbox({
    accounts,
    store,
    sender: replySenderFromClient(networks.client),
    clock: shiftClock,
    routing: ROUTING,
    sla: { businessHours: HOURS, firstResponseMs: 2 * HOUR, teams: { care: { firstResponseMs: HOUR } } },
    savedReplies: SAVED_REPLIES,
  });

  // What each agent does with each item: deterministic (a hash of its id), in business time.
  type Plan = { at: number; item: Mention; verdict: Classification; action: 'answer' | 'complete' };
  const plans: Plan[] = heard.map((item, index) => {
    const verdict = verdicts[index]!;
    const roll = hash(item.id);
    const answer =
      verdict.intent === 'complaint' || verdict.intent === 'question'
        ? roll % 20 !== 0
        : verdict.intent === 'praise'
          ? roll % 5 < 3
          : false;
    const [min, max] = DELAY[verdict.intent] ?? [30, 240];
    const delay = (min + (roll % (max - min + 1))) * 60_000;
    const at = businessDueAt(Date.parse(item.createdAt), delay, HOURS) ?? Number.POSITIVE_INFINITY;
    return { at, item, verdict, action: answer ? 'answer' : 'complete' };
  });
  const events = [
    ...heard.map((item, index) => ({ at: Date.parse(item.createdAt), order: 0, run: () => ingest(item, verdicts[index]!) })),
    ...plans.map((plan) => ({ at: plan.at, order: 1, run: () => work(plan) })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);

  const ingest = async (item: Mention, classification: Classification) => {
    await inbox.ingest({ ...item, classification });
  };
  const answeredByPlatform = new Map<string, number>();
  let question: { mention: Mention; replyId: string; platform: string } | undefined;
  const failures: string[] = [];
  const work = async (plan: Plan) => {
    const id = await store.findMessage(plan.item.platform, plan.item.id);
    const conversation = id === undefined ? undefined : await inbox.get(id);
    if (conversation === undefined) return;
    const agent = conversation.assignee ?? 'Mia';
    const message = conversation.messages.find((candidate) => candidate.direction === 'inbound' && candidate.id === plan.item.id);
    if (message?.direction !== 'inbound' || message.respondedAt !== null) return; // a reply in the thread already answered it
    if (plan.action === 'complete') {
      await inbox.complete(conversation.id, plan.item.id, { by: agent });
      return;
    }
    if (conversation.state === 'resolved') await inbox.reopen(conversation.id, { by: agent });
    const values: Record<string, string> = plan.verdict.intent === 'question' ? { link: articleUrl } : {};
    const savedReply = plan.verdict.intent === 'question' && question === undefined ? 'still-on' : plan.verdict.intent;
    try {
      const answered = await inbox.reply(conversation.id, { savedReply, values }, { by: agent, inReplyToId: plan.item.id });
      const sent = answered.messages.at(-1)!;
      answeredByPlatform.set(plan.item.platform, (answeredByPlatform.get(plan.item.platform) ?? 0) + 1);
      if (plan.verdict.intent === 'question' && question === undefined) {
        question = { mention: plan.item, replyId: sent.id, platform: plan.item.platform };
      }
      // Complaints stay open until the customer confirms; the rest are done once answered.
      if (plan.verdict.intent !== 'complaint') await inbox.resolve(conversation.id, { by: agent });
    } catch (error) {
      // The network refused (the post is gone, or cannot take replies): the agent notes why and
      // marks the item done, as a person would; it does not count as answered.
      const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
      failures.push(`${plan.item.platform} ${plan.item.id}: ${reason}`);
      await inbox.addNote(conversation.id, { author: agent, text: `Could not reply: ${reason}` });
      await inbox.complete(conversation.id, plan.item.id, { by: agent });
    }
  };
  // Only what has happened by now: the rest is tomorrow's work, left in the inbox.
  const now = clock.now();
  for (const event of events) {
    if (event.at > now) continue;
    shiftNow = Math.max(shiftNow, event.at);
    await event.run();
  }
  shiftNow = now;

  const conversations = await inbox.conversations();
  const counts = await inbox.counts();
  const teams = new Map<string, number>();
  for (const conversation of conversations) teams.set(conversation.team ?? '-', (teams.get(conversation.team ?? '-') ?? 0) + 1);
  say(
    `The inbox (in the demo's SQLite file) holds ${conversations.length} conversations, routed: ${[...teams].map(([team, count]) => `${team} ${count}`).join(', ')}.`,
  );
  const answered = [...answeredByPlatform.values()].reduce((sum, count) => sum + count, 0);
  const completed = conversations.flatMap((c) => c.messages).filter((m) => m.direction === 'inbound' && m.completedAt !== undefined).length;
  say(
    `Agents answered ${answered} mentions through the adapters (${failures.length} more could not take a reply — noted) and marked ${completed} done without an answer; states now: ${Object.entries(
      counts,
    )
      .map(([state, count]) => `${state} ${count}`)
      .join(', ')}.`,
  );
  const perAgent = new Map<string, number>();
  for (const conversation of conversations) {
    for (const message of conversation.messages)
      if (message.direction === 'outbound' && message.by) perAgent.set(message.by, (perAgent.get(message.by) ?? 0) + 1);
  }
  say(
    `Replies by agent: ${[...perAgent]
      .sort((a, b) => b[1] - a[1])
      .map(([agent, count]) => `${agent} ${count}`)
      .join(', ')}.`,
  );
  const late = await inbox.slaBreaches();
  say(`SLA (first answer within 2 business hours, 1 h for care): ${late.length} conversations breached or at risk at the end of the week.`);

  expect(question, 'no question was answered');
  const network = networks.list.find((candidate) => candidate.platform === question!.platform)!;
  const reply = network.sim.posts().find((post) => post.replyToId === question!.mention.id && !post.deleted);
  expect(reply, `${network.name} holds no reply to ${question.mention.id}`);
  say(
    `First question answered, from @${question.mention.author.handle} on ${question.platform}${question.mention.inReplyToId && ownPosts.has(question.mention.inReplyToId) ? ' (a reply to our post)' : ''}: "${preview(question.mention.text, 60)}"`,
  );
  say(`  → published on ${network.name} as ${reply.id}: "${preview(reply.text, 100)}"`);
  return { heard, inbox, answeredByPlatform, answered: question };
}

const HOUR = 3_600_000;
/** The team's hours (Berlin): weekdays 09:00–18:00, a weekend shift 10:00–14:00. */
const HOURS: BusinessHours = {
  timeZone: 'Europe/Berlin',
  weekly: {
    1: [{ start: '09:00', end: '18:00' }],
    2: [{ start: '09:00', end: '18:00' }],
    3: [{ start: '09:00', end: '18:00' }],
    4: [{ start: '09:00', end: '18:00' }],
    5: [{ start: '09:00', end: '18:00' }],
    6: [{ start: '10:00', end: '14:00' }],
    7: [{ start: '10:00', end: '14:00' }],
  },
};
/** Triage: first match wins. */
const ROUTING: RoutingRule[] = [
  { id: 'complaints', intents: ['complaint'], team: 'care', assignees: ['Dana', 'Sam'] },
  { id: 'questions', intents: ['question'], team: 'support', assignees: ['Lena', 'Ion'] },
  { id: 'everything-else', team: 'community', assignees: ['Mia'] },
];
/** How long an agent takes, in business minutes, by intent: [min, max]. */
const DELAY: Record<string, [number, number]> = { complaint: [10, 50], question: [15, 90], praise: [30, 180] };
const SAVED_REPLIES = {
  'still-on': 'Hi {{author.name}}, yes, it is still on! The whole story, with the numbers: {{link}} — {{agent}}',
  question: 'Good question, {{author.name}}! The article has the details: {{link}} — {{agent}}',
  complaint: 'Sorry about that, {{author.name}}. We are on it; DM us the details and we will sort it out today. — {{agent}}',
  praise: 'Thank you, {{author.name}}! That made our day. — {{agent}}',
};

function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.codePointAt(0)!, 16777619) >>> 0;
  return value;
}
