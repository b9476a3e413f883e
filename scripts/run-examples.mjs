#!/usr/bin/env node
// Runs every example listed in examples/examples.json against the built packages, one at a
// time, each bounded in time, so the examples cannot rot. Exits non-zero if any fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const examples = JSON.parse(readFileSync(join(root, 'examples', 'examples.json'), 'utf8'));
const only = process.argv.slice(2);
let failed = 0;
let passed = 0;
let skipped = 0;

for (const example of examples) {
  if (only.length && !only.includes(example.name)) continue;
  if (example.requires === 'redis-server' && spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    if (process.env.CI === 'true') {
      process.stdout.write(`✗ ${example.name}: needs redis-server, which CI must install\n`);
      failed += 1;
    } else {
      process.stdout.write(`- ${example.name}: skipped (redis-server is not installed)\n`);
      skipped += 1;
    }
    continue;
  }
  const started = Date.now();
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [example.entry, ...(example.args ?? [])], {
    cwd: join(root, 'examples'),
    encoding: 'utf8',
    timeout: (example.timeoutSeconds ?? 120) * 1000,
    env: { ...process.env, SMM_EXAMPLE_QUIET: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    passed += 1;
    process.stdout.write(`✓ ${example.name} (${seconds}s)\n`);
  } else {
    failed += 1;
    process.stdout.write(
      `✗ ${example.name} exited ${result.status ?? result.signal} after ${seconds}s\n${result.stdout}\n${result.stderr}\n`,
    );
  }
}
process.stdout.write(`examples: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed ? 1 : 0);
