import { InvalidArgumentError } from 'commander';
import type { Register } from './index';
import { common } from './shared';

interface OtpFlags {
  wait?: boolean;
  timeout: number;
  channel?: 'email' | 'sms';
  from?: string;
  since?: string;
  link?: boolean;
}

export const registerOtp: Register = (program, contextFor) => {
  common(
    program
      .command('otp')
      .description(
        'print the one-time code (or --link) from this workspace’s newest message; --wait for the next one',
      )
      .argument('[dir]', 'directory to resolve from', '.')
      .option('--wait', 'block until a message with a code arrives after the command started')
      .option('--timeout <seconds>', 'give up waiting after this long (exit 1)', seconds, 120)
      .option(
        '--since <time>',
        'window start: ISO-8601 time or span (90s, 10m); default now with --wait, else 10m',
      )
      .option('--channel <channel>', 'only email or only sms', channel)
      .option('--from <pattern>', 'only senders containing this text (case-insensitive)')
      .option('--link', 'the verification link instead of a code'),
  ).action(async (dir: string, opts: OtpFlags, cmd) => {
    // NOTE: the window and the deadline count from the process start, not from here: a code
    // delivered while the CLI loads is this command's code, and --timeout is the wall time
    const started = performance.timeOrigin;
    const ctx = contextFor(cmd);
    const path = await import('node:path');
    const { otp, parseSince } = await import('@ravi-hooks/core');
    const result = await otp(path.resolve(ctx.cwd, dir), {
      env: ctx.env,
      wait: Boolean(opts.wait),
      deadline: started + opts.timeout * 1000,
      ...(opts.since === undefined
        ? opts.wait
          ? { since: new Date(started).toISOString() }
          : {}
        : { since: parseSince(opts.since) }),
      ...(opts.channel === undefined ? {} : { channel: opts.channel }),
      ...(opts.from === undefined ? {} : { from: opts.from }),
      link: Boolean(opts.link),
    });
    const what = opts.link ? 'link' : 'code';
    if (result.found) {
      const m = result.found.message;
      ctx.out.result(
        {
          [what]: result.found.value,
          channel: m.channel,
          from: m.from,
          subject: m.subject,
          receivedAt: m.receivedAt,
          messageId: m.id,
        },
        () => result.found?.value ?? '',
      );
      return;
    }
    const without = `${result.withoutValue} message${result.withoutValue === 1 ? '' : 's'} without a ${what}`;
    process.stderr.write(
      opts.wait
        ? `ravi-hooks: no ${what} arrived for ${result.name} within ${opts.timeout} s (${without})\n`
        : `ravi-hooks: no ${what} for ${result.name} in messages since ${opts.since ?? '10m'} (${without}; --wait waits for the next one)\n`,
    );
    if (ctx.out.json) {
      ctx.out.result(
        {
          [what]: null,
          timedOut: Boolean(opts.wait),
          timeoutSeconds: opts.wait ? opts.timeout : null,
          messagesSeen: result.seen,
          messagesWithoutCode: result.withoutValue,
        },
        () => '',
      );
    }
    process.exitCode = 1;
  });
};

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number of seconds above 0');
  return n;
}

function channel(value: string): 'email' | 'sms' {
  if (value !== 'email' && value !== 'sms') throw new InvalidArgumentError('expected email or sms');
  return value;
}
