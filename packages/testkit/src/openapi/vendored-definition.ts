import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOpenApiValidator, type OpenApiValidator } from './openapi-validator.js';

// The vendored definitions live in the package's `definitions/` folder (shipped beside `dist`),
// found from this module: src/openapi/ when run from source, dist/ once built.
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

/** An OpenAPI document as the validator reads it, with its version. */
export type OpenApiDocument = Parameters<typeof createOpenApiValidator>[0] & { info: { version: string } };

/** One vendored definition, read and compiled on first use. */
export interface VendoredDefinition {
  /** The validator for the document. */
  validator(): OpenApiValidator;
  /** The document's `info.version`. */
  version(): string;
}

/**
 * A definition vendored under `definitions/<network>/openapi.json`, read and compiled on first
 * use. `adjust` may rewrite the parsed document before it is compiled (a published document's
 * known defect, explained where it is fixed); the file itself stays as published.
 *
 * @example
 * ```ts
 * const pinterest = vendoredDefinition('pinterest');
 * pinterest.version(); // '5.23.0'
 * pinterest.validator().has('POST', '/pins'); // true
 * ```
 */
export function vendoredDefinition(network: string, adjust?: (document: OpenApiDocument) => void): VendoredDefinition {
  let loaded: { document: OpenApiDocument; validator: OpenApiValidator } | undefined;
  const load = () => {
    if (!loaded) {
      const document = JSON.parse(readFileSync(join(packageRoot(), 'definitions', network, 'openapi.json'), 'utf8')) as OpenApiDocument;
      adjust?.(document);
      loaded = { document, validator: createOpenApiValidator(document) };
    }
    return loaded;
  };
  return { validator: () => load().validator, version: () => load().document.info.version };
}
