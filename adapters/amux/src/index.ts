/**
 * amux: `.amux/workspaces.json` in the source repository. We append one entry to the
 * `setup-workspace` array and put `<cmd> teardown; ` in front of the `archive` command.
 *
 * NOTE: teardown goes first, not after the user's archive command: it then runs in the
 * workspace directory whatever that command does (`cd`, `exit`, a trailing `# comment`),
 * the credentials are gone before an archive step can tar them up, and the status amux sees
 * stays the user's own. amux may run archive more than once; teardown is idempotent.
 *
 * Format read from andyrewlee/amux@53087c0e (internal/process/scripts.go, script_lifecycle.go, env.go).
 */
import path from 'node:path';
import {
  type AdapterContext,
  type AdapterFactory,
  appendChild,
  eolOf,
  type FileText,
  indentUnit,
  jsonEscape,
  lineIndent,
  propertyOf,
  rawOffset,
  removeChild,
  replaceStringBody,
  stringBody,
} from '@ravi-hooks/core/adapter';
import {
  ARCHIVE,
  createdFile,
  createdSetupProperty,
  FILE,
  isCreatedSetup,
  readConfig,
  SETUP,
  setupCommand,
  teardownCommand,
  teardownPrefix,
} from './config';

function apply(context: AdapterContext, current: FileText): string {
  const { command } = context;
  if (current === null) return createdFile(command);
  const eol = eolOf(current);
  let config = readConfig(current, [command]);
  const known = [config.entry?.command, command];
  let text = current;

  const entry = JSON.stringify(setupCommand(command));
  if (config.entry) {
    if (String(config.entry.node.value) !== setupCommand(command))
      text = replaceStringBody(text, config.entry.node, jsonEscape(setupCommand(command)));
  } else if (config.setup) {
    text = appendChild(text, config.setup, entry, eol);
  } else {
    const last = config.root.children?.at(-1);
    const unit = indentUnit(text);
    const indent = last ? lineIndent(text, last.offset) : lineIndent(text, config.root.offset) + unit;
    text = appendChild(text, config.root, createdSetupProperty(entry, indent, unit, eol), eol);
  }

  config = readConfig(text, known);
  const { archive, teardown } = config;
  if (!archive)
    return appendChild(text, config.root, `"${ARCHIVE}": ${JSON.stringify(teardownCommand(command))}`, eol);
  if (teardown?.command === command && teardown.form === 'guarded') return text;
  if (teardown?.whole) return replaceStringBody(text, archive, jsonEscape(teardownCommand(command)));
  const body = stringBody(text, archive);
  const rest = teardown
    ? body.slice(rawOffset(body, teardownPrefix(teardown.command, teardown.form).length))
    : body;
  return replaceStringBody(text, archive, jsonEscape(teardownPrefix(command)) + rest);
}

function remove(context: AdapterContext, current: FileText): FileText {
  if (current === null) return null;
  let config = readConfig(current, [context.command]);
  const command = config.entry?.command ?? context.command;
  if (current === createdFile(command) || current === createdFile(command, 'bare')) return null;
  let text = current;
  const { archive, teardown } = config;
  if (archive && teardown?.whole) {
    text = removeChild(text, config.root, propertyOf(config.root, ARCHIVE)!);
  } else if (archive && teardown) {
    const body = stringBody(text, archive);
    text = replaceStringBody(
      text,
      archive,
      body.slice(rawOffset(body, teardownPrefix(teardown.command, teardown.form).length)),
    );
  }
  config = readConfig(text, [command]);
  if (config.entry && config.setup) {
    text = isCreatedSetup(text, config.setup)
      ? removeChild(text, config.root, propertyOf(config.root, SETUP)!)
      : removeChild(text, config.setup, config.entry.node);
  }
  return text;
}

export const amux: AdapterFactory = () => ({
  name: 'amux',
  description: 'setup-workspace provisions, archive tears down (.amux/workspaces.json)',
  shell: 'sh -c',
  files: (context) => [{ path: path.join(context.root, FILE), scope: 'root' }],
  apply: (context, _file, current) => apply(context, current),
  remove: (context, _file, current) => remove(context, current),
  isInstalled(context, _file, current) {
    if (current === null) return false;
    const config = readConfig(current, [context.command]);
    return config.entry !== undefined && config.teardown !== undefined;
  },
  notes: (context) => [
    'amux trusts .amux/workspaces.json by a hash of its exact bytes, so it will ask you to trust it again: accept the "Trust .amux/workspaces.json scripts" prompt, or setup and archive will not run.',
    `New workspaces run \`${setupCommand(context.command)}\` after your own setup commands.`,
    `Archive runs \`${teardownCommand(context.command)}\` first, then your own archive command, whose exit status amux still sees.`,
    'amux uses an archive script typed into its UI only when the repository defines none: if you had one there, move it into .amux/workspaces.json.',
    'Workspaces removed outside amux keep their identity until `ravi-hooks gc` runs.',
  ],
});
