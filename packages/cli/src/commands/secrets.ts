import type { Register } from './index';
import { common } from './shared';

export const registerSecrets: Register = (program, contextFor) => {
  const secrets = program.command('secrets').description("the workspace identity's secrets vault");
  common(
    secrets
      .command('list')
      .description('list the secrets of the identity that applies in DIR (values hidden unless --show)')
      .argument('[dir]', 'directory to resolve from', '.')
      .option('--show', 'print the values too'),
  ).action(async (dir: string, opts: { show?: boolean }, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { listSecrets } = await import('@ravi-hooks/core');
    const result = await listSecrets(path.resolve(ctx.cwd, dir), { env: ctx.env });
    const keys = Object.keys(result.secrets).sort();
    // NOTE: values only with --show, in every format: `--json` output ends up in CI logs too
    const data = {
      workspace: result.workspace,
      uuid: result.uuid,
      keys,
      ...(opts.show ? { secrets: result.secrets } : {}),
    };
    ctx.out.result(data, () => {
      if (keys.length === 0) return `no secrets for ${result.uuid}`;
      return keys.map((k) => (opts.show ? `${k}=${result.secrets[k]}` : k)).join('\n');
    });
  });
  common(
    secrets
      .command('set')
      .description('create or update a secret; VALUE "-" reads it from stdin (keeps it out of ps)')
      .argument('<key>', 'upper-case key, e.g. STRIPE_TEST_KEY')
      .argument('<value>', 'the value, or - for stdin')
      .option('--dir <dir>', 'directory to resolve from', '.'),
  ).action(async (key: string, value: string, opts: { dir: string }, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { setSecret } = await import('@ravi-hooks/core');
    const secret = value === '-' ? (await readStdin()).replace(/\r?\n$/, '') : value;
    const result = await setSecret(path.resolve(ctx.cwd, opts.dir), key, secret, { env: ctx.env });
    ctx.out.result(result, () => `set ${result.key} for ${result.uuid}`);
  });
  common(
    secrets
      .command('export')
      .description("write the identity's secrets into a marked block of DIR/.env.local (0600, git-excluded)")
      .argument('[dir]', 'directory to resolve from', '.'),
  ).action(async (dir: string, _opts, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { exportSecrets } = await import('@ravi-hooks/core');
    const result = await exportSecrets(path.resolve(ctx.cwd, dir), { env: ctx.env });
    ctx.out.result(result, () => `wrote ${result.keys.length} secret(s) to ${result.file}`);
  });
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
