#!/usr/bin/env node
// Thin launcher: the real program is the bundle built by `pnpm build` (tsdown).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write(
    'ravi-hooks: the CLI is not built yet (run `pnpm build` in the ravi-hooks checkout)\n',
  );
  process.exit(3);
}
await import(bundle.href);
