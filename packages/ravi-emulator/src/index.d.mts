// Lets TypeScript resolve a relative `import … from '../src/index.mjs'` (tests) to the
// declarations in index.d.ts; package consumers get index.d.ts through the export map.
export * from './index.js';
