import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOpenApiValidator, type OpenApiValidator, type RequestViolation } from './openapi-validator.js';

// The vendored definitions live in the package's `definitions/` folder (shipped beside `dist`),
// found from this module: src/x/ when run from source, dist/ once built.
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

type Document = Parameters<typeof createOpenApiValidator>[0] & { info: { version: string } };
let loaded: { document: Document; validator: OpenApiValidator } | undefined;

function load() {
  if (!loaded) {
    const document = JSON.parse(readFileSync(join(packageRoot(), 'definitions', 'x', 'openapi.json'), 'utf8')) as Document;
    loaded = { document, validator: createOpenApiValidator(document) };
  }
  return loaded;
}

/**
 * X's published OpenAPI document (the paths the simulator serves, vendored from
 * xdevplatform/xdk `specs/openapi.json`; see `definitions/README.md`) as a validator, read and
 * compiled on first use.
 *
 * @example
 * ```ts
 * xOpenApi().checkRequest({ method: 'POST', template: '/2/tweets', params: {}, query: {}, contentType: 'application/json', body: { text: 'hi' }, bodySize: 15 }); // []
 * ```
 */
export function xOpenApi(): OpenApiValidator {
  return load().validator;
}

/**
 * The version of X's OpenAPI document the simulator is held to (`info.version`).
 *
 * @example
 * ```ts
 * xOpenApiVersion(); // '2.167'
 * ```
 */
export function xOpenApiVersion(): string {
  return load().document.info.version;
}

/**
 * X's answer to a request that breaks its definition: 400, `application/problem+json`, an
 * `InvalidRequestProblem` (`type`, `title`, `detail`) carrying one `errors[]` entry per
 * violation (`parameters` + `message`), as X's response-codes page and its API show. @internal
 */
export function invalidRequestBody(violations: readonly RequestViolation[]) {
  return {
    errors: violations.map((violation) => ({ parameters: violation.parameters, message: violation.message })),
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.x.com/2/problems/invalid-request',
  };
}
