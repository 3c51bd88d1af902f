/**
 * The orchestrator adapter contract. Adapters are pure text transforms: the core reads
 * every file, hands the adapter its current text, and atomically writes what comes back
 * (keeping modes, rolling back on failure). An adapter never touches the file system.
 *
 * Laws every adapter must satisfy (the shared contract suite checks them):
 *   apply(apply(x)) === apply(x)            idempotent, byte for byte
 *   remove(apply(x)) === x                  reversible, byte for byte (null = file absent)
 *   unrelated content untouched; every planned path stays inside its root.
 */

export interface AdapterContext {
  /** Absolute path of the repository (or workspace) root the adapter installs into. */
  root: string;
  /** Absolute path of the user's home directory (for user-level files such as ~/.claude-squad). */
  home: string;
  /**
   * How installed hooks invoke ravi-hooks, already shell-quoted if needed.
   * @default "ravi-hooks"
   */
  command: string;
  /**
   * `init --strict`: a failed provision fails the orchestrator's step instead of printing
   * its error and letting the step go on.
   * @default false
   */
  strict?: boolean;
  /** Which of the paths the adapter's `probe` names exist (the core looks; adapters stay pure). */
  present?: ReadonlySet<string>;
  /** Facts the core gathered by asking git; absent outside a git repository. */
  git?: {
    /** Absolute hooks directory (`git rev-parse --git-path hooks`, honours core.hooksPath). */
    hooksDir: string;
    /** Absolute `.husky` directory when the repo uses husky (hooksPath ends in `.husky/_`). */
    huskyDir?: string;
    /** Absolute path of the repository's shared config file (`git rev-parse --git-path config`). */
    configFile?: string;
    /** The hook manager whose own install rewrites the hooks directory (husky: `huskyDir`). */
    manager?: HookManager;
  };
}

export interface AdapterFile {
  /** Absolute path of a file this adapter edits. Must stay inside the directory `scope` names. */
  path: string;
  /**
   * Which directory `path` must stay inside: `root`, `home`, or `hooks` (the git hooks
   * directory, or `.husky` when husky owns it; it may lie outside `root`, e.g. a shared
   * `core.hooksPath` or the main checkout of a linked worktree), or `git` (the directory
   * holding the repository's config file, the common git dir).
   */
  scope: 'root' | 'home' | 'hooks' | 'git';
  /** Mode for the file when the adapter creates it (e.g. 0o755 for hooks and scripts). */
  mode?: number;
}

/** The text of one file: null when the file is absent (or should be deleted). */
export type FileText = string | null;

export interface Adapter {
  /** Short name used on the command line: `ravi-hooks init <name>`. */
  readonly name: string;
  /** One line for `init --list`. */
  readonly description: string;
  /**
   * What `root` is: the top level of the git checkout holding the directory `init` was given
   * (`toplevel`), or that directory itself (`directory`, e.g. Symphony's WORKFLOW.md, which
   * can live in a subdirectory).
   * @default 'toplevel'
   */
  readonly root?: 'toplevel' | 'directory';
  /**
   * The shell the orchestrator runs our hook commands with, so `init` can check that the
   * command resolves there and say what to add where when it does not: `sh -c` (amux),
   * `sh -lc` (a login shell, which resets PATH: Symphony), `$SHELL -c` (lalph).
   * Absent: no check (git runs hooks itself, with the PATH of the git command).
   */
  readonly shell?: HookShell;
  /**
   * Absolute paths whose existence decides which files `files` names (Conductor's legacy
   * conductor.json is used only while .conductor/settings.toml does not exist). The core
   * checks them and passes the ones that exist as `context.present`.
   */
  probe?(context: AdapterContext): string[];
  /** The files this adapter edits, given what the core learned about the repo. */
  files(context: AdapterContext): AdapterFile[];
  /**
   * Returns the new text of `file` with our part installed. Throws AdapterError (exit 2)
   * when the current text cannot be parsed (say, invalid JSON): we never rewrite what we
   * cannot read.
   */
  apply(context: AdapterContext, file: AdapterFile, current: FileText): FileText;
  /** Returns the text with exactly our part taken out; null deletes a file we created. */
  remove(context: AdapterContext, file: AdapterFile, current: FileText): FileText;
  /** Whether our part is present in `current`. */
  isInstalled(context: AdapterContext, file: AdapterFile, current: FileText): boolean;
  /** What the user must do after installing (re-trust a file, pair with the git adapter…). */
  notes(context: AdapterContext): string[];
  /**
   * Files to write into a workspace at provision time (e.g. lalph's `.lalph/ravi.json`),
   * as paths relative to the workspace. Optional: most adapters need none.
   */
  workspaceFiles?(identity: WorkspaceIdentity): WorkspaceFile[];
}

export interface WorkspaceIdentity {
  workspace: string;
  uuid: string;
  name: string;
  email: string;
  phone: string | null;
  /** Absolute path of the workspace's `.ravi` directory. */
  configDir: string;
}

export interface WorkspaceFile {
  /** Relative to the workspace root; must not escape it. */
  path: string;
  content: string;
  /** @default 0o600 */
  mode?: number;
  /** Directory that must be added to the repo's exclude file, relative to the workspace. */
  exclude?: string;
}

export type AdapterFactory<O = void> = (options: O) => Adapter;

/** How an orchestrator starts the commands it reads from its config (see `Adapter.shell`). */
export type HookShell = 'sh -c' | 'sh -lc' | '$SHELL -c';

/** A hook manager configured in the repository, and the config file it installs hooks from. */
export interface HookManager {
  name: 'lefthook' | 'simple-git-hooks' | 'pre-commit';
  /** Absolute path of its config file (package.json for simple-git-hooks' key). */
  config: string;
}
