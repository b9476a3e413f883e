// The shared package build (tsup.shared.ts at the repository root), with tsup's shims: the X
// simulator finds its vendored definitions/ from `import.meta.url`, which the CommonJS build needs shimmed.
import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

export default defineConfig(() => ({ ...packageBuild(), shims: true }));
