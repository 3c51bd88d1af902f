#!/usr/bin/env node
// `pnpm pack:cli [DEST]`: the `ravi-hooks` npm package, as a tarball in DEST (default: the cwd).
//
// NOTE: the CLI bundle (packages/cli/dist) holds every @ravi-hooks/* workspace package and
// every npm dependency, so the published package needs none: its manifest is packages/cli's
// minus the development fields (scripts, devDependencies with their `workspace:` ranges,
// private). The package is staged in a temp directory and packed there with `npm pack`, so
// what a user installs is exactly what this script checks.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli');
const dest = path.resolve(process.argv[2] ?? '.');

const KEEP = [
  'name',
  'version',
  'description',
  'type',
  'license',
  'keywords',
  'repository',
  'homepage',
  'engines',
  'bin',
  'files',
  'peerDependencies',
  'peerDependenciesMeta',
];

const source = JSON.parse(readFileSync(path.join(cli, 'package.json'), 'utf8'));
if (Object.keys(source.dependencies ?? {}).length > 0) {
  console.error(
    `pack: packages/cli has runtime "dependencies" (${Object.keys(source.dependencies).join(', ')}); the bundle must hold them: move them to devDependencies`,
  );
  process.exit(1);
}
// NOTE: RAVI_HOOKS_PACK_DIST packs another build of the same sources (the test run's private
// bundle), so a test can pack without a `pnpm build` swapping dist/ under parallel runs
const dist = path.resolve(process.env.RAVI_HOOKS_PACK_DIST || path.join(cli, 'dist'));
if (!existsSync(path.join(dist, 'cli.mjs'))) {
  console.error(`pack: ${path.join(dist, 'cli.mjs')} is missing: run \`pnpm build\` first`);
  process.exit(1);
}
const manifest = Object.fromEntries(KEEP.filter((key) => key in source).map((key) => [key, source[key]]));

const stage = mkdtempSync(path.join(os.tmpdir(), 'ravi-hooks-pack-'));
try {
  for (const entry of source.files) {
    const from = entry === 'dist' ? dist : path.join(cli, entry);
    cpSync(from, path.join(stage, entry), { recursive: true, filter: (file) => !file.endsWith('.map') });
  }
  cpSync(path.join(root, 'README.md'), path.join(stage, 'README.md'));
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
    cwd: stage,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [{ filename }] = JSON.parse(out);
  console.log(path.join(dest, filename));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
