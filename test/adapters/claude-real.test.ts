/**
 * The real `claude --worktree` from npm (`@anthropic-ai/claude-code`). Without a login it still
 * creates the worktree before it checks authentication, so our WorktreeCreate hook runs for
 * real. Uses RAVI_HOOKS_CLAUDE_BIN, else `claude` on PATH, else installs the npm package once
 * into the OS temp dir; skipped, saying why, when none of that works (no registry access).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from '../support/cli';
import { gitdir } from '../support/tmp';
import { readJson, world } from './harness';

function findClaude(): { bin?: string; why?: string } {
  if (process.env.RAVI_HOOKS_CLAUDE_BIN) return { bin: process.env.RAVI_HOOKS_CLAUDE_BIN };
  const prefix = path.join(os.tmpdir(), 'ravi-hooks-claude-code');
  const bin = path.join(prefix, 'node_modules', '.bin', 'claude');
  if (existsSync(bin)) return { bin };
  try {
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '@anthropic-ai/claude-code',
      ],
      { stdio: 'ignore', timeout: 240_000 },
    );
    execFileSync(bin, ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return { bin };
  } catch (error) {
    return {
      why: `could not install @anthropic-ai/claude-code from npm (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

const claude = findClaude();
if (!claude.bin) console.warn(`skipping the real claude --worktree test: ${claude.why}`);

describe.skipIf(!claude.bin)('the real claude --worktree', () => {
  it('runs our WorktreeCreate hook: one identity for its worktree, even with the git hook installed', async () => {
    const w = world();
    const repo = gitdir({ 'README.md': '# app\n' });
    for (const adapter of ['claude-code', 'git']) {
      const init = await w.cli(['init', adapter], repo);
      expect(init.code, init.stderr).toBe(0);
    }
    // NOTE: no login here: claude exits 1 after making the worktree ("Not logged in").
    await runProcess(claude.bin!, ['-p', '--worktree', 't1', 'say hi'], {
      cwd: repo,
      env: { ...w.env, ANTHROPIC_API_KEY: '', CLAUDE_CODE_USE_BEDROCK: '', CLAUDE_CODE_USE_VERTEX: '' },
      timeoutMs: 90_000,
    });
    const worktree = path.join(repo, '.claude/worktrees/t1');
    expect(existsSync(path.join(worktree, '.git'))).toBe(true);
    expect(String(readJson(path.join(worktree, '.ravi/config.json')).identity_name)).toMatch(/t1/);
    expect(w.identities()).toHaveLength(1);
  }, 120_000);
});
