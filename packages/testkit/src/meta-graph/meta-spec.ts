import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphError } from './graph-error.js';
import type { GraphParams } from './graph-params.js';

/**
 * The Graph nodes whose codegen specs are vendored in `definitions/meta/` (from
 * facebook/facebook-business-sdk-codegen `api_specs/specs/`; see `definitions/README.md`).
 * `ShadowIGMediaBuilder` is the IG container; `ContentPublishingLimitResponse` the
 * `content_publishing_limit` answer.
 */
export const META_NODES = [
  'Page',
  'PagePost',
  'Photo',
  'AdVideo',
  'Comment',
  'IGUser',
  'IGMedia',
  'IGComment',
  'ShadowIGMediaBuilder',
  'User',
  'Business',
  'ContentPublishingLimitResponse',
] as const;

/** A vendored Graph node. */
export type MetaNode = (typeof META_NODES)[number];

/** One parameter of an edge: codegen's type grammar (`string`, `bool`, `int`, `unsigned int`, `float`, `datetime`, `map`, `Object`, `file`, `list<T>`, an enum type name). */
export interface MetaParam {
  name: string;
  type: string;
  required: boolean;
  /** Allowed values for a hand-written enum (`type: 'enum'`); vendored enums are looked up by type name. */
  values?: readonly string[];
}

/** One request an object accepts: the node itself (`edge: null`) or one of its edges. */
export interface MetaEdge {
  method: 'GET' | 'POST' | 'DELETE';
  /** The edge name (`feed`, `media_publish`), or `null` for the node itself (`#get`, `#update`, `#delete`). */
  edge: string | null;
  /** The node type answered (`IGMedia`, `Object`, …). */
  returns: string;
  params: readonly MetaParam[];
}

/** A field of a node. */
export interface MetaField {
  name: string;
  type: string;
}

/** A node's spec, as the validator reads it. */
export interface MetaNodeSpec {
  node: string;
  edges: readonly MetaEdge[];
  fields: readonly MetaField[];
  /** The edge `method /edge` (`edge` null: the node itself), if the spec has it. */
  find(method: string, edge: string | null): MetaEdge | undefined;
}

/** A problem with a request, as Graph reports it (code 100 family). */
export interface GraphProblem {
  code: number;
  subcode?: number;
  type?: string;
  message: string;
}

interface RawApi {
  method: string;
  endpoint?: string;
  name?: string;
  return?: string;
  params?: Array<{ name: string; type: string; required?: boolean }>;
}

// definitions/ ships beside dist/ in the package; found from this module (src/meta-graph/ from source, dist/ once built).
function definitionsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'definitions', 'meta');
    if (existsSync(join(candidate, 'source.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@smm/testkit: cannot find definitions/meta (the vendored Graph node specs)');
    dir = parent;
  }
}

const specs = new Map<string, MetaNodeSpec>();
let enums: Map<string, readonly string[]> | undefined;

function build(node: string, raw: { apis: RawApi[]; fields: MetaField[] }): MetaNodeSpec {
  const edges: MetaEdge[] = raw.apis.map((api) => ({
    method: api.method.toUpperCase() as MetaEdge['method'],
    edge: api.endpoint ?? null,
    returns: api.return ?? 'Object',
    params: (api.params ?? []).map((param) => ({ name: param.name, type: param.type, required: param.required === true })),
  }));
  return {
    node,
    edges,
    fields: raw.fields,
    find: (method, edge) => edges.find((entry) => entry.method === method.toUpperCase() && entry.edge === edge),
  };
}

/**
 * The vendored codegen spec of a Graph node (read on first use): its edges with their
 * parameters, and its fields.
 *
 * @example
 * ```ts
 * metaSpec('IGUser').find('POST', 'media_publish')?.params; // [{ name: 'creation_id', type: 'unsigned int', required: true }]
 * ```
 */
export function metaSpec(node: MetaNode): MetaNodeSpec {
  let spec = specs.get(node);
  if (!spec) {
    if (!META_NODES.includes(node))
      throw new TypeError(`metaSpec: no vendored spec for node ${String(node)} (vendored: ${META_NODES.join(', ')})`);
    spec = build(node, JSON.parse(readFileSync(join(definitionsDir(), `${node}.json`), 'utf8')) as { apis: RawApi[]; fields: MetaField[] });
    specs.set(node, spec);
  }
  return spec;
}

/**
 * The values of a codegen enum type (`shadowigmediainsights_metric_enum_param`,
 * `pagefeed_unpublished_content_type_enum_param`, …), from the vendored `enum_types.json`.
 *
 * @example
 * ```ts
 * metaEnum('shadowigmediainsights_metric_enum_param')?.includes('reach'); // true
 * ```
 */
