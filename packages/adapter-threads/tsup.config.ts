// The shared package build: see tsup.shared.ts at the repository root.
export { default } from '../../tsup.shared.js';
