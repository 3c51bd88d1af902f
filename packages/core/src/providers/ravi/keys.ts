/**
 * Keys, least privilege. The management key comes from RAVI_HOOKS_MANAGEMENT_KEY (headless
 * CI) or, read only, from the user's `$HOME/.ravi/config.json` (written by `ravi auth login`;
 * we never write that file and never run `auth logout`, which deletes `~/.ravi`).
 *
 * ravi v0.6 reads keys only from `<cwd>/.ravi/config.json` or `$HOME/.ravi/config.json`, so
 * each call runs in a private temp dir (0700, under `<state>/tmp/`) holding a config with
 * exactly the key that call needs; HOME points there too, so the global file can never be
 * read or rewritten by the child. The dir is wiped afterwards, even on failure.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { makeTempDir, removeTree, writeSecretFile } from '../../io/files';
import { readRaviConfig } from '../../resolve/ravi-config';
import { homeDir } from '../../state/paths';

export type KeySource =
  | { key: string; from: 'env'; where: string }
  | { key: string; from: 'global'; where: string }
  | { key: null; from: 'none'; where: string; problem: string };

export const MANAGEMENT_KEY_ENV = 'RAVI_HOOKS_MANAGEMENT_KEY';

export function managementKey(env: NodeJS.ProcessEnv): KeySource {
  const fromEnv = env[MANAGEMENT_KEY_ENV];
  if (fromEnv && fromEnv.trim().length > 0)
    return { key: fromEnv.trim(), from: 'env', where: MANAGEMENT_KEY_ENV };
  const file = path.join(homeDir(env), '.ravi', 'config.json');
  try {
    const config = readRaviConfig(file);
    if (config?.management_key) return { key: config.management_key, from: 'global', where: file };
    const problem =
      config === null
        ? `${file} does not exist`
        : `${file} holds no management_key${config.identity_key ? ' (only an identity key)' : ''}`;
    return { key: null, from: 'none', where: file, problem };
  } catch {
    return { key: null, from: 'none', where: file, problem: `${file} is not valid JSON` };
  }
}

/** A ravi config as the CLI would write it; only the fields a call needs. */
export type KeyConfig = Partial<
  Record<'management_key' | 'identity_key' | 'identity_uuid' | 'identity_name', string>
>;

/**
 * Runs `fn(dir)` with `dir/.ravi/config.json` = `config` (0600). Pass `dir` as the child's
 * cwd and HOME. Removed afterwards whatever happens.
 */
export async function withKeyDir<T>(
  tmpParent: string,
  config: KeyConfig,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  await sweepOnce(tmpParent);
  const dir = await makeTempDir('ravi-', tmpParent);
  try {
    await writeSecretFile(path.join(dir, '.ravi', 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
    return await fn(dir);
  } finally {
    await removeTree(dir);
  }
}

/** A private empty dir (no `.ravi`) for calls that must not see any workspace config. */
export async function withEmptyDir<T>(tmpParent: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await makeTempDir('ravi-', tmpParent);
  try {
    return await fn(dir);
  } finally {
    await removeTree(dir);
  }
}

const STALE_MS = 60 * 60 * 1000;
const swept = new Set<string>();

/**
 * A process killed mid-call (kill -9, power loss) leaves its key dir behind. Once per process,
 * dirs older than an hour (far longer than any call with its retries) are removed.
 */
async function sweepOnce(tmpParent: string): Promise<void> {
  if (swept.has(tmpParent)) return;
  swept.add(tmpParent);
  let names: string[];
  try {
    names = await fsp.readdir(tmpParent);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names.filter((n) => n.startsWith('ravi-'))) {
    const dir = path.join(tmpParent, name);
    const stat = await fsp.lstat(dir).catch(() => null);
    if (stat?.isDirectory() && now - stat.mtimeMs > STALE_MS) await removeTree(dir).catch(() => undefined);
  }
}