export function metaEnum(type: string): readonly string[] | undefined {
  if (!enums) {
    const raw = JSON.parse(readFileSync(join(definitionsDir(), 'enum_types.json'), 'utf8')) as Array<{ name: string; values: string[] }>;
    enums = new Map(raw.map((entry) => [entry.name, entry.values]));
  }
  return enums.get(type);
}

/**
 * Parameters Graph takes on every request, whatever the edge: the token and its proof, field
 * selection, cursor and time paging, and response formatting
 * (https://developers.facebook.com/docs/graph-api/overview, https://developers.facebook.com/docs/graph-api/results,
 * https://developers.facebook.com/docs/graph-api/securing-requests — appsecret_proof).
 */
export const GRAPH_COMMON_PARAMS: readonly string[] = [
  'access_token',
  'appsecret_proof',
  'appsecret_time',
  'fields',
  'limit',
  'after',
  'before',
  'since',
  'until',
  'offset',
  'summary',
  'pretty',
  'suppress_http_code',
  'method',
  'format',
  'locale',
  'debug',
  'include_headers',
  'date_format',
  'metadata',
];

/**
 * Graph's answer to a missing required parameter: 400, code 100, "(#100) The parameter <name> is required"
 * (as Graph answers, e.g. "(#100) The parameter user_id is required", github.com/kadnan/Facebook-Chat-Bot/issues/5).
 *
 * @example
 * ```ts
 * return missingParameterError('creation_id');
 * ```
 */
export function missingParameterError(name: string): Response {
  return graphError(400, { code: 100, message: `(#100) The parameter ${name} is required` });
}

/**
 * Graph's answer to an invalid parameter value the spec cannot see (a rule in the docs): 400, code
 * 100, `OAuthException`, with the message given (write it as Graph does: `(#100) …`).
 *
 * @example
 * ```ts
 * return invalidParameterError('(#100) The parameter children must name between 2 and 20 containers');
 * ```
 */
export function invalidParameterError(message: string, subcode?: number): Response {
  return graphError(400, { code: 100, message, ...(subcode !== undefined ? { subcode } : {}) });
}

/**
 * A Graph error answer for a {@link GraphProblem} (status 400, as Graph answers code 100).
 *
 * @example
 * ```ts
 * const problem = findGraphProblem(metaSpec('IGUser'), 'media_publish', 'POST', params);
 * if (problem) return graphProblemResponse(problem);
 * ```
 */
export function graphProblemResponse(problem: GraphProblem): Response {
  return graphError(400, problem);
}

const INTEGER = /^-?\d+$/;
const UNSIGNED = /^\d+$/;

// Splits a list parameter: a JSON array, or Graph's comma-separated form (`metric=reach,likes`).
function listItems(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return text === '' ? [] : text.split(',').map((item) => item.trim());
}

// A multipart file part as the simulator engine records it: `{ filename, type, size }`.
const isUpload = (value: unknown): boolean => value !== null && typeof value === 'object' && 'filename' in value && 'size' in value;

const scalar = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

// The "(#100) Param <name> must be …" family: Graph names the parameter and what it must be, with
// no full stop (an answer seen in the wild: "(#100) Param score must be a number",
// github.com/freshplanet/ANE-Facebook/issues/142). The codegen spec gives the type; Meta publishes
// no list of these texts, so the wording after "must be" describes the type.
function typeProblem(label: string, type: string, value: unknown, values?: readonly string[]): string | undefined {
  const list = /^list(?:<(.+)>)?$/.exec(type);
  if (list) {
    const items = listItems(value);
    if (!items) return `(#100) Param ${label} must be an array`;
    const inner = list[1];
    if (!inner) return undefined;
    for (const [index, item] of items.entries()) {
      const problem = typeProblem(`${label}[${index}]`, inner, item, values);
      if (problem) return problem;
    }
    return undefined;
  }
  const text = scalar(value);
  const enumValues = type === 'enum' ? values : metaEnum(type);
  if (enumValues) {
    if (text === undefined || !enumValues.includes(text))
      return `(#100) ${label} must be one of the following values: ${enumValues.join(', ')}`;
    return undefined;
  }
  switch (type) {
    case 'string':
      // An uploaded file (a multipart part) stands for a string parameter: the specs type uploads
      // such as Photo `source` and AdVideo `video_file_chunk` as strings.
      return text === undefined && !isUpload(value) ? `(#100) Param ${label} must be a string` : undefined;
    case 'bool':
      return text === undefined || !['true', 'false', '1', '0'].includes(text) ? `(#100) Param ${label} must be a boolean` : undefined;
    case 'int':
      return text === undefined || !INTEGER.test(text) ? `(#100) Param ${label} must be an integer` : undefined;
    case 'unsigned int':
      return text === undefined || !UNSIGNED.test(text) ? `(#100) Param ${label} must be a non-negative integer` : undefined;
    case 'float':
      return text === undefined || text.trim() === '' || Number.isNaN(Number(text)) ? `(#100) Param ${label} must be a number` : undefined;
    case 'datetime':
      // A Unix timestamp, or a date string Graph parses (ISO 8601, strtotime forms).
      return text === undefined || (!INTEGER.test(text) && Number.isNaN(Date.parse(text)))
        ? `(#100) Param ${label} must be a valid date/time`
        : undefined;
    case 'map': {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
      try {
        const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : undefined;
        return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
          ? undefined
          : `(#100) Param ${label} must be a JSON object`;
      } catch {
        return `(#100) Param ${label} must be a JSON object`;
      }
    }
    default:
      // Object, file and node types: Graph takes JSON, ids, uploads; the spec says no more.
      return undefined;
  }
}

