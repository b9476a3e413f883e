#!/usr/bin/env node
// Runs the benchmarks under bench/ (all, or those named: `pnpm bench http text`). Each prints
// ratios against a baseline measured in the same process; none is a timed test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const files = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.bench\.ts$/, '')))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n=== bench/${file}\n`);
  const result = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['--expose-gc', join('bench', file)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
