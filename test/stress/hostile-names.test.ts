import { describe, it } from 'vitest';
import { gitdir, gitIn } from '../support/tmp';
import { checkHostile, type HostileCase, IFS, INJECTIONS, named } from './support/hostile';
import { type ProviderName, providerWorld } from './support/providers';

// Names reach the provider (for ravi: `ravi identity create --name …`). --name is strict
// and refuses (exit 2) before anything is created; --name-hint and names derived from a
// git branch are cleaned up (exit 0). Either way no shell ever sees them.
const cases: HostileCase[] = Object.entries(INJECTIONS).flatMap(([label, text]): HostileCase[] => [
  {
    label: `--name with ${label}`,
    setup: (root) => ({ args: ['provision', root, '--name', text] }),
    code: 2,
    mention: /name/,
  },
  {
    label: `--name-hint with ${label}`,
    setup: (root) => ({ args: ['provision', root, '--name-hint', text], workspace: root }),
    code: 0,
  },
]);

// git allows `$`, `(`, `)`, `;`, backticks and quotes in branch names (not spaces or newlines)
const BRANCHES: Record<string, string> = {
  '$(…)': `feat/x$(touch${IFS}$CANARY)`,
  backticks: `feat/x\`touch${IFS}$CANARY\``,
  'semicolon, quotes': `feat/x;touch${IFS}"$CANARY";'y'`,
};
for (const [label, branch] of Object.entries(BRANCHES)) {
  cases.push({
    label: `a name template {branch} on a branch with ${label}`,
    setup: () => {
      const repo = gitdir({ 'ravi-hooks.config.json': '{"name": "ws-{branch}"}' });
      gitIn(repo, ['checkout', '-q', '-b', branch]);
      return { args: ['provision', repo], workspace: repo, tree: repo };
    },
    code: 0,
  });
}

describe.each<ProviderName>(['local', 'ravi'])('hostile names (%s provider)', (provider) => {
  it.each(named(cases))('%s', async (_, c) => {
    await checkHostile(c, await providerWorld(provider));
  });
});