/** One top-level entry of a `fields` expression: `comments.summary(true).limit(0){id,message}`. */
export interface GraphFieldSelection {
  name: string;
  /** Modifiers in order of appearance, by name: `{ summary: 'true', limit: '0' }`. */
  modifiers: Record<string, string>;
  /** The nested selection between braces, as written (`id,message`), when there is one. */
  subfields?: string;
}

// Splits at commas outside parentheses and braces.
function splitTopLevel(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of expression) {
    if (char === '{' || char === '(') depth += 1;
    if (char === '}' || char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

// The text inside the bracket opening at `open` (nesting counted), and where it closes.
function enclosed(text: string, open: number): { inner: string; end: number } {
  const opening = text[open]!;
  const closing = opening === '(' ? ')' : '}';
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === opening) depth += 1;
    if (text[index] === closing) depth -= 1;
    if (depth === 0) return { inner: text.slice(open + 1, index), end: index + 1 };
  }
  return { inner: text.slice(open + 1), end: text.length };
}

/**
 * Reads a Graph `fields` expression with field expansion: each top-level field with its modifiers
 * (`.limit(5)`, `.summary(true)`, `.metric(reach,likes)`) and nested selection (`{…}`), in order.
 * https://developers.facebook.com/docs/graph-api/guides/field-expansion
 *
 * @example
 * ```ts
 * graphFieldExpansion('id,comments.summary(true).limit(0){id,message}');
 * // [{ name: 'id', modifiers: {} }, { name: 'comments', modifiers: { summary: 'true', limit: '0' }, subfields: 'id,message' }]
 * ```
 */
export function graphFieldExpansion(expression: string): GraphFieldSelection[] {
  return splitTopLevel(expression).map((part) => {
    const name = /^[A-Za-z0-9_]+/.exec(part)?.[0] ?? part;
    const selection: GraphFieldSelection = { name, modifiers: {} };
    let index = name.length;
    while (index < part.length) {
      const char = part[index]!;
      if (char === '.') {
        const modifier = /^[A-Za-z0-9_]+/.exec(part.slice(index + 1))?.[0] ?? '';
        index += 1 + modifier.length;
        if (part[index] === '(') {
          const { inner, end } = enclosed(part, index);
          selection.modifiers[modifier] = inner.trim();
          index = end;
        } else selection.modifiers[modifier] = '';
      } else if (char === '{') {
        const { inner, end } = enclosed(part, index);
        selection.subfields = inner.trim();
        index = end;
      } else index += 1;
    }
    return selection;
  });
}

/**
 * The top-level names of a Graph `fields` expression: `a,b{c},insights.metric(reach){values}` →
 * `['a', 'b', 'insights']` (nested selections and `.modifier()` calls are skipped).
 * https://developers.facebook.com/docs/graph-api/guides/field-expansion
 *
 * @example
 * ```ts
 * topLevelFields('id,caption,children{media_url}'); // ['id', 'caption', 'children']
 * ```
 */
export function topLevelFields(expression: string): string[] {
  return graphFieldExpansion(expression).map((selection) => selection.name);
}

/** How {@link findGraphProblem} reads a request. */
export interface GraphCheckOptions {
  /** The id in the path, named in an unsupported-request answer. */
  objectId?: string;
  /**
   * Parameters the network documents beyond the spec (each cited by the caller), accepted as
   * strings. The codegen specs lag Meta's docs at times (a new parameter lands in the docs first).
   */
  extraParams?: readonly string[];
  /**
   * Names outside the spec: `'reject'` (default) answers `(#100) Param <name> is not a valid parameter`;
   * Graph itself often ignores them, but a misspelled optional parameter it ignores is a bug the
   * adapter should see, so the simulator is stricter here on purpose. `'ignore'` lets them through.
   */
  unknownParams?: 'reject' | 'ignore';
  /** Fields the network documents beyond the spec's, accepted in `fields`. */
  extraFields?: readonly string[];
  /** The node type named in "nonexisting field" answers (default the spec's node). */
  typeName?: string;
}

