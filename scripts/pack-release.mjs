#!/usr/bin/env node
// Writes an installable tarball of every package to out/release/ (`pnpm run release:pack`):
// `pnpm pack` turns each `workspace:*` dependency into the version it points at, so the
// tarballs install with plain npm, offline from the registry's point of view for smm itself.
// Version first with changesets (`pnpm changeset version`), then build, then pack.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const destination = join(root, 'out', 'release');
rmSync(destination, { recursive: true, force: true });
mkdirSync(destination, { recursive: true });
for (const name of readdirSync(join(root, 'packages'))) {
  const dir = join(root, 'packages', name);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  const result = spawnSync('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', destination], { cwd: dir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log(`\nTarballs in ${destination}:`);
for (const file of readdirSync(destination)) console.log(`  ${file}`);
console.log(`\nIn your app: npm install ${destination}/smm-core-*.tgz ${destination}/smm-adapter-mastodon-*.tgz …`);
