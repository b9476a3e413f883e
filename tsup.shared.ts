import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/**
 * The build every package shares (each package's `tsup.config.ts` re-exports it; tsup runs in
 * the package's folder). Every folder under `src/` with an `index.ts` is a public subpath
 * (`@smm/<package>/<folder>`); the package.json `exports` map must list the same folders
 * (scripts/lint-packages.mjs checks).
 */
export function packageBuild(): Options {
  const modules = readdirSync('src', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/index.ts`))
    .map((entry) => entry.name);
  return {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(modules.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    // tsup's declaration build sets baseUrl, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    // One copy of each class across subpaths, in both formats, so `instanceof` holds too.
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    treeshake: true,
  };
}

export default defineConfig(packageBuild);
