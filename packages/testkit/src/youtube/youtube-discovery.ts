import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One parameter of a discovery method (`location` query or path). */
export interface DiscoveryParameter {
  type: 'string' | 'integer' | 'boolean' | 'number';
  location: 'query' | 'path';
  required?: boolean;
  repeated?: boolean;
  enum?: string[];
  minimum?: string;
  maximum?: string;
}

/** One method of Google's discovery format. */
export interface DiscoveryMethod {
  id: string;
  httpMethod: string;
  path: string;
  parameters?: Record<string, DiscoveryParameter>;
  request?: { $ref: string };
  response?: { $ref: string };
  mediaUpload?: { accept: string[]; maxSize: string; protocols: Record<string, { path: string; multipart: boolean }> };
}

/** One schema of Google's discovery format (a subset of JSON Schema draft 3). */
export interface DiscoverySchema {
  type?: string;
  $ref?: string;
  properties?: Record<string, DiscoverySchema>;
  items?: DiscoverySchema;
  additionalProperties?: DiscoverySchema;
  enum?: string[];
  format?: string;
}

/** The vendored discovery document (definitions/youtube/discovery.json), as far as the simulator reads it. */
export interface YouTubeDiscovery {
  id: string;
  revision: string;
  parameters: Record<string, DiscoveryParameter>;
  resources: Record<string, { methods: Record<string, DiscoveryMethod> }>;
  schemas: Record<string, DiscoverySchema>;
}

// The vendored definitions live in the package's `definitions/` folder (shipped beside `dist`),
// found from this module: src/youtube/ when run from source, dist/ once built.
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@smm/testkit') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@smm/testkit: cannot find its package folder (and the definitions/ folder in it)');
    dir = parent;
  }
}

let loaded: YouTubeDiscovery | undefined;

/**
 * Google's discovery document of the YouTube Data API v3 that the YouTube simulator is held to
 * (vendored, cut to the methods the adapter calls; provenance in `definitions/youtube/source.json`).
 *
 * @example
 * ```ts
 * youtubeDiscovery().resources.videos!.methods.insert!.mediaUpload?.protocols.resumable?.path;
 * // '/resumable/upload/youtube/v3/videos'
 * ```
 */
export function youtubeDiscovery(): YouTubeDiscovery {
  loaded ??= JSON.parse(readFileSync(join(packageRoot(), 'definitions', 'youtube', 'discovery.json'), 'utf8')) as YouTubeDiscovery;
  return loaded;
}

/** What is wrong with one request, in Google's words: the `reason` and the message. */
export interface DiscoveryViolation {
  reason: 'required' | 'invalidParameter' | 'unknownParameter' | 'badRequest';
  message: string;
  location?: string;
}

/**
 * Checks a request's query parameters against a discovery method: every required parameter
 * present, no unknown name (the method's or the document's common ones), integers and booleans
 * well-formed, enums and ranges kept. Returns the first violation, as Google reports one.
 *
 * @example
 * ```ts
 * checkQuery('videos.list', new URLSearchParams('id=abc')); // { reason: 'required', … 'part' }
 * ```
 */
export function checkQuery(methodId: string, query: URLSearchParams, ignore: readonly string[] = []): DiscoveryViolation | undefined {
  const document = youtubeDiscovery();
  const [resource, name] = methodId.split('.') as [string, string];
  const method = document.resources[resource]?.methods[name];
  if (!method) throw new Error(`the vendored discovery document has no method ${methodId}`);
  const parameters = { ...document.parameters, ...method.parameters };
  for (const [key, parameter] of Object.entries(method.parameters ?? {})) {
    if (parameter.required && parameter.location === 'query' && !query.has(key)) {
      return { reason: 'required', message: `Required parameter: ${key}`, location: key };
    }
  }
  for (const [key, value] of query) {
    if (ignore.includes(key)) continue;
    const parameter = parameters[key];
    if (!parameter)
      return { reason: 'badRequest', message: `Invalid JSON payload received. Unknown name "${key}": Cannot bind query parameter.` };
    if (parameter.type === 'integer') {
      if (!/^-?\d+$/.test(value))
        return { reason: 'invalidParameter', message: `Invalid value '${value}' for parameter ${key}`, location: key };
      const number = Number(value);
      if (
        (parameter.minimum !== undefined && number < Number(parameter.minimum)) ||
        (parameter.maximum !== undefined && number > Number(parameter.maximum))
      ) {
        return {
          reason: 'invalidParameter',
          message: `Invalid value '${value}'. Values must be within the range: [${parameter.minimum ?? '-inf'}, ${parameter.maximum ?? 'inf'}]`,
          location: key,
        };
      }
    }
    if (parameter.type === 'boolean' && value !== 'true' && value !== 'false') {
      return { reason: 'invalidParameter', message: `Invalid value '${value}' for parameter ${key}`, location: key };
    }
    if (parameter.enum && !parameter.enum.includes(value)) {
      return { reason: 'invalidParameter', message: `Invalid value '${value}' for parameter ${key}`, location: key };
    }
  }
  return undefined;
}

/**
 * Checks a JSON request body against a discovery schema: no field the schema does not name
 * (Google answers "Unknown name"), strings, arrays and objects where the schema says so.
 *
 * @example
 * ```ts
 * checkBody('Video', { snippet: { title: 'x', colour: 'red' } }); // { reason: 'badRequest', … 'colour' }
 * ```
 */
export function checkBody(schemaName: string, body: unknown): DiscoveryViolation | undefined {
  const schemas = youtubeDiscovery().schemas;
  const walk = (schema: DiscoverySchema, value: unknown, path: string): DiscoveryViolation | undefined => {
    const resolved = schema.$ref ? schemas[schema.$ref]! : schema;
    const bad = (what: string) => ({ reason: 'badRequest' as const, message: `Invalid value at '${path}' (${what})`, location: path });
    if (resolved.type === 'object' || resolved.properties) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('TYPE_MESSAGE');
      for (const [key, child] of Object.entries(value)) {
        const property = resolved.properties?.[key] ?? resolved.additionalProperties;
        if (!property) {
          return {
            reason: 'badRequest',
            message: `Invalid JSON payload received. Unknown name "${key}" at '${path}': Cannot find field.`,
            location: path,
          };
        }
        const problem = walk(property, child, path === '' ? key : `${path}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    }
    if (resolved.type === 'array') {
      if (!Array.isArray(value)) return bad('TYPE_LIST');
      for (const [index, item] of value.entries()) {
        const problem = walk(resolved.items ?? {}, item, `${path}[${index}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    if (resolved.type === 'string') {
      // int64/uint64 and date-time travel as strings; numbers are accepted for int64 as Google does.
      if (typeof value !== 'string' && !(typeof value === 'number' && /int64/.test(resolved.format ?? ''))) return bad('TYPE_STRING');
      if (resolved.enum && typeof value === 'string' && !resolved.enum.includes(value)) return bad(`TYPE_ENUM: ${value}`);
    }
    if (resolved.type === 'boolean' && typeof value !== 'boolean') return bad('TYPE_BOOL');
    if ((resolved.type === 'integer' || resolved.type === 'number') && typeof value !== 'number') return bad('TYPE_NUMBER');
    return undefined;
  };
  return walk({ $ref: schemaName }, body, '');
}
