import { defineConfig } from 'tsdown';

// NOTE: workspace packages are bundled from their TypeScript sources (the `source`
// condition); third-party dependencies stay external and load lazily per command, which
// keeps `ravi-hooks which` well under 100 ms when it runs inside a git hook.
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  dts: false,
  sourcemap: false,
  deps: {
    alwaysBundle: [/^@ravi-hooks\//],
    // cosmiconfig loads TypeScript only for a trusted .ts config; never bundle the compiler
    neverBundle: ['typescript'],
  },
  inputOptions: { resolve: { conditionNames: ['source', 'import', 'default'] } },
});
