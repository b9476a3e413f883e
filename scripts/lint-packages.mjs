#!/usr/bin/env node
// Checks every publishable package as a consumer would get it: publint (package.json and
// files), @arethetypeswrong/cli on the packed tarball (types resolve for ESM and CJS), and
// for @smm/core that the `exports` map lists exactly the folders tsup builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;

function run(label, command, args, cwd) {
  process.stdout.write(`• ${label}\n`);
  try {
    const out = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (out.trim())
      process.stdout.write(
        `${out
          .trim()
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n')}\n`,
      );
  } catch (error) {
    failed += 1;
    process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}\n  ✗ ${label} failed\n`);
  }
}

for (const name of readdirSync(packagesDir).sort()) {
  const dir = join(packagesDir, name);
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;

  if (existsSync(join(dir, 'src'))) {
    const modules = readdirSync(join(dir, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, 'src', entry.name, 'index.ts')))
      .map((entry) => `./${entry.name}`);
    const exported = Object.keys(manifest.exports ?? {}).filter((key) => key !== '.' && key !== './package.json');
    const missing = modules.filter((m) => !exported.includes(m));
    const stale = exported.filter((m) => !modules.includes(m));
    if (missing.length || stale.length) {
      failed += 1;
      process.stdout.write(
        `  ✗ ${manifest.name}: exports map out of step with src/ — missing ${missing.join(', ') || 'none'}; no module for ${stale.join(', ') || 'none'}\n`,
      );
    }
  }
  run(`publint ${manifest.name}`, bin('publint'), ['--strict', '--pack', 'npm', dir], root);
  // node16 profile: subpath exports need a resolver that reads `exports` (node10 cannot).
  run(`attw ${manifest.name}`, bin('attw'), ['--pack', dir, '--profile', 'node16', '--format', 'table-flipped'], root);
}

if (failed) {
  process.stdout.write(`\nlint:packages: ${failed} check(s) failed\n`);
  process.exit(1);
}
process.stdout.write('\nlint:packages: every package passes publint and attw\n');
