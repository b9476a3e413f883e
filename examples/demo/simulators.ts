/**
 * Step 1: the four networks, simulated. Each simulator from @smm/testkit is served from a
 * real HTTP server on 127.0.0.1, and the shipped adapters talk to it exactly as they would
 * talk to X, Bluesky and Mastodon — only the base URL and the credentials differ. No
 * account, no key, no network beyond loopback.
 */
import { createBlueskyAdapter } from '@smm/adapter-bluesky';
import { createLinkedInAdapter } from '@smm/adapter-linkedin';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createXAdapter } from '@smm/adapter-x';
import { createClient, type SmmClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import type { Account } from '@smm/core/model';
import { createBlueskySimulator } from '@smm/testkit/bluesky';
import { createLinkedInSimulator } from '@smm/testkit/linkedin';
import { createMastodonSimulator } from '@smm/testkit/mastodon';
import type { NetworkSimulator } from '@smm/testkit/simulator';
import { createXSimulator } from '@smm/testkit/x';

/** The brand every account belongs to (its approval policy is set per brand). */
export const BRAND = 'acme';

/** One simulated network: its simulator, where it is served, and the brand's account on it. */
export interface Network {
  name: 'X' | 'Bluesky' | 'Mastodon' | 'LinkedIn';
  platform: 'x' | 'bluesky' | 'mastodon' | 'linkedin';
  sim: NetworkSimulator;
  url: string;
  account: Account;
  /** `platform:id`, how the client and the calendar name the account. */
  key: string;
}

export interface Networks {
  list: Network[];
  byPlatform: Record<Network['platform'], Network>;
  client: SmmClient;
  /** How often an adapter renewed credentials (X and Bluesky tokens live 2 simulated hours). */
  credentialRenewals: Record<string, number>;
  close(): Promise<void>;
}

// The X account posts for New York, the Bluesky and Mastodon accounts for Berlin.
const ZONES = { x: 'America/New_York', bluesky: 'Europe/Berlin', mastodon: 'Europe/Berlin', linkedin: 'Europe/Berlin' } as const;

// Loopback only: a request anywhere else would be a bug in the demo, never a reason to go online.
export const loopbackOnly: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1') return Promise.reject(new Error(`the demo talks to 127.0.0.1 only; it refused ${url.origin}`));
  return fetch(input, init);
};

export async function startNetworks(clock: Clock): Promise<Networks> {
  // A mention every 4 simulated hours (plus replies to every post we publish), a small backlog.
  const common = { clock, seed: 'smm-demo', mentionBacklog: 3, mentionEveryMs: 4 * 3_600_000 };
  const sims = {
    x: createXSimulator({ ...common, account: { handle: 'acme' } }),
    bluesky: createBlueskySimulator({ ...common, account: { handle: 'acme.bsky.social' } }),
    // On the ×30,240 clock a retry one real second later is 8 simulated hours later: the instance
    // remembers Idempotency-Keys for a simulated week, as it would remember them for the seconds a
    // real retry takes.
    mastodon: createMastodonSimulator({ ...common, account: { username: 'acme' }, idempotencyKeyTtlMs: 7 * 86_400_000 }),
    // LinkedIn, posting as the organisation; comments on its posts are its mentions.
    linkedin: createLinkedInSimulator({ clock, seed: 'smm-demo', seedPosts: 0 }),
  };
  const servers = await Promise.all(Object.values(sims).map((sim) => sim.listen({ host: '127.0.0.1', port: 0 })));
  const [x, bluesky, mastodon, linkedin] = servers as [(typeof servers)[0], (typeof servers)[0], (typeof servers)[0], (typeof servers)[0]];

  const network = (name: Network['name'], platform: Network['platform'], url: string): Network => {
    const sim = sims[platform];
    const account: Account = { platform, id: sim.account.id, handle: sim.account.handle, timeZone: ZONES[platform], brand: BRAND };
    return { name, platform, sim, url, account, key: `${platform}:${sim.account.id}` };
  };
  const list = [
    network('X', 'x', x.url),
    network('Bluesky', 'bluesky', bluesky.url),
    network('Mastodon', 'mastodon', mastodon.url),
    network('LinkedIn', 'linkedin', linkedin.url),
  ];
  const credentialRenewals: Record<string, number> = {};
  const client = createClient({
    // The shipped adapters, pointed at the simulators instead of api.x.com, bsky.social and a Mastodon instance.
    adapters: [
      createXAdapter({ baseUrl: x.url, clientId: sims.x.credentials.clientId, fetch: loopbackOnly }),
      createBlueskyAdapter({ baseUrl: bluesky.url, fetch: loopbackOnly }),
      createMastodonAdapter({ baseUrl: mastodon.url, fetch: loopbackOnly }),
      createLinkedInAdapter({ baseUrl: linkedin.url, fetch: loopbackOnly }),
    ],
    accounts: list.map((entry) => entry.account),
    credentials: Object.fromEntries(list.map((entry) => [entry.key, entry.sim.credentials])),
    // X rotates its refresh token and Bluesky its session on every renewal: a real app stores them here.
    onCredentialsChange: (account) => {
      credentialRenewals[account.platform] = (credentialRenewals[account.platform] ?? 0) + 1;
    },
    clock,
    fetch: loopbackOnly,
  });
  return {
    list,
    byPlatform: { x: list[0]!, bluesky: list[1]!, mastodon: list[2]!, linkedin: list[3]! },
    client,
    credentialRenewals,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}
