import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { cliPath } from '../support/cli';
import { type Sandbox, sandbox } from '../support/env';
import { shuffle, start, workspaces } from './support';

const sinks: ChildProcess[] = [];
afterEach(() => {
  for (const sink of sinks.splice(0)) sink.kill('SIGTERM');
});

/** Starts `ravi-hooks local smtp --port 0` and resolves with its port (from the first line). */
function startSink(sb: Sandbox): Promise<number> {
  const child = spawn(process.execPath, [cliPath, 'local', 'smtp', '--port', '0'], {
    env: { ...process.env, ...sb.env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  sinks.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = /^listening on 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (line) resolve(Number(line[1]));
    });
    child.on('exit', (code) => reject(new Error(`sink exited ${code}: ${out}`)));
  });
}

describe('ravi-hooks local smtp', () => {
  it('4 waiters each get their own code from mail sent by a real SMTP client, decoys and all', async () => {
    const sb = sandbox();
    const agents = await workspaces(sb, 5);
    const [other, ...waiting] = agents;
    if (!other) throw new Error('no workspaces');
    const port = await startSink(sb);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
    const since = new Date().toISOString();
    const waiters = waiting.map((a) =>
      start(['otp', '--wait', '--timeout', '60', '--since', since], { cwd: a.dir, env: sb.env }),
    );
    const codes = waiting.map((_, i) => String(710000 + i * 1111));
    await transport.sendMail({
      from: 'Acme <no-reply@acme.example>',
      to: other.email,
      subject: 'Acme code',
      text: 'Your Acme code is 999999',
    });
    const mails = waiting.flatMap((a, i) => [
      {
        from: 'Acme <no-reply@acme.example>',
        to: a.email,
        subject: 'Welcome',
        text: 'Thanks for joining Acme.',
      },
      {
        from: 'Acme <no-reply@acme.example>',
        to: a.email,
        subject: 'Your Acme verification code',
        html: `<p>Hi,</p><p>Your verification code is <b>${codes[i]}</b>. It expires in 10 minutes.</p><p>© 2025 Acme Inc, 1 Main St, Austin, TX 78701</p>`,
      },
    ]);
    await Promise.all(shuffle(mails).map((mail) => transport.sendMail(mail)));
    const results = await Promise.all(waiters.map((w) => w.done));
    expect(results.map((r) => r.stdout)).toEqual(codes.map((c) => `${c}\n`));
    transport.close();
  }, 60_000);

  it('refuses unknown recipients (550), 10 MB messages (552) and garbage, and keeps running', async () => {
    const sb = sandbox();
    const [a] = await workspaces(sb, 1);
    if (!a) throw new Error('no workspace');
    const port = await startSink(sb);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false });
    await expect(
      transport.sendMail({ from: 'x@acme.example', to: 'nobody@ravi-local.invalid', text: 'hi' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      transport.sendMail({ from: 'x@acme.example', to: a.email, text: 'x'.repeat(10 * 1024 * 1024) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (d) => {
        text += d.toString();
      });
      socket.on('error', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.write(Buffer.from([0, 1, 2, 255, 254, 13, 10]));
      socket.end('NONSENSE\r\nDATA\r\n\r\n.\r\n');
    });
    expect(reply).toMatch(/^(?:220|421|5\d\d)/m);
    const ok = await transport.sendMail({
      from: 'x@acme.example',
      to: a.email,
      subject: 'still up',
      text: 'Code 5150',
    });
    expect(ok.accepted).toEqual([a.email]);
    transport.close();
  }, 60_000);
});
