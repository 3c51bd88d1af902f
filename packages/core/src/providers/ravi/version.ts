/**
 * Which ravi this is, asked once per process per binary: `ravi version` prints JSON on
 * v0.6+ (never pass `--json` there: it is an unknown flag) and plain text on v0.5 and
 * older (which wants `--json`). Fleet runs many provisions in one process, so they all
 * share one probe promise. Nothing is cached on disk.
 */
import os from 'node:os';
import { ProviderError } from '../../errors';
import { run } from '../../io/process';
import { cliErrorText, safeJson } from './failure';
import { INSTALL_HINT } from './hints';
import { versionSchema } from './schemas';

export interface Generation {
  /** As printed, e.g. "v0.6.2" (or "dev" for a source build). */
  version: string;
  /** True for v0.6+ (JSON by default, API keys in config.json). */
  modern: boolean;
}

const probes = new Map<string, Promise<Generation>>();

export function probeGeneration(bin: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Generation> {
  let probe = probes.get(bin);
  if (!probe) {
    probe = detect(bin, env, timeoutMs);
    // NOTE: a failed probe (timeout, missing binary) is not remembered; the next call asks again.
    probe.catch(() => probes.delete(bin));
    probes.set(bin, probe);
  }
  return probe;
}

async function detect(bin: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Generation> {
  // `version` reads no config; a neutral cwd keeps it independent of where we were started
  const result = await run(bin, ['version'], { cwd: os.tmpdir(), env, extendEnv: false, timeoutMs });
  if (result.notFound) {
    throw new ProviderError('E_PROVIDER_UNAVAILABLE', `ravi could not be started (${bin})`, {
      hint: INSTALL_HINT,
    });
  }
  if (result.timedOut) {
    throw new ProviderError('E_PROVIDER', `ravi version timed out after ${Math.round(timeoutMs / 1000)} s`, {
      transient: true,
      details: { ambiguous: false },
    });
  }
  if (result.exitCode !== 0) {
    throw new ProviderError('E_PROVIDER', `ravi version failed: ${cliErrorText(result.stderr)}`, {
      hint: 'check that RAVI_BIN / ravi.bin points at the ravi CLI',
    });
  }
  const text = result.stdout.trim();
  const json = safeJson(text);
  if (json !== undefined) {
    const parsed = versionSchema.safeParse(json);
    if (!parsed.success) throw unexpected();
    return { version: versionOf(parsed.data.message), modern: true };
  }
  if (/^ravi version \S+/.test(text)) return { version: versionOf(text), modern: false };
  throw unexpected();
}

function versionOf(message: string): string {
  return /^ravi version (\S+)/.exec(message)?.[1] ?? 'unknown';
}

function unexpected(): ProviderError {
  return new ProviderError(
    'E_PROVIDER_OUTPUT',
    'ravi version printed something that is not a ravi version line',
    {
      hint: 'check that RAVI_BIN / ravi.bin points at the ravi CLI',
    },
  );
}

/** Test hook: forget probes (the unit tests swap binaries within one process). */
export function resetGenerationProbes(): void {
  probes.clear();
}
