import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsdown';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
// NOTE: everything the CLI imports is bundled, so the published package has no dependencies
// at all: `npm install -g` works offline from the tarball and never sees a `workspace:` range.
const bundled = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((d) => d !== 'tsdown');
const literal = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// NOTE: workspace packages are bundled from their TypeScript sources (the `source`
// condition), and so are the third-party dependencies: loading them as separate packages
// (zod and execa are hundreds of small ES modules each, resolved and compiled one by one)
// cost ~150 ms per process, twice the whole budget of a git hook (bench/, docs/performance.md).
// Commands still load their code lazily, per chunk, so `ravi-hooks which` stays small.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  dts: false,
  sourcemap: false,
  // NOTE: half the bytes to parse on every start (1.25 MB → 0.6 MB), ~10 ms of a git hook's
  // 150 ms budget; errors carry their own names and messages, never a stack, to users
  minify: true,
  deps: {
    alwaysBundle: [/^@ravi-hooks\//, ...bundled.map((d) => new RegExp(`^${literal(d)}(/|$)`))],
    // cosmiconfig loads TypeScript only for a trusted .ts config; never bundle the compiler
    neverBundle: ['typescript'],
  },
  define: { RAVI_HOOKS_VERSION: JSON.stringify(pkg.version) },
  inputOptions: { resolve: { conditionNames: ['source', 'import', 'default'] } },
});
