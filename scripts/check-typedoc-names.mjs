#!/usr/bin/env node
// Types a reader meets in a signature appear by name in the API docs, not expanded inline. A type
// inferred from a zod schema loses its alias name in TypeScript (`type Account = z.infer<…>` is
// the schema's anonymous object type), so typedoc would print `{ brand?: …; handle: …; … }` where
// a link to `Account` belongs; declaring it `interface Account extends z.infer<…> {}` keeps the name.
//
// Reads typedoc's JSON output and fails when a parameter or return type is an object literal with
// exactly the members of a type the docs document by name.
//
//   typedoc --json .tmp/api-docs.json && node scripts/check-typedoc-names.mjs .tmp/api-docs.json
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-typedoc-names.mjs <typedoc JSON output>');
  process.exit(2);
}
const project = JSON.parse(readFileSync(file, 'utf8'));
const KIND = { interface: 256, typeAlias: 2097152, callSignature: 4096 };

const membersKey = (children) =>
  children
    .map((child) => child.name)
    .sort()
    .join(',');

// Named types with members: interfaces, and type aliases of object literals.
const named = new Map();
const signatures = [];
(function walk(node, where) {
  if (Array.isArray(node)) return node.forEach((item) => walk(item, where));
  if (!node || typeof node !== 'object') return;
  const here = node.name && node.kind ? [...where, node.name] : where;
  if (node.kind === KIND.interface && node.children?.length > 1) named.set(membersKey(node.children), here.join('.'));
  if (node.kind === KIND.typeAlias && node.type?.type === 'reflection' && node.type.declaration?.children?.length > 1) {
    named.set(membersKey(node.type.declaration.children), here.join('.'));
  }
  if (node.kind === KIND.callSignature) signatures.push({ node, where: here });
  for (const [key, value] of Object.entries(node)) if (key !== 'type' || node.kind !== KIND.typeAlias) walk(value, here);
})(project, []);

const inline = (type) => {
  if (type?.type === 'reflection' && type.declaration?.children?.length > 1) return [type.declaration.children];
  if (type?.type === 'union' || type?.type === 'intersection') return type.types.flatMap(inline);
  if (type?.type === 'array') return inline(type.elementType);
  return [];
};

const problems = [];
for (const { node, where } of signatures) {
  const places = [
    ...(node.parameters ?? []).map((parameter) => [`parameter ${parameter.name}`, parameter.type]),
    ['return type', node.type],
  ];
  for (const [place, type] of places) {
    for (const children of inline(type)) {
      const name = named.get(membersKey(children));
      if (name) problems.push(`${where.join('.')}: ${place} expands ${name} inline`);
    }
  }
}
if (problems.length > 0) {
  console.error(`${problems.length} signature(s) expand a named type inline (declare it as an interface, or reference it by name):`);
  for (const problem of [...new Set(problems)]) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`typedoc names: ${signatures.length} signatures, every documented type appears by name`);
