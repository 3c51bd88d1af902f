import { InvalidArgumentError } from 'commander';
import type { Register } from './index';
import { common } from './shared';

export const registerLocal: Register = (program, contextFor) => {
  const local = program.command('local').description("the local provider's offline mail and SMS loop");
  common(
    local
      .command('smtp')
      .description('run an SMTP sink on 127.0.0.1 that delivers mail to local identities (foreground)')
      .option('--port <n>', 'port to listen on; 0 picks a free one', port, 2525),
  ).action(async (opts: { port: number }, cmd) => {
    const ctx = contextFor(cmd);
    const { resolveStateDir, startSmtpSink } = await import('@ravi-hooks/core');
    const sink = await startSmtpSink({
      stateDir: resolveStateDir(ctx.env),
      port: opts.port,
      onMessage: (m) => ctx.out.info(`${m.receivedAt} ${m.from} -> ${m.to}: ${m.subject ?? '(no subject)'}`),
    });
    // NOTE: the first stdout line is the contract scripts wait for (the port may be random)
    ctx.out.result({ host: sink.host, port: sink.port }, () => `listening on ${sink.host}:${sink.port}`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await sink.close();
  });
  common(
    local
      .command('deliver')
      .description("put one email (or SMS, to a phone number) into a local identity's inbox")
      .requiredOption('--to <address>', 'email address or phone number of a local identity')
      .option('--from <sender>', 'sender address or number')
      .option('--subject <text>', 'subject (email only)')
      .requiredOption('--body <text>', 'the message text, or - to read it from stdin'),
  ).action(async (opts: { to: string; from?: string; subject?: string; body: string }, cmd) => {
    const ctx = contextFor(cmd);
    const { deliver } = await import('@ravi-hooks/core');
    const body = opts.body === '-' ? await readStdin() : opts.body;
    const message = await deliver(
      {
        to: opts.to,
        body,
        ...(opts.from === undefined ? {} : { from: opts.from }),
        ...(opts.subject === undefined ? {} : { subject: opts.subject }),
      },
      { env: ctx.env },
    );
    ctx.out.result(message, () => `delivered ${message.channel} ${message.id} to ${message.to}`);
  });
};

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port from 0 to 65535');
  return n;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
