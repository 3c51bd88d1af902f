import type { Register } from './index';
import { common, positiveInt, table } from './shared';

export const registerInbox: Register = (program, contextFor) => {
  common(
    program
      .command('inbox')
      .description("this workspace's received email and SMS, newest first (resolved like `which`)")
      .argument('[dir]', 'directory to resolve from', '.')
      .option('--limit <n>', 'at most this many messages', positiveInt, 20),
  ).action(async (dir: string, opts: { limit: number }, cmd) => {
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { readInbox } = await import('@ravi-hooks/core');
    const result = await readInbox(path.resolve(ctx.cwd, dir), { env: ctx.env, limit: opts.limit });
    ctx.out.result(result.messages, () => {
      if (result.messages.length === 0) return `no messages for ${result.name} (${result.uuid})`;
      const rows = result.messages.map((m) => [
        m.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
        m.channel,
        m.from,
        oneLine(m.subject ?? m.body.trim().split('\n')[0] ?? ''),
      ]);
      return table(['received', 'channel', 'from', 'subject or first line'], rows);
    });
  });
};

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}
