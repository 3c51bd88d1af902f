/**
 * `ravi-hooks local smtp`: an SMTP sink on loopback that puts mail for local identities into
 * their inboxes, so an app under test can send real sign-up mail offline. smtp-server speaks
 * the protocol (and survives garbage); mailparser turns MIME into subject and text.
 */
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { createLocalProvider } from '../providers/local/index';
import type { InboxMessage } from '../providers/types';
import { findRecipient, type Recipient } from './recipient';
import { localInbox } from './store';

export interface SmtpSinkOptions {
  stateDir: string;
  /** 0 picks a free port. @default 2525 */
  port?: number;
  /** Larger messages are refused with 552 (verification mail is a few kB). @default 5 MiB */
  maxBytes?: number;
  /** Called after each stored message (the CLI logs it). */
  onMessage?: (message: InboxMessage) => void;
}

export interface SmtpSink {
  host: string;
  port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

export async function startSmtpSink(options: SmtpSinkOptions): Promise<SmtpSink> {
  // NOTE: loaded here, not at the top: these are only needed by this one long-running command
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const provider = createLocalProvider({ stateDir: options.stateDir, env: {}, settings: {} });
  const inbox = localInbox(options.stateDir);
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const recipient = async (address: string): Promise<Recipient | null> =>
    findRecipient(await provider.list(), address);

  const server = new SMTPServer({
    banner: 'ravi-hooks local sink',
    size: maxBytes,
    // NOTE: no TLS on loopback, and any AUTH is accepted, so apps configured with a user
    // and password (as in production) can send here unchanged
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'local' }),
    logger: false,
    onRcptTo(address, _session, callback) {
      recipient(address.address).then(
        (r) =>
          callback(
            r?.channel === 'email' ? null : smtpError(550, `5.1.1 <${address.address}>: no local identity`),
          ),
        (error: unknown) => callback(smtpError(451, `4.3.0 ${(error as Error).message}`)),
      );
    },
    onData(stream, session, callback) {
      receive(stream, maxBytes)
        .then(async (raw) => {
          if (raw === null) throw smtpError(552, `5.3.4 message larger than ${maxBytes} bytes`);
          const mail = await simpleParser(raw);
          const body = (mail.text ?? '').trim();
          const subject = mail.subject?.trim() || null;
          if (body === '' && subject === null) throw smtpError(554, '5.6.0 no subject and no text');
          const from = mail.from?.text || (session.envelope.mailFrom || null)?.address || '';
          for (const rcpt of session.envelope.rcptTo) {
            const r = await recipient(rcpt.address);
            if (r === null) continue; // deleted between RCPT and DATA
            const stored = await inbox.add(r.identity.uuid, {
              channel: 'email',
              from,
              to: r.to,
              subject,
              body,
            });
            options.onMessage?.(stored);
          }
        })
        .then(
          () => callback(),
          (error: unknown) => callback(error as Error),
        );
    },
  });
  server.on('error', () => undefined); // a broken client connection must not end the sink

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 2525, HOST, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: HOST,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The whole message, or null once it passes `maxBytes` (the rest is read and dropped). */
async function receive(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes || (stream as Readable & { sizeExceeded?: boolean }).sizeExceeded
    ? null
    : Buffer.concat(chunks);
}
