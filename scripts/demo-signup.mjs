// The demo's sign-up part: a tiny web service on loopback that emails a fresh code to each
// new account through `ravi-hooks local smtp` (nodemailer, a real SMTP client), and four
// agents, one per worktree, signing up at the same moment. Each agent runs the agent-side
// one-liner from the README and must read its own code, never another agent's.
import { execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** What each agent runs in its worktree (through `ravi-hooks exec`, which sets $RAVI_EMAIL). */
export const AGENT_SCRIPT =
  'T=$(date -u +%Y-%m-%dT%H:%M:%SZ); node "$SIGNUP" "$RAVI_EMAIL" && ravi-hooks otp --wait --since "$T" --timeout 60';

export async function signupDemo({ cli, env, base, trees }) {
  const sink = await startSink(cli, env);
  const mailer = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false });
  const issued = new Map();
  const service = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', async () => {
      try {
        const { email } = JSON.parse(body);
        const code = String(randomInt(100000, 1000000));
        issued.set(email, code);
        await mailer.sendMail({
          from: 'Acme <no-reply@acme.example>',
          to: email,
          subject: 'Confirm your Acme account',
          html: `<p>Welcome to Acme!</p><p>Your verification code is <b>${code}</b>. It expires in 10 minutes.</p><p>Acme Inc, 1 Main St, Austin, TX 78701</p>`,
        });
        res.writeHead(202).end();
      } catch (error) {
        res.writeHead(500).end(String(error.message));
      }
    });
  });
  await new Promise((resolve) => service.listen(0, '127.0.0.1', resolve));
  const signup = path.join(base, 'signup.mjs');
  writeFileSync(
    signup,
    `const r = await fetch(${JSON.stringify(`http://127.0.0.1:${service.address().port}/signup`)}, { method: 'POST', body: JSON.stringify({ email: process.argv[2] }) });\nif (!r.ok) { console.error('sign-up failed', r.status); process.exit(1); }\n`,
  );
  try {
    const agentEnv = { ...env, SIGNUP: signup };
    const codes = await Promise.all(
      trees.map((tree) =>
        capture(process.execPath, [cli, 'exec', '--', 'sh', '-c', AGENT_SCRIPT], tree, agentEnv),
      ),
    );
    const emails = trees.map(
      (tree) =>
        JSON.parse(
          execFileSync(process.execPath, [cli, 'env', '--format', 'json'], {
            cwd: tree,
            env,
            encoding: 'utf8',
          }),
        ).RAVI_EMAIL,
    );
    return trees.map((tree, i) => ({
      agent: path.basename(tree),
      email: emails[i],
      code: codes[i].trim(),
      ok: issued.get(emails[i]) === codes[i].trim(),
    }));
  } finally {
    mailer.close();
    service.close();
    sink.child.kill('SIGTERM');
  }
}

/** `ravi-hooks local smtp --port 0`; resolves once its first line names the port. */
function startSink(cli, env) {
  const child = spawn(process.execPath, [cli, 'local', 'smtp', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const match = /^listening on 127\.0\.0\.1:(\d+)\n/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on('exit', (code) => reject(new Error(`the SMTP sink exited ${code}`)));
  });
}

function capture(cmd, args, cwd, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`agent in ${cwd} exited ${code}: ${stderr.trim()}`)),
    );
  });
}
