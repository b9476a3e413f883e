// The shared package build (see tsup.shared.ts at the repository root), plus what only core needs:
// two dependencies are bundled into core so that every subpath bundles for a neutral platform
// (browsers, workers, edge runtimes) and loads from CommonJS too:
// - papaparse, whose CommonJS file requires Node's `stream` for a reading mode smm never uses
//   (Papa.NODE_STREAM_INPUT): that require is answered with a `Duplex` that says so if constructed;
// - file-type (ESM only; its runtime-neutral `file-type/core` entry) with its tokenizer packages,
//   whose zip reader logs through `debug`, a Node-flavoured package: answered with a logger that
//   is always off.
// - fastest-levenshtein (the did-you-mean distance for unknown option keys), whose package has
//   `main`/`module` but no `exports`: a neutral-platform bundler finds no entry in it.
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

const STUBS: Array<{ module: string; importer: RegExp; contents: string }> = [
  {
    module: 'stream',
    importer: /[\\/]papaparse[\\/]/,
    contents:
      "module.exports = { Duplex: function Duplex() { throw new Error('smm bundles papaparse without Node streams: Papa.NODE_STREAM_INPUT is not supported'); } };",
  },
  {
    module: 'debug',
    importer: /[\\/]@tokenizer[\\/]inflate[\\/]/,
    contents: 'module.exports = function debug() { const log = function () {}; log.enabled = false; return log; };',
  },
];

const stubModules: Plugin = {
  name: 'smm-stub-modules',
  setup(build) {
    for (const stub of STUBS) {
      const filter = new RegExp(`^${stub.module}$`);
      build.onResolve({ filter }, (args) => (stub.importer.test(args.importer) ? { path: stub.module, namespace: 'smm-stub' } : undefined));
    }
    build.onLoad({ filter: /.*/, namespace: 'smm-stub' }, (args) => ({
      loader: 'js',
      contents: STUBS.find((stub) => stub.module === args.path)!.contents,
    }));
  },
};

export default defineConfig(() => ({
  ...packageBuild(),
  noExternal: [
    'fastest-levenshtein',
    'papaparse',
    'file-type',
    '@tokenizer/inflate',
    '@tokenizer/token',
    'strtok3',
    'token-types',
    'uint8array-extras',
  ],
  esbuildPlugins: [stubModules],
}));
