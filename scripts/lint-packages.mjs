#!/usr/bin/env node
// Checks every publishable package as a consumer would get it: publint (package.json and
// files), @arethetypeswrong/cli on the packed tarball (types resolve for ESM and CJS), and
// for @smm/core that the `exports` map lists exactly the folders tsup builds, and that every
// adapter package follows the layout in docs/writing-an-adapter.md ("Package layout").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packagesDir = join(root, 'packages');
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;

const REQUIRED_ADAPTER_FILES = [
  'index.ts',
  'version.ts',
  'version.test.ts',
  'settings.ts',
  'capabilities.ts',
  'credentials.ts',
  'network-options.ts',
  'rate-limits.ts',
  'error-mapping.ts',
  'conformance.test.ts',
  'internal/index.ts',
];
const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * The adapter layout (docs/writing-an-adapter.md, "Package layout"), as a list of problems:
 * required files; `create-<network>-adapter.ts`; each `do*` operation the adapter defines in its
 * own `do-<operation>.ts` exporting it; no test file named after nothing; `index.ts` exporting
 * only `create<Network>Adapter`, settings/options/credentials types and `VERSION`; `VERSION`
 * equal to package.json; core imported only through `@smm/core/adapter-kit` (tests may also use
 * `@smm/core/client`).
 */
export function adapterLayoutProblems(dir, manifest) {
  const network = manifest.name.replace(/^@[^/]+\//, '').replace(/^(smm-)?adapter-/, '');
  // Brands spelled with inner capitals keep them (createTikTokAdapter).
  const BRANDS = { tiktok: 'TikTok', linkedin: 'LinkedIn', youtube: 'YouTube' };
  const Network = BRANDS[network] ?? network.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
  const src = join(dir, 'src');
  const problems = [];
  const say = (message) => problems.push(`${manifest.name}: ${message}`);
  for (const file of REQUIRED_ADAPTER_FILES) if (!existsSync(join(src, file))) say(`missing src/${file}`);
  const factory = join(src, `create-${network}-adapter.ts`);
  if (!existsSync(factory)) {
    say(`missing src/create-${network}-adapter.ts (the defineAdapter call, one line per do* operation)`);
    return problems;
  }
  const files = readdirSync(src).filter((file) => file.endsWith('.ts'));
  const operations = [...readFileSync(factory, 'utf8').matchAll(/^\s+(do[A-Z]\w*)\s*[:(]/gm)].map((match) => match[1]);
  if (operations.length === 0) say(`src/create-${network}-adapter.ts defines no do* operation`);
  for (const operation of new Set(operations)) {
    const file = `${kebab(operation)}.ts`;
    if (!existsSync(join(src, file))) {
      say(`${operation} must live in src/${file} (one file per operation, named after it)`);
      continue;
    }
    if (!new RegExp(`export (async )?function ${operation}\\b`).test(readFileSync(join(src, file), 'utf8'))) {
      say(`src/${file} must export function ${operation}`);
    }
  }
  for (const file of files.filter((name) => /^do-/.test(name) && !name.endsWith('.test.ts'))) {
    const operation = file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    if (!operations.includes(operation))
      say(`src/${file} is named like an operation, but create-${network}-adapter.ts defines no ${operation}`);
  }
  for (const test of files.filter((name) => name.endsWith('.test.ts') && name !== 'conformance.test.ts')) {
    const source = test.replace(/\.test\.ts$/, '.ts');
    if (!files.includes(source))
      say(`src/${test} tests no src/${source}: name a test after the file it tests (operations: do-<operation>.test.ts)`);
  }
  if (existsSync(join(src, 'index.ts'))) {
    const allowed = new RegExp(
      `^(create${Network}Adapter|${Network}Adapter|${Network}(AdapterSettings|Options|Credentials)(Schema|Input)?|VERSION)$`,
    );
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    const exported = [...index.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((match) =>
      match[1]
        .split(',')
        .map((name) =>
          name
            .replace(/\btype\b/, '')
            .split(' as ')
            .pop()
            .trim(),
        )
        .filter(Boolean),
    );
    if (/export \*/.test(index)) say('src/index.ts must name its exports (no export *)');
    for (const name of exported.filter((name) => !allowed.test(name))) {
      say(
        `src/index.ts exports ${name}: the public door holds create${Network}Adapter, settings/options/credentials types and VERSION; move it to src/internal/index.ts`,
      );
    }
  }
  if (existsSync(join(src, 'version.ts'))) {
    const version = /export const VERSION = '([^']+)'/.exec(readFileSync(join(src, 'version.ts'), 'utf8'))?.[1];
    if (version !== manifest.version)
      say(`src/version.ts has VERSION ${version ?? '(none)'}, package.json ${manifest.version}: keep them equal`);
  }
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
    );
  for (const path of walk(src)) {
    const isTest = /\.test\.ts$|\/__tests__\//.test(path);
    // Code only: TSDoc examples show apps importing @smm/core/client.
    const code = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/)/.test(line))
      .join('\n');
    for (const match of code.matchAll(/(?:from|import\()\s*'(@smm\/core(?:\/[a-z-]+)?)'/g)) {
      // Tests act as the app: its client and its connect flow.
      if (match[1] === '@smm/core/adapter-kit' || (isTest && ['@smm/core/client', '@smm/core/connect'].includes(match[1]))) continue;
      // network-options.ts augments the model's NetworkOptionsRegistry: a type-only, empty import
      // loads the module it augments (nothing else may come from it).
      if (match[1] === '@smm/core/model' && path.endsWith('network-options.ts') && match[0].startsWith('from')) {
        if (/import type \{\} from '@smm\/core\/model'/.test(code)) continue;
      }
      say(`${path.slice(dir.length + 1)} imports ${match[1]}: adapters import core through @smm/core/adapter-kit only`);
    }
  }
  return problems;
}

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

const layoutOnly = process.argv.includes('--layout');
const roots = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const dirs =
  roots.length > 0 ? roots.map((path) => join(process.cwd(), path)) : readdirSync(packagesDir).map((name) => join(packagesDir, name));

for (const dir of dirs.sort()) {
  const manifestPath = join(dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;

  if (/(^|\/)(smm-)?adapter-[a-z0-9-]+$/.test(manifest.name)) {
    const problems = adapterLayoutProblems(dir, manifest);
    process.stdout.write(`• adapter layout ${manifest.name}\n`);
    for (const problem of problems) process.stdout.write(`  ✗ ${problem}\n`);
    failed += problems.length > 0 ? 1 : 0;
  }
  if (layoutOnly) continue;

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
process.stdout.write(
  layoutOnly
    ? '\nlint:packages: every adapter follows the layout\n'
    : '\nlint:packages: every package passes publint and attw, and every adapter the layout\n',
);
