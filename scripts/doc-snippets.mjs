#!/usr/bin/env node
// Code in the docs comes from programs the test command runs, so it cannot rot.
//
// A fenced block in a Markdown file that follows a marker
//
//   <!-- snippet: examples/getting-started.ts#publish -->
//   ```ts
//   …
//   ```
//
// holds exactly the lines between `// #region publish` and `// #endregion publish` in that file
// (dedented). The examples are type-checked and run by the test command, so a snippet is code that
// compiles and runs today, not code that did once.
//
//   node scripts/doc-snippets.mjs           check: exits 1 naming every stale or broken snippet
//   node scripts/doc-snippets.mjs --write   rewrite the blocks from the examples
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const write = process.argv.includes('--write');
const MARKER = /^<!-- snippet: ([^#\s]+)#([\w-]+) -->$/;

function markdownFiles() {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name));
  return [join(root, 'README.md'), join(root, 'examples', 'README.md'), ...docs];
}

function region(file, name) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const start = lines.findIndex((line) => line.trim() === `// #region ${name}`);
  const end = lines.findIndex((line, index) => index > start && line.trim() === `// #endregion ${name}`);
  if (start === -1 || end === -1) return undefined;
  const body = lines.slice(start + 1, end).filter((line) => !/^\s*\/\/ #(end)?region\b/.test(line));
  const indent = Math.min(...body.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)[0].length));
  return body.map((line) => line.slice(indent)).join('\n');
}

const problems = [];
let count = 0;
for (const path of markdownFiles()) {
  const lines = readFileSync(path, 'utf8').split('\n');
  let changed = false;
  for (let index = 0; index < lines.length; index += 1) {
    const marker = MARKER.exec(lines[index].trim());
    if (!marker) continue;
    const where = `${relative(root, path)}:${index + 1}`;
    const [, file, name] = marker;
    const open = index + 1;
    if (!/^```\w*$/.test(lines[open] ?? '')) {
      problems.push(`${where}: the snippet marker must be followed by a fenced code block`);
      continue;
    }
    const close = lines.findIndex((line, at) => at > open && line === '```');
    if (close === -1) {
      problems.push(`${where}: the code block after the marker is not closed`);
      continue;
    }
    let code;
    try {
      code = region(file, name);
    } catch {
      problems.push(`${where}: ${file} cannot be read`);
      continue;
    }
    if (code === undefined) {
      problems.push(`${where}: ${file} has no "// #region ${name}" … "// #endregion ${name}"`);
      continue;
    }
    count += 1;
    const current = lines.slice(open + 1, close).join('\n');
    if (current === code) continue;
    if (write) {
      lines.splice(open + 1, close - open - 1, ...code.split('\n'));
      changed = true;
    } else {
      problems.push(`${where}: differs from ${file}#${name} (run node scripts/doc-snippets.mjs --write)`);
    }
  }
  if (changed) writeFileSync(path, lines.join('\n'));
}

if (problems.length > 0) {
  console.error(`${problems.length} doc snippet problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`${count} doc snippets ${write ? 'written from' : 'match'} the examples they come from.`);
