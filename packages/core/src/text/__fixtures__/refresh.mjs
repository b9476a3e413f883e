// Refreshes the vendored twitter-text conformance files from a local clone of twitter/twitter-text.
// Run: node packages/core/src/text/__fixtures__/refresh.mjs <path-to-twitter-text-clone> [commit]
// (commit defaults to HEAD). Writes twitter-text-{validate,extract,tlds}.yml, twitter-text-LICENSE
// and SOURCE.md (the commit they came from); review the diff and run the text tests after.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [clone, ref = 'HEAD'] = process.argv.slice(2);
if (!clone) {
  console.error('usage: node refresh.mjs <path-to-twitter-text-clone> [commit]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const git = (...args) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const commit = git('rev-parse', `${ref}^{commit}`).trim();
const date = git('show', '-s', '--format=%cI', commit).trim();
for (const name of ['validate.yml', 'extract.yml', 'tlds.yml', 'LICENSE']) {
  const target = name === 'LICENSE' ? 'twitter-text-LICENSE' : `twitter-text-${name}`;
  writeFileSync(join(here, target), git('show', `${commit}:conformance/${name}`));
  console.log(`wrote ${target}`);
}
writeFileSync(
  join(here, 'SOURCE.md'),
  `# Vendored test fixtures

| file | source |
| --- | --- |
| \`twitter-text-validate.yml\`, \`twitter-text-extract.yml\`, \`twitter-text-tlds.yml\` | \`conformance/\` of [twitter/twitter-text](https://github.com/twitter/twitter-text), commit \`${commit}\` (${date}) |
| \`twitter-text-LICENSE\` | \`conformance/LICENSE\`, same commit |

Licence: Apache License 2.0, Copyright Twitter, Inc. (see \`twitter-text-LICENSE\`). The files are unchanged
copies, used only as test data by \`../x-conformance.test.ts\`; nothing here ships in the package.

Refresh: \`node packages/core/src/text/__fixtures__/refresh.mjs <path-to-twitter-text-clone> [commit]\`.
`,
);
console.log(`SOURCE.md: ${commit}`);
