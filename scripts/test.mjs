#!/usr/bin/env node
// The test command (`pnpm test`, called by .ci/run): build, typecheck, unit tests of every
// package, publint + attw, then every example. Stops at the first failing step and ends with
// one summary line, `tests: N passed, N failed`, counting vitest tests and examples.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pnpm = ['npx', ['-y', 'pnpm@10']];
const report = join(root, '.tmp', 'vitest-report.json');
let passed = 0;
let failed = 0;
let skipped = 0;

function step(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`◀ ${label}: ${result.status === 0 ? 'ok' : `failed (${result.status ?? result.signal})`} in ${seconds}s\n`);
  return result.status === 0;
}

function finish(ok) {
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

mkdirSync(join(root, '.tmp'), { recursive: true });
rmSync(report, { force: true });

// System tools some tests need (redis-server, Chromium): installed when missing and possible,
// otherwise those tests say they are skipped (and fail in CI). Idempotent and quick when present.
if (!step('system packages', 'bash', [join(root, 'scripts', 'setup-system.sh')])) {
  failed += 1;
  finish(false);
}
if (!step('build', pnpm[0], [...pnpm[1], 'run', 'build'])) {
  failed += 1;
  finish(false);
}
if (!step('bundles (neutral platform, size budget)', 'node', [join(root, 'scripts', 'check-bundle-size.mjs')])) {
  failed += 1;
  finish(false);
}
if (!step('structure (import doors and cycles)', 'node', [join(root, 'scripts', 'check-structure.mjs')])) {
  failed += 1;
  finish(false);
}
if (!step('doc snippets (cut from the examples the tests run)', 'node', [join(root, 'scripts', 'doc-snippets.mjs')])) {
  failed += 1;
  finish(false);
}
if (!step('format (prettier --check)', pnpm[0], [...pnpm[1], 'run', 'format:check'])) {
  failed += 1;
  finish(false);
}
if (!step('typecheck', pnpm[0], [...pnpm[1], 'run', 'typecheck'])) {
  failed += 1;
  finish(false);
}

const unitOk = step('unit tests (vitest)', join(root, 'node_modules', '.bin', 'vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed += summary.numPassedTests ?? 0;
  failed += summary.numFailedTests ?? 0;
  skipped += (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0);
  if (!unitOk && (summary.numFailedTests ?? 0) === 0) failed += 1; // a suite that failed to load
} else if (!unitOk) {
  failed += 1;
}
if (!unitOk) finish(false);

if (!step('package checks (publint, attw)', pnpm[0], [...pnpm[1], 'run', 'lint:packages'])) {
  failed += 1;
  finish(false);
}

// The API reference builds with no warning (unresolved links, unexported referenced types, globs
// that match nothing): a warning is a hole a reader falls into.
if (
  !step('API docs (typedoc, 0 warnings)', join(root, 'node_modules', '.bin', 'typedoc'), [
    '--treatWarningsAsErrors',
    '--out',
    join(root, '.tmp', 'api-docs'),
  ])
) {
  failed += 1;
  finish(false);
}

const examples = spawnSync('node', [join(root, 'scripts', 'run-examples.mjs')], { cwd: root, encoding: 'utf8', env: process.env });
process.stdout.write(`\n▶ examples\n${examples.stdout}${examples.stderr}`);
const counts = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(examples.stdout);
if (counts) {
  passed += Number(counts[1]);
  failed += Number(counts[2]);
  skipped += Number(counts[3] ?? 0);
}
if (examples.status !== 0) finish(false);

// The release path as a newcomer meets it: tarballs installed with npm in a scratch app outside the
// repository, a strict consumer of every subpath type-checked, a program run against them.
if (step('release (pack, npm install, strict consumer, program)', 'node', [join(root, 'scripts', 'check-release.mjs')])) passed += 1;
else failed += 1;
finish(true);
