import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its function sits on `default` under some module loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

/** One way a request breaks its OpenAPI operation (X lists these in `errors[]`; Pinterest's answer names the first). */
export interface RequestViolation {
  /** The parameter or body field at fault, and the value sent (`{ 'post.fields': ['foo'] }`). */
  parameters: Record<string, unknown[]>;
  message: string;
}

/** A request as the validator reads it. */
export interface RequestToCheck {
  method: string;
  /** The operation's path template, as the document's `paths` key (`/2/tweets/{id}`, `/pins/{pin_id}`). */
  template: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  /** The `content-type` header, if any. */
  contentType: string | undefined;
  /** Parsed JSON, or form fields (multipart files as `{ filename, type, size }`), or undefined. */
  body: unknown;
  bodySize: number;
}

/** Checks requests and responses against the operations of one OpenAPI 3.0 document. */
export interface OpenApiValidator {
  /** Every violation of the operation `method template`; empty when the request is valid. */
  checkRequest(request: RequestToCheck): RequestViolation[];
  /** The schema errors of a response body (chosen by status and content type); empty when it conforms. */
  checkResponse(method: string, template: string, status: number, contentType: string, body: unknown): string[];
  /** Whether the document defines `method template`. */
  has(method: string, template: string): boolean;
  /** The operation a concrete request path falls under (literal paths before templated ones), with its path parameters. */
  operationFor(method: string, path: string): { template: string; params: Record<string, string> } | undefined;
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  explode?: boolean;
  style?: string;
  schema?: { type?: string; enum?: unknown[]; items?: { enum?: unknown[] }; minimum?: number; maximum?: number };
}
type Operation = {
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
/** The parts of an OpenAPI 3 document the validator reads: its paths and components. */
export type OpenApiPaths = { paths: Record<string, Record<string, unknown>>; components?: Record<string, Record<string, unknown>> };

const DOCUMENT_ID = 'openapi';

// OpenAPI 3.0's `nullable: true` beside `allOf`/`$ref` and no `type` (Pinterest's `Pin.creative_type`)
// means "this schema, or null"; Ajv only reads `nullable` next to a `type`, so such a schema is
// rewritten to `anyOf: [schema, { type: 'null' }]` in a copy of the document.
function normaliseNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normaliseNullable);
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, normaliseNullable(value)]));
  if (entries.nullable === true && entries.type === undefined) {
    const { nullable: _nullable, ...schema } = entries;
    return { anyOf: [schema, { type: 'null' }] };
  }
  return entries;
}
// A JSON pointer as a URI fragment: `~` and `/` escaped, then percent-encoded (`{id}`).
const pointer = (segments: string[]) =>
  segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

const fieldPath = (error: ErrorObject) =>
  error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return `has a field that is not allowed: [${String(params.additionalProperty)}]`;
  if (error.keyword === 'required') return `is missing the required field [${String(params.missingProperty)}]`;
  if (error.keyword === 'enum') return `is not one of [${(params.allowedValues as unknown[]).join(',')}]`;
  return error.message ?? error.keyword;
}

/**
 * Validates requests (path, query and body parameters) and responses against an OpenAPI 3.0
 * document with Ajv, the schemas used as the document states them (`additionalProperties`,
 * `minItems`/`maxItems`, `enum`, ranges, formats). Query arrays are read in the document's
 * `form` style (comma-separated unless `explode`); query and form values are strings on the
 * wire, so they are coerced to the schema's type before checking, JSON bodies are not.
 *
 * @example
 * ```ts
 * const validator = createOpenApiValidator(document);
 * validator.checkRequest({ method: 'POST', template: '/2/tweets', params: {}, query: {}, contentType: 'application/json', body: { text: 'hi', nope: 1 }, bodySize: 22 });
 * // → [{ parameters: { nope: [1] }, message: '…' }]
 * ```
 */
