/**
 * The Ravi API base URL comes from a flag, the environment or the user's own config, never
 * from a repository (issue 9); the flag wins.
 */
import { describe, expect, it } from 'vitest';
import { budgetFor, runCli } from '../support/cli';
import { sandbox } from '../support/env';

describe('--api-url', () => {
  it(
    'beats RAVI_HOOKS_API_URL, and doctor shows the URL in use',
    async () => {
      const sb = sandbox({ RAVI_HOOKS_API_URL: 'http://127.0.0.1:1/from-env' });
      const r = await runCli(['--api-url', 'http://127.0.0.1:9/', 'doctor', '--provider', 'ravi', '--json'], {
        env: sb.env,
      });
      const checks = JSON.parse(r.stdout).checks as Array<{ label: string; value?: string }>;
      expect(checks.find((c) => c.label === 'API URL')?.value).toMatch(/^http:\/\/127\.0\.0\.1:9\b/);
    },
    budgetFor(1),
  );

  it(
    'refuses something that is not a URL (exit 2, one line)',
    async () => {
      const sb = sandbox();
      const r = await runCli(['--api-url', 'not a url', 'which'], { env: sb.env });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('--api-url');
    },
    budgetFor(1),
  );
});
