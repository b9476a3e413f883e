#!/usr/bin/env node
// Every public subpath of @smm/core bundles for a neutral platform (browsers, workers, edge
// runtimes: no Node built-ins, no `main`-only packages) and stays within its size budget.
//
// Each subpath's built ESM file is bundled with esbuild (`platform: 'neutral'`, minified), zod left
// out because it is a peer dependency (the app's own copy), and the gzip size compared with
// `packages/core/bundle-budget.json`. A subpath missing from the budget is an error, so a new
// subpath gets a budget when it is added. A subpath that needs Node on purpose is listed under
// `"node"` in the budget with the reason, and bundled for Node instead.
//
//   node scripts/check-bundle-size.mjs           check (run by the test command; needs a build)
//   node scripts/check-bundle-size.mjs --table   also print the Markdown table for the README
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const core = join(root, 'packages', 'core');
const manifest = JSON.parse(readFileSync(join(core, 'package.json'), 'utf8'));
const budget = JSON.parse(readFileSync(join(core, 'bundle-budget.json'), 'utf8'));
const external = Object.keys(manifest.peerDependencies ?? {});

const subpaths = Object.keys(manifest.exports).filter((key) => key !== './package.json');
const problems = [];
const rows = [];
for (const subpath of subpaths) {
  const name = subpath === '.' ? '@smm/core' : `@smm/core/${subpath.slice(2)}`;
  const limit = budget.gzipBytes[subpath];
  if (limit === undefined) {
    problems.push(`${name}: no budget in packages/core/bundle-budget.json (add "${subpath}": <gzip bytes>)`);
    continue;
  }
  const nodeReason = budget.node?.[subpath];
  const entry = join(core, manifest.exports[subpath].import.default);
  let bytes;
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      platform: nodeReason ? 'node' : 'neutral',
      external,
      logLevel: 'silent',
    });
    bytes = result.outputFiles[0].contents;
  } catch (error) {
    const first = error.errors?.[0];
    problems.push(
      `${name} does not bundle for a ${nodeReason ? 'Node' : 'neutral'} platform: ${first ? `${first.text} (${first.location?.file}:${first.location?.line})` : error.message}`,
    );
    continue;
  }
  const gzip = gzipSync(bytes).length;
  rows.push({ name, platform: nodeReason ? 'node' : 'neutral', minified: bytes.length, gzip, limit });
  if (gzip > limit) problems.push(`${name}: ${gzip} gzip bytes is over its budget of ${limit}`);
}
for (const subpath of Object.keys(budget.gzipBytes))
  if (!subpaths.includes(subpath)) problems.push(`bundle-budget.json lists "${subpath}", which is not an export of @smm/core`);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const row of rows)
  console.log(
    `${row.name.padEnd(28)} ${row.platform.padEnd(8)} ${kb(row.minified).padStart(9)} min  ${kb(row.gzip).padStart(8)} gzip  (budget ${kb(row.limit)})`,
  );
if (process.argv.includes('--table')) {
  console.log('\n| Import | Platform | Minified | Gzip | Budget (gzip) |\n| --- | --- | ---: | ---: | ---: |');
  for (const row of rows) console.log(`| \`${row.name}\` | ${row.platform} | ${kb(row.minified)} | ${kb(row.gzip)} | ${kb(row.limit)} |`);
}
if (problems.length > 0) {
  console.error(`\n${problems.length} bundle problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\n${rows.length} subpaths bundle within budget (zod excluded: it is a peer dependency).`);