export function createOpenApiValidator(document: OpenApiPaths): OpenApiValidator {
  const options = { strict: false, allErrors: true, validateSchema: false } as const;
  const exact = new Ajv(options);
  // Wire strings (query, form fields) become the schema's type first; a lone value becomes an array.
  const coercing = new Ajv({ ...options, coerceTypes: 'array' });
  for (const ajv of [exact, coercing]) {
    addFormats(ajv);
    ajv.addSchema(normaliseNullable(document) as object, DOCUMENT_ID);
  }
  const cache = new Map<string, ValidateFunction>();
  const compile = (ajv: Ajv, segments: string[]) => {
    const key = `${ajv === exact ? 'e' : 'c'}:${segments.join('\u0000')}`;
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer(segments)}` });
      cache.set(key, validate);
    }
    return validate;
  };

  // Literal paths first, so `/2/users/me` is not read as `/2/users/{id}`.
  const matchers = Object.keys(document.paths)
    .map((template) => {
      const names = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      const source = template
        .split(/\{[^}]+\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('([^/]+)');
      return { template, names, regex: new RegExp(`^${source}$`) };
    })
    .sort((a, b) => a.names.length - b.names.length);

  const operationOf = (method: string, template: string) => document.paths[template]?.[method.toLowerCase()] as Operation | undefined;

  // Parameters with where they live in the document (a `$ref` to components or inline).
  const parametersOf = (method: string, template: string) =>
    (operationOf(method, template)?.parameters ?? []).map((entry, index) => {
      if ('$ref' in entry) {
        const segments = entry.$ref.replace(/^#\//, '').split('/');
        const resolved = segments.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], document) as Parameter;
        return { parameter: resolved, at: [...segments, 'schema'] };
      }
      return { parameter: entry, at: ['paths', template, method.toLowerCase(), 'parameters', String(index), 'schema'] };
    });

  function checkParameter(parameter: Parameter, at: string[], raw: string | string[]): RequestViolation[] {
    const values = Array.isArray(raw) ? raw : [raw];
    const isArray = parameter.schema?.type === 'array';
    const value = isArray
      ? parameter.explode === false
        ? values.flatMap((entry) => entry.split(','))
        : values
      : values[values.length - 1];
    const validate = compile(coercing, at);
    // Coercion rewrites its input; check a copy so the message shows what was sent.
    const holder = { value: Array.isArray(value) ? [...value] : value };
    if (validate(holder.value)) return [];
    const sent = Array.isArray(value) ? value : [value];
    const allowed = parameter.schema?.items?.enum ?? parameter.schema?.enum;
    const errors = validate.errors ?? [];
    const offending = allowed ? sent.filter((entry) => !allowed.includes(entry)) : sent;
    let message: string;
    if (allowed && errors.some((error) => error.keyword === 'enum')) {
      message = `The \`${parameter.name}\` query parameter value [${offending.join(',')}] is not one of [${allowed.join(',')}]`;
    } else if (parameter.schema?.minimum !== undefined && parameter.schema.maximum !== undefined && !isArray) {
      message = `The \`${parameter.name}\` query parameter value [${sent.join(',')}] is not between ${parameter.schema.minimum} and ${parameter.schema.maximum}`;
    } else {
      message = `The \`${parameter.name}\` ${parameter.in} parameter value [${sent.join(',')}] ${errors.map(describe).join('; ')}`;
    }
    return [{ parameters: { [parameter.name]: offending.length > 0 ? offending : sent }, message }];
  }

  function checkBody(request: RequestToCheck, operation: Operation): RequestViolation[] {
    const body = operation.requestBody;
    const mediaType = request.contentType?.split(';')[0]?.trim().toLowerCase();
    if (!body) {
      return request.bodySize > 0 ? [{ parameters: { body: [] }, message: 'This endpoint takes no request body' }] : [];
    }
    if (request.body === undefined) {
      return body.required ? [{ parameters: { body: [] }, message: 'The request body is required' }] : [];
    }
    if (!mediaType || !(mediaType in body.content)) {
      return [
        {
          parameters: { 'content-type': [mediaType ?? ''] },
          message: `The request body content type [${mediaType ?? ''}] is not one of [${Object.keys(body.content).join(',')}]`,
        },
      ];
    }
    const form = mediaType === 'multipart/form-data' || mediaType === 'application/x-www-form-urlencoded';
    // A file part stands for its bytes (`format: binary`).
    const value = form
      ? Object.fromEntries(
          Object.entries(request.body as Record<string, unknown>).map(([name, entry]) => [
            name,
            entry && typeof entry === 'object' && 'size' in entry ? 'binary' : entry,
          ]),
        )
      : request.body;
    const segments = ['paths', request.template, request.method.toLowerCase(), 'requestBody', 'content', mediaType, 'schema'];
    const validate = compile(form ? coercing : exact, segments);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => {
      const path = fieldPath(error);
      const name =
        error.keyword === 'additionalProperties'
          ? [path, (error.params as { additionalProperty: string }).additionalProperty].filter(Boolean).join('.')
          : error.keyword === 'required'
            ? [path, (error.params as { missingProperty: string }).missingProperty].filter(Boolean).join('.')
            : path || 'body';
      const sent =
        name === 'body' ? undefined : name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], value);
      return { parameters: { [name]: sent === undefined ? [] : [sent] }, message: `$${path ? `.${path}` : ''} ${describe(error)}` };
    });
  }

  return {
    has: (method, template) => operationOf(method, template) !== undefined,

    operationFor(method, path) {
      for (const { template, names, regex } of matchers) {
        const match = regex.exec(path);
        if (!match || !operationOf(method, template)) continue;
        return { template, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)])) };
      }
      return undefined;
    },

    checkRequest(request) {
      const operation = operationOf(request.method, request.template);
      if (!operation) return [{ parameters: {}, message: `${request.method} ${request.template} is not an operation of this API` }];
      const parameters = parametersOf(request.method, request.template);
      const violations: RequestViolation[] = [];
      const known = parameters.filter(({ parameter }) => parameter.in === 'query').map(({ parameter }) => parameter.name);
      for (const name of Object.keys(request.query)) {
        if (!known.includes(name)) {
          violations.push({
            parameters: { [name]: [request.query[name]].flat() },
            message: `The query parameter [${name}] is not one of [${known.join(',')}]`,
          });
        }
      }
      for (const { parameter, at } of parameters) {
        const raw =
          parameter.in === 'query' ? request.query[parameter.name] : parameter.in === 'path' ? request.params[parameter.name] : undefined;
        if (parameter.in !== 'query' && parameter.in !== 'path') continue;
        if (raw === undefined || raw === '') {
          if (parameter.required) {
            violations.push({
              parameters: { [parameter.name]: [] },
              message: `The \`${parameter.name}\` ${parameter.in} parameter is missing`,
            });
          }
          continue;
        }
        violations.push(...checkParameter(parameter, at, raw));
      }
      violations.push(...checkBody(request, operation));
      return violations;
    },

    checkResponse(method, template, status, contentType, body) {
      const operation = operationOf(method, template);
      if (!operation) return [`${method} ${template} is not an operation of this API`];
      const key = String(status) in operation.responses ? String(status) : 'default';
      const response = operation.responses[key];
      if (!response) return [`the document defines no ${status} answer for ${method} ${template}`];
      if (!response.content) return body === undefined || body === null ? [] : [`a ${status} answer has no body`];
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      if (!(mediaType in response.content)) return [`content type ${mediaType} is not one of ${Object.keys(response.content).join(', ')}`];
      const validate = compile(exact, ['paths', template, method.toLowerCase(), 'responses', key, 'content', mediaType, 'schema']);
      return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${describe(error)}`);
    },
  };
}
