#!/usr/bin/env node
// Checks the structure drawn from the code's imports, for every package's src/:
//   1. a relative import that leaves its top-level folder goes through that folder's index.ts
//      (a folder's index is its only public door);
//   2. no import cycle between files;
//   3. no import cycle between the top-level folders of a package (core's concepts layer).
// Test files (*.test.ts, __tests__/, test-helpers/) may import anything and are not in the graph.
// Uses TypeScript's own import scanner. Exits 1 with one line per problem.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(new URL('..', import.meta.url).pathname);
const problems = [];

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const isTest = (file) =>
  /\.test\.tsx?$|\.test-d\.ts$/.test(file) || file.includes(`${sep}__tests__${sep}`) || file.includes(`${sep}test-helpers${sep}`);

function resolveImport(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function findCycles(graph) {
  // Tarjan's strongly connected components: every component of more than one node is a cycle.
  let index = 0;
  const stack = [];
  const onStack = new Set();
  const indices = new Map();
  const low = new Map();
  const cycles = [];
  function connect(node) {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), indices.get(next)));
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? new Set()).has(node)) cycles.push(component.sort());
    }
  }
  for (const node of graph.keys()) if (!indices.has(node)) connect(node);
  return cycles;
}

for (const pkg of readdirSync(join(root, 'packages'))) {
  const src = join(root, 'packages', pkg, 'src');
  if (!existsSync(src)) continue;
  const files = walk(src);
  const fileGraph = new Map();
  const folderGraph = new Map();
  const folderOf = (file) => {
    const parts = relative(src, file).split(sep);
    return parts.length > 1 ? parts[0] : '.';
  };
  for (const file of files) {
    const test = isTest(file);
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const edges = new Set();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      if (!target) {
        problems.push(`${relative(root, file)}: cannot resolve ${fileName}`);
        continue;
      }
      const fromFolder = folderOf(file);
      const toFolder = folderOf(target);
      if (!target.startsWith(src)) {
        if (!test) problems.push(`${relative(root, file)}: imports ${fileName}, outside its package's src/`);
        continue;
      }
      if (fromFolder !== toFolder && toFolder !== '.' && target !== join(src, toFolder, 'index.ts') && !test) {
        problems.push(
          `${relative(root, file)}: imports ${fileName} past ${toFolder}/index.ts; import '${relative(dirname(file), join(src, toFolder, 'index.js'))}' instead`,
        );
      }
      if (test) continue;
      edges.add(target);
      if (fromFolder !== toFolder && fromFolder !== '.' && toFolder !== '.') {
        if (!folderGraph.has(fromFolder)) folderGraph.set(fromFolder, new Set());
        folderGraph.get(fromFolder).add(toFolder);
      }
    }
    if (!test) fileGraph.set(file, edges);
  }
  // An index.ts only re-exports; cycles through it are cycles between the files behind it.
  for (const cycle of findCycles(fileGraph)) {
    problems.push(`packages/${pkg}: import cycle between files: ${cycle.map((file) => relative(src, file)).join(' ↔ ')}`);
  }
  for (const cycle of findCycles(folderGraph)) {
    problems.push(`packages/${pkg}: import cycle between folders: ${cycle.join(' ↔ ')}`);
  }
}

if (problems.length > 0) {
  for (const problem of problems) console.error(`structure: ${problem}`);
  console.error(`structure: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('structure: ok (folder doors respected, no import cycles)');