/**
 * Checks one edge's parameters (names, required ones, enum values, types) against a definition —
 * a vendored node's edge or a hand-written one (Threads has no codegen spec). `fieldsOf` is the
 * node whose fields a `fields` parameter may name. Returns Graph's complaint, or `undefined`.
 *
 * @example
 * ```ts
 * const edge = { method: 'POST', edge: 'threads_publish', returns: 'Object', params: [{ name: 'creation_id', type: 'string', required: true }] } as const;
 * checkEdgeParams(edge, {}, undefined); // { code: 100, message: '(#100) The parameter creation_id is required' }
 * ```
 */
export function checkEdgeParams(
  edge: MetaEdge,
  params: GraphParams,
  fieldsOf: Pick<MetaNodeSpec, 'node' | 'fields' | 'edges'> | undefined,
  options: GraphCheckOptions = {},
): GraphProblem | undefined {
  const declared = new Map(edge.params.map((param) => [param.name, param]));
  for (const param of edge.params) {
    const value = params[param.name];
    if (param.required && (value === undefined || value === ''))
      return { code: 100, message: `(#100) The parameter ${param.name} is required` };
  }
  for (const [name, value] of Object.entries(params)) {
    const param = declared.get(name);
    if (!param) {
      if (GRAPH_COMMON_PARAMS.includes(name) || options.extraParams?.includes(name) || options.unknownParams === 'ignore') continue;
      return { code: 100, message: `(#100) Param ${name} is not a valid parameter` };
    }
    if (value === undefined) continue;
    const problem = typeProblem(name, param.type, value, param.values);
    if (problem) return { code: 100, message: problem };
  }
  const fields = params.fields;
  if (fieldsOf && typeof fields === 'string' && fields.trim() !== '') {
    const known = new Set([
      ...fieldsOf.fields.map((field) => field.name),
      ...fieldsOf.edges.filter((entry) => entry.method === 'GET' && entry.edge).map((entry) => entry.edge!),
      ...(options.extraFields ?? []),
    ]);
    for (const name of topLevelFields(fields)) {
      if (!known.has(name)) {
        return {
          code: 100,
          message: `(#100) Tried accessing nonexisting field (${name}) on node type (${options.typeName ?? fieldsOf.node})`,
        };
      }
    }
  }
  return undefined;
}

/**
 * Holds a request to a vendored node's spec: the node (`edge` null) or edge must accept the
 * method, and its parameters must match (see {@link checkEdgeParams}); `fields` is checked against
 * the node answered (the node itself, or the edge's return type when it is vendored). Graph's
 * answers: a GET of an unknown edge → "(#100) Tried accessing nonexisting field (<edge>) on node
 * type (<Node>)"; another method the object does not take → code 100 subcode 33 "Unsupported <method>
 * request. Object with ID '<id>' does not exist, cannot be loaded due to missing permissions, or does not
 * support this operation. …" (https://developers.facebook.com/docs/graph-api/guides/error-handling).
 *
 * @example
 * ```ts
 * findGraphProblem('IGUser', 'media_publish', 'POST', {}); // { code: 100, message: '(#100) The parameter creation_id is required' }
 * ```
 */
export function findGraphProblem(
  node: MetaNode,
  edge: string | null,
  method: string,
  params: GraphParams,
  options: GraphCheckOptions = {},
): GraphProblem | undefined {
  const spec = metaSpec(node);
  const found = spec.find(method, edge);
  if (!found) {
    if (method.toUpperCase() === 'GET' && edge) {
      return { code: 100, message: `(#100) Tried accessing nonexisting field (${edge}) on node type (${options.typeName ?? node})` };
    }
    return {
      code: 100,
      subcode: 33,
      type: 'GraphMethodException',
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${options.objectId ?? edge ?? node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    };
  }
  const answered =
    edge === null ? spec : (META_NODES as readonly string[]).includes(found.returns) ? metaSpec(found.returns as MetaNode) : undefined;
  return checkEdgeParams(found, params, answered, { ...options, typeName: edge === null ? options.typeName : undefined });
}

/**
 * {@link findGraphProblem} as a response: Graph's error answer for an off-spec request, or
 * `undefined` when the request is as the spec allows. The first thing a Graph route does.
 *
 * @example
 * ```ts
 * const refused = checkGraphRequest('IGUser', 'media', 'POST', graphParams(request), { objectId: request.params.id });
 * if (refused) return refused;
 * ```
 */
export function checkGraphRequest(
  node: MetaNode,
  edge: string | null,
  method: string,
  params: GraphParams,
  options: GraphCheckOptions = {},
): Response | undefined {
  const problem = findGraphProblem(node, edge, method, params, options);
  return problem ? graphProblemResponse(problem) : undefined;
}
