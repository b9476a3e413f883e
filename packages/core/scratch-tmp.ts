import { createClient } from '../../work/wt/newcomer/packages/core/src/client/index.js';
import { parsePostDraft } from '../../work/wt/newcomer/packages/core/src/model/index.js';
import { createMastodonAdapter } from '../../work/wt/newcomer/packages/adapter-mastodon/src/index.js';
const ad = createMastodonAdapter({ baseUrl: 'https://mastodon.social' });
function t(label: string, f: () => unknown) { try { f(); console.log(label, 'NO ERROR'); } catch (e: any) { console.log('---', label, e.name); console.log(e.message); } }
t('adapter', () => createClient({ adapter: [ad], accounts: [{ platform: 'mastodon', id: '1', handle: 'a' }], credentials: {} } as any));
t('adapters+typo', () => createClient({ adapters: [ad], accounts: [{ platform: 'mastodon', id: '1', handle: 'a' }], credential: {} } as any));
t('body', () => parsePostDraft({ body: 'hi' }));
t('body+text', () => parsePostDraft({ body: 'hi', text: 'x', tetx: 1 }));
t('mastodon', () => createMastodonAdapter(undefined as any));
t('mastodon base_url', () => createMastodonAdapter({ base_url: 'https://x.y' } as any));
t('mastodon instance', () => createMastodonAdapter({ instance: 'https://x.y' } as any));
