import { defineConfig } from 'vitest/config';

// NOTE: the `source` condition makes workspace packages resolve to their TypeScript
// sources, so `pnpm test` needs no build step (better-auth's `dev-source` trick).
const conditions = ['source', 'import', 'module', 'node', 'default'];

/**
 * In-process tests: no CLI bundle, no CLI or emulator processes (git and sh at most), so they need
 * no build and finish in seconds (`pnpm test:fast`). Everything else runs the built CLI or
 * the ravi emulator as real processes (`pnpm test` runs both projects).
 */
const fast = [
  'packages/core/test/**/*.test.ts',
  'packages/cli/test/**/*.test.ts',
  'adapters/*/test/**/*.test.ts',
  'test/adapters/engine.test.ts',
  'test/readme/markdown.test.ts',
  'test/ci/run.test.ts',
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    exclude: ['**/node_modules/**', 'test/stress/**'],
    // NOTE: generous defaults for a busy 2-core machine (two suites side by side); tests that
    // spawn many processes set their own budget from what they spawn (test/support/cli.ts).
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      { extends: true, test: { name: 'fast', include: fast } },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/node_modules/**', 'test/stress/**', ...fast],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
