import { defineConfig } from 'vitest/config';

// NOTE: same resolution as vitest.config.ts (workspace packages from their TypeScript
// sources, the CLI bundle built once by the global setup). Files run one after another:
// each already spawns dozens of processes, and two suites at once on two cores would
// turn crash timings into noise. Size: RAVI_HOOKS_STRESS_SIZE=small|full (default full).
const conditions = ['source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/stress/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['test/stress/support/global-setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
