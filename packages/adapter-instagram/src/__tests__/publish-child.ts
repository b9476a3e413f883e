// A child process for the SIGKILL test: publishes an image to the Instagram simulator at argv[2]
// (its bytes put on a stub public media host, as an app's bucket would), prints the pending
// publish (what a scheduler stores) as soon as the container exists, and a line per status poll,
// then keeps polling — until the parent kills it.
import { createClient } from '@smm/core/client';
import { pngFile, toBase64 } from '@smm/testkit/media-files';
import { createInstagramAdapter } from '../index.js';

const [url, accountId, credentials] = process.argv.slice(2) as [string, string, string];
const client = createClient({
  adapters: [createInstagramAdapter({ baseUrl: url, mediaHost: { urlFor: async () => ({ url: 'https://cdn.example.com/kill.png' }) } })],
  accounts: [{ platform: 'instagram', id: accountId, handle: 'smm_studio' }],
  credentials: { [`instagram:${accountId}`]: JSON.parse(credentials) as unknown },
});
client.on('publish-pending', ({ pending }) => console.log(`PENDING ${JSON.stringify(pending)}`));
client.on('publish-progress', ({ polls }) => console.log(`POLL ${polls}`));
await client.publish(`instagram:${accountId}`, {
  text: 'survives SIGKILL',
  media: [{ kind: 'image', mimeType: 'image/png', source: { type: 'bytes', base64: toBase64(pngFile(1080, 1080)) } }],
});
console.log('PUBLISHED');
