import { META_NODES, metaEnum, metaSpec, type MetaNode, type MetaNodeSpec } from './meta-spec.js';

// Graph writes datetimes as ISO 8601 with a +0000 offset ("2026-12-01T10:00:00+0000"); some
// fields use Unix seconds.
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;

function valueProblem(path: string, type: string, value: unknown): string | undefined {
  if (value === null) return undefined;
  const list = /^list(?:<(.+)>)?$/.exec(type);
  if (list) {
    if (!Array.isArray(value)) return `${path}: ${type} must be an array`;
    for (const [index, item] of value.entries()) {
      const problem = list[1] ? valueProblem(`${path}[${index}]`, list[1], item) : undefined;
      if (problem) return problem;
    }
    return undefined;
  }
  switch (type) {
    case 'string':
      return typeof value === 'string' ? undefined : `${path}: string expected, got ${typeof value}`;
    case 'int':
    case 'unsigned int':
      return Number.isInteger(value) && (type === 'int' || (value as number) >= 0)
        ? undefined
        : `${path}: ${type} expected, got ${JSON.stringify(value)}`;
    case 'float':
      return typeof value === 'number' ? undefined : `${path}: float expected, got ${typeof value}`;
    case 'bool':
      return typeof value === 'boolean' ? undefined : `${path}: bool expected, got ${typeof value}`;
    case 'datetime':
      return (typeof value === 'string' && DATETIME.test(value)) || Number.isInteger(value)
        ? undefined
        : `${path}: datetime expected (ISO 8601 such as 2026-12-01T10:00:00+0000, or Unix seconds), got ${JSON.stringify(value)}`;
    default:
      // Object, map and node types: an object (a node reference at least has an id).
      if (metaEnum(type)) {
        return typeof value === 'string' && metaEnum(type)!.includes(value)
          ? undefined
          : `${path}: one of ${metaEnum(type)!.join(', ')} expected, got ${JSON.stringify(value)}`;
      }
      return typeof value === 'object' ? undefined : `${path}: ${type} (an object) expected, got ${typeof value}`;
  }
}

function nodeProblems(spec: MetaNodeSpec, body: Record<string, unknown>, path: string, extraFields: readonly string[]): string[] {
  const fields = new Map(spec.fields.map((field) => [field.name, field.type]));
  const edges = new Set(spec.edges.filter((edge) => edge.method === 'GET' && edge.edge).map((edge) => edge.edge!));
  const problems: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const type = fields.get(name);
    if (type !== undefined) {
      const problem = valueProblem(`${path}.${name}`, type, value);
      if (problem) problems.push(problem);
    } else if (edges.has(name)) {
      // An edge read through field expansion answers a list page: { data: [...] }.
      if (typeof value !== 'object' || value === null || !Array.isArray((value as { data?: unknown }).data)) {
        problems.push(`${path}.${name}: an edge answers { data: [...] }`);
      }
    } else if (!extraFields.includes(name)) {
      problems.push(`${path}.${name}: not a field of ${spec.node}`);
    }
  }
  return problems;
}

/**
 * Holds a simulator's answer to Meta's codegen spec, for the simulator's own tests: a node read
 * (`edge` absent) may hold only the node's fields and edges, each of its spec type; an edge read
 * (`edge` given) is a page `{ data: [...] }` whose items are read as the edge's return node (when
 * that node is vendored). Returns the problems found (empty when the answer is as the spec says).
 *
 * @example
 * ```ts
 * expect(graphAnswerProblems('IGMedia', await response.json())).toEqual([]);
 * expect(graphAnswerProblems('PagePost', body, { edge: 'comments' })).toEqual([]);
 * ```
 */
export function graphAnswerProblems(
  node: MetaNode,
  body: unknown,
  options: { edge?: string; extraFields?: readonly string[] } = {},
): string[] {
  if (typeof body !== 'object' || body === null) return ['answer: a JSON object expected'];
  const spec = metaSpec(node);
  if (!options.edge) return nodeProblems(spec, body as Record<string, unknown>, node, options.extraFields ?? []);
  const edge = spec.find('GET', options.edge);
  if (!edge) return [`${node}/${options.edge}: not a GET edge of ${node}`];
  const data = (body as { data?: unknown }).data;
  if (!Array.isArray(data)) return [`${node}/${options.edge}: an edge answers { data: [...] }`];
  if (!(META_NODES as readonly string[]).includes(edge.returns)) return [];
  const itemSpec = metaSpec(edge.returns as MetaNode);
  return data.flatMap((item, index) =>
    typeof item === 'object' && item !== null
      ? nodeProblems(itemSpec, item as Record<string, unknown>, `${node}/${options.edge}.data[${index}]`, options.extraFields ?? [])
      : [`${node}/${options.edge}.data[${index}]: an object expected`],
  );
}
