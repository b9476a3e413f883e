/**
 * Step 7: listening. `listen` merges every account's mentions — people mentioning the brand,
 * and replies to the posts the week published — into one deduplicated stream; the lexicon
 * classifier tags each with an intent; the inbox files them into conversations, and one
 * question gets an answer, published through the adapter as a reply on its network.
 */
import type { Mention } from '@smm/core/model';
import { createInbox, createLexiconClassifier, listen, replySenderFromClient, type Inbox } from '@smm/core/listening';
import type { DemoClock } from './demo-clock.js';
import { DemoExpectationError, detail, expect, preview, say } from './narrate.js';
import type { Networks } from './simulators.js';

export interface ListeningResult {
  heard: Mention[];
  inbox: Inbox;
  /** The mention answered and where the answer went. */
  answered: { mention: Mention; replyId: string; platform: string };
}

export async function listenAndAnswer(
  networks: Networks,
  clock: DemoClock,
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

  // Classify, file into the inbox, answer one question.
  const classifier = createLexiconClassifier();
  const verdicts = await classifier.classify(heard);
  const inbox = createInbox({
    accounts,
    sender: replySenderFromClient(networks.client),
    clock,
    savedReplies: { 'still-on': 'Hi {{author.name}}, yes, it is still on! The whole story, with the numbers: {{link}} — {{agent}}' },
  });
  heard.forEach((mention, index) => inbox.ingest({ ...mention, classification: verdicts[index]! }));
  const intents = new Map<string, number>();
  for (const verdict of verdicts) intents.set(verdict.intent, (intents.get(verdict.intent) ?? 0) + 1);
  say(
    `Classified: ${[...intents].map(([intent, count]) => `${count} ${intent}`).join(', ')}; the inbox holds ${inbox.conversations().length} conversations.`,
  );

  const question =
    heard.find((mention, index) => verdicts[index]!.intent === 'question' && mention.kind === 'reply') ??
    heard.find((_, index) => verdicts[index]!.intent === 'question');
  expect(question, 'no question was heard to answer');
  const conversation = inbox
    .conversations()
    .find((candidate) => candidate.messages.some((message) => message.direction === 'inbound' && message.item.id === question.id));
  expect(conversation, `the question ${question.id} is not in any inbox conversation`);
  say(
    `Question from @${question.author.handle} on ${question.platform}${question.inReplyToId && ownPosts.has(question.inReplyToId) ? ' (a reply to our post)' : ''}: "${preview(question.text, 60)}"`,
  );
  const answeredConversation = await inbox.reply(
    conversation.id,
    { savedReply: 'still-on', values: { link: articleUrl } },
    { by: 'Lena', inReplyToId: question.id },
  );
  const answer = answeredConversation.messages.at(-1)!;
  expect(answer.direction === 'outbound', 'the inbox did not record the answer');
  const network = networks.list.find((candidate) => candidate.platform === question.platform)!;
  const reply = network.sim.posts().find((post) => post.replyToId === question.id && !post.deleted);
  expect(reply, `${network.name} holds no reply to ${question.id}`);
  say(`Lena answers with a saved reply → published on ${network.name} as ${reply.id}, in reply to ${question.id}:`);
  say(`  "${preview(reply.text, 110)}"`);
  detail(`conversation ${conversation.id} is now ${answeredConversation.state}`);
  return { heard, inbox, answered: { mention: question, replyId: reply.id, platform: question.platform } };
}
