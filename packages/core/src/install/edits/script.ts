/**
 * Our marked block in a shell script (a git hook, lalph's setup script). The block goes
 * right after the shebang and any `set …` lines that follow it, not at the end: a script
 * that ends in `exit 0`, or that `cd`s elsewhere first, would otherwise never run it (or run
 * it in the wrong directory). A script we create is `head + block + tail`, and the block then
 * says so, which is how removal knows it may delete the file rather than leave our skeleton.
 */
import path from 'node:path';
import type { Adapter, AdapterContext, AdapterFile, FileText } from '../../adapters/types';
import { AdapterError } from '../../errors';
import { eolOf, findBlock, insertLines, lines, removeSpan, renderBlock, replaceSpan } from './text';

export interface ScriptBlock {
  /** The adapter's name, quoted in the block's first comment line. */
  adapter: string;
  /** The block's lines after that comment. */
  body: readonly string[];
  /** The script we write when there is none (LF line endings): `head + block + tail`. */
  template: { head: string; tail: string };
}

const CREATED = '# Created by ravi-hooks';
const ADDED = '# Added by ravi-hooks';

function blockLines(spec: ScriptBlock, created: boolean): string[] {
  const note = created
    ? `${CREATED}: \`ravi-hooks init ${spec.adapter} --remove\` deletes this file.`
    : `${ADDED}: \`ravi-hooks init ${spec.adapter} --remove\` takes this block out.`;
  return renderBlock([note, ...spec.body]);
}

/** Installs (or refreshes in place) the block; creates the script when it is absent. */
export function applyScriptBlock(current: FileText, spec: ScriptBlock): string {
  if (current === null)
    return `${spec.template.head}${blockLines(spec, true).join('\n')}\n${spec.template.tail}`;
  const interpreter = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(current)?.slice(1) ?? [];
  const program = interpreter[0]?.endsWith('/env') ? interpreter[1] : interpreter[0];
  // NOTE: shell lines spliced into a node or python hook would break it.
  if (program !== undefined && !/(^|\/)(ba|da|k|z|)sh$/.test(program)) {
    throw new AdapterError(
      `this hook runs with ${program}, not a shell: ravi-hooks cannot add its lines to it`,
      {
        hint: `call \`ravi-hooks\` from it yourself, or make it a shell script; \`ravi-hooks init ${spec.adapter} --dry-run\` shows the lines`,
      },
    );
  }
  const eol = eolOf(current);
  const found = findBlock(current);
  if (found) return replaceSpan(current, found, blockLines(spec, isCreated(found.body)), eol);
  return insertLines(current, prologueEnd(current), blockLines(spec, false), eol);
}

/** Takes every copy of the block out; deletes (null) a script we created and nobody changed. */
export function removeScriptBlock(current: FileText, spec: ScriptBlock): FileText {
  if (current === null) return null;
  let text = current;
  let created = false;
  for (let found = findBlock(text); found !== null; found = findBlock(text)) {
    created ||= isCreated(found.body);
    text = removeSpan(text, found);
  }
  return created && text === spec.template.head + spec.template.tail ? null : text;
}

export function hasScriptBlock(current: FileText): boolean {
  return current !== null && findBlock(current) !== null;
}

function isCreated(body: readonly string[]): boolean {
  return body[0]?.startsWith(CREATED) ?? false;
}

/** Offset just after the shebang line and the `set …` lines directly below it (0 without one). */
export function prologueEnd(text: string): number {
  const all = lines(text);
  const first = all[0];
  if (!first?.text.startsWith('#!')) return 0;
  let at = first.next;
  for (const line of all.slice(1)) {
    if (!/^set\s/.test(line.text)) break;
    at = line.next;
  }
  return at;
}

export interface ScriptHooks {
  name: string;
  description: string;
  /** Each executable hook, relative to the root, and the block's lines after its note. */
  scripts: Record<string, (context: AdapterContext) => readonly string[]>;
  /** The first line of a hook we create. @default '#!/bin/sh\n' */
  shebang?: string;
  notes(context: AdapterContext): string[];
}

/** An adapter whose whole job is one marked block in each of a few executable hook scripts. */
export function scriptHooksAdapter(spec: ScriptHooks): Adapter {
  const block = (context: AdapterContext, file: AdapterFile): ScriptBlock => {
    const script = Object.keys(spec.scripts).find((name) => file.path.endsWith(`/${name}`));
    return {
      adapter: spec.name,
      body: script ? spec.scripts[script]!(context) : [],
      template: { head: spec.shebang ?? '#!/bin/sh\n', tail: '' },
    };
  };
  return {
    name: spec.name,
    description: spec.description,
    files: (context) =>
      Object.keys(spec.scripts).map((name) => ({
        path: path.join(context.root, name),
        scope: 'root' as const,
        mode: 0o755,
      })),
    apply: (context, file, current) => applyScriptBlock(current, block(context, file)),
    remove: (context, file, current) => removeScriptBlock(current, block(context, file)),
    isInstalled: (_context, _file, current) => hasScriptBlock(current),
    notes: spec.notes,
  };
}
