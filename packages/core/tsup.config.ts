// The shared package build (see tsup.shared.ts at the repository root), plus one thing only core
// needs: papaparse is bundled, because its CommonJS file requires Node's `stream` for a reading mode
// smm never uses (Papa.NODE_STREAM_INPUT), and that one require keeps `@smm/core/calendar` from
// bundling for a neutral platform (browsers, workers, edge runtimes). The require is answered with a
// `Duplex` that says so if it is ever constructed.
import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

const papaparseWithoutNodeStream: Plugin = {
  name: 'papaparse-without-node-stream',
  setup(build) {
    build.onResolve({ filter: /^stream$/ }, (args) =>
      /[\\/]papaparse[\\/]/.test(args.importer) ? { path: 'stream', namespace: 'papaparse-no-node-stream' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'papaparse-no-node-stream' }, () => ({
      loader: 'js',
      contents:
        "module.exports = { Duplex: function Duplex() { throw new Error('smm bundles papaparse without Node streams: Papa.NODE_STREAM_INPUT is not supported'); } };",
    }));
  },
};

export default defineConfig(() => ({
  ...packageBuild(),
  noExternal: ['papaparse'],
  esbuildPlugins: [papaparseWithoutNodeStream],
}));
