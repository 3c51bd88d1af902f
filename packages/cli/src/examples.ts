/**
 * Examples for every `--help`, keyed by the command's path. Kept in one place so the whole
 * CLI's examples read as one consistent page; a command that adds its own `Examples:` with
 * `addHelpText('after', …)` keeps it. test/cli/help.test.ts fails for a command with neither.
 */
import type { EventEmitter } from 'node:events';
import type { Command } from 'commander';

const examples: Record<string, string[]> = {
  '': [
    'ravi-hooks init git                      # every new `git worktree add` gets an identity',
    'ravi-hooks provision ../app-billing --json',
    'ravi-hooks exec -- claude                # run an agent as this workspace',
    'ravi-hooks gc                            # clean up after removed workspaces',
  ],
  provision: [
    'ravi-hooks provision',
    'ravi-hooks provision ../app-billing --name "Billing Agent" --json',
    'ravi-hooks provision . --name-hint "$AMUX_WORKSPACE_NAME"',
    'ravi-hooks provision . --with lalph',
  ],
  teardown: ['ravi-hooks teardown', 'ravi-hooks teardown ../app-billing --json'],
  which: [
    'ravi-hooks which',
    'ravi-hooks which src/deep --json',
    'ravi-hooks which >/dev/null || ravi-hooks provision   # exit 1 when none applies',
  ],
  env: [
    'eval "$(ravi-hooks env)"                 # sh; also in a direnv .envrc',
    'ravi-hooks env ../app-billing --format dotenv > .env.agent',
    'ravi-hooks env --format json',
  ],
  exec: [
    'ravi-hooks exec -- claude',
    'ravi-hooks exec --dir ../app-billing --provision -- codex exec "sign up for the staging API"',
  ],
  fleet: ['ravi-hooks fleet provision ../wt-* --concurrency 8', 'ravi-hooks fleet teardown ../wt-* --json'],
  'fleet provision': ['ravi-hooks fleet provision ../wt-* --concurrency 8'],
  'fleet teardown': ['ravi-hooks fleet teardown ../wt-* --json'],
  gc: ['ravi-hooks gc --dry-run', 'ravi-hooks gc --json', 'ravi-hooks gc --watch 300   # keep reconciling'],
  list: [
    'ravi-hooks list',
    'ravi-hooks ls --all',
    'ravi-hooks list --json | jq -r \'.[] | select(.state=="owed") | .uuid\'',
  ],
  forget: [
    'ravi-hooks forget 3f0c2d9e-1b7a-4c43-9a55-0e6b8a1f2c11   # an irrevocable lease, after deleting it by hand',
  ],
  log: ['ravi-hooks log --limit 20', 'ravi-hooks log -f --json'],
  doctor: ['ravi-hooks doctor', 'ravi-hooks doctor --provider ravi --json'],
  secrets: ['ravi-hooks secrets set STRIPE_TEST_KEY - < key.txt', 'ravi-hooks secrets list --show'],
  'secrets list': ['ravi-hooks secrets list', 'ravi-hooks secrets list ../app-billing --show --json'],
  'secrets set': [
    'ravi-hooks secrets set STRIPE_TEST_KEY - < key.txt   # "-" reads stdin (keeps it out of ps)',
    'ravi-hooks secrets set API_BASE https://staging.example.invalid --dir ../app-billing',
  ],
  'secrets export': ['ravi-hooks secrets export', 'ravi-hooks secrets export ../app-billing'],
  inbox: ['ravi-hooks inbox', 'ravi-hooks inbox ../app-billing --limit 5 --json'],
  otp: ['ravi-hooks otp', 'ravi-hooks otp --wait --timeout 60 --from github', 'ravi-hooks otp --link --json'],
  local: [
    'ravi-hooks local smtp --port 2525',
    'ravi-hooks local deliver --to "$RAVI_EMAIL" --subject "Sign in" --body "Your code is 123456"',
  ],
  'local smtp': ['ravi-hooks local smtp', 'ravi-hooks local smtp --port 0 --json'],
  'local deliver': [
    'ravi-hooks local deliver --to "$RAVI_EMAIL" --subject "Sign in" --body "Your code is 123456"',
    'echo "Code: 424242" | ravi-hooks local deliver --to "$RAVI_PHONE" --body -',
  ],
  ravi: ['ravi-hooks ravi -- get email', 'ravi-hooks ravi -- secrets list'],
  init: [
    'ravi-hooks init git',
    'ravi-hooks init symphony --repo ~/code/app --dry-run',
    'ravi-hooks init --list',
    'ravi-hooks init amux --remove',
  ],
  hook: ['ravi-hooks hook post-checkout "$1" "$2" "$3"   # what the installed git hook runs'],
  'hook claude-code': [
    'ravi-hooks hook claude-code worktree-create < event.json   # what .claude/settings.local.json runs',
    'ravi-hooks hook claude-code session-start --strict < event.json',
  ],
  'hook openhands': [
    'ravi-hooks hook openhands session-start < event.json   # what .openhands/hooks.json runs',
  ],
  'hook post-checkout': ['ravi-hooks hook post-checkout "$1" "$2" "$3"   # what the installed git hook runs'],
  worktree: ['ravi-hooks worktree remove ../app-billing'],
  'worktree remove': [
    'ravi-hooks worktree remove ../app-billing',
    'ravi-hooks worktree remove ../app-billing --force',
  ],
};

/** Adds an Examples section to `command` and every subcommand that has none of its own. */
export function addExamples(command: Command, prefix = ''): void {
  const lines = examples[prefix];
  // NOTE: addHelpText('after') registers an 'afterHelp' listener; one there means the
  // command wrote its own examples (commander's Command is an EventEmitter; its types omit it)
  if (lines && (command as unknown as EventEmitter).listenerCount('afterHelp') === 0) {
    command.addHelpText('after', `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  for (const sub of command.commands) addExamples(sub, prefix ? `${prefix} ${sub.name()}` : sub.name());
}
