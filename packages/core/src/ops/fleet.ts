/**
 * fleet: provision or tear down many workspaces with bounded parallelism. One failure
 * doesn't stop the others; every DIR gets a result.
 */
import pLimit from 'p-limit';
import { loadConfig } from '../config/load';
import type { EngineOptions } from '../engine';
import { toRaviHooksError } from '../errors';
import { type ProvisionOptions, type ProvisionResult, provision } from '../lifecycle/provision';
import { type TeardownResult, teardown } from '../lifecycle/teardown';

export type FleetItem<T> =
  | { workspace: string; ok: true; result: T }
  | { workspace: string; ok: false; error: { code: string; message: string; hint?: string } };

export interface FleetOptions extends EngineOptions {
  cwd?: string;
  /** @default config `concurrency` (8) */
  concurrency?: number;
  /** Called as each workspace finishes (progress display). */
  onProgress?: (done: number, total: number, item: FleetItem<unknown>) => void;
  extraFiles?: ProvisionOptions['extraFiles'];
}

export async function fleetProvision(
  dirs: string[],
  options: FleetOptions = {},
): Promise<FleetItem<ProvisionResult>[]> {
  return runFleet(dirs, options, (workspace) =>
    provision({
      ...pick(options),
      workspace,
      ...(options.extraFiles ? { extraFiles: options.extraFiles } : {}),
    }),
  );
}

export async function fleetTeardown(
  dirs: string[],
  options: FleetOptions = {},
): Promise<FleetItem<TeardownResult>[]> {
  return runFleet(dirs, options, (workspace) => teardown({ ...pick(options), workspace }));
}

function pick(options: FleetOptions): EngineOptions & { cwd?: string } {
  return {
    ...(options.env ? { env: options.env } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.providerInstance ? { providerInstance: options.providerInstance } : {}),
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
}

async function runFleet<T>(
  dirs: string[],
  options: FleetOptions,
  job: (workspace: string) => Promise<T>,
): Promise<FleetItem<T>[]> {
  const concurrency =
    options.concurrency ??
    (await loadConfig({ from: options.cwd ?? process.cwd(), env: options.env ?? process.env })).concurrency;
  const limit = pLimit(concurrency);
  let done = 0;
  return Promise.all(
    dirs.map((workspace) =>
      limit(async (): Promise<FleetItem<T>> => {
        let item: FleetItem<T>;
        try {
          item = { workspace, ok: true, result: await job(workspace) };
        } catch (error) {
          const err = toRaviHooksError(error);
          item = {
            workspace,
            ok: false,
            error: { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) },
          };
        }
        done += 1;
        options.onProgress?.(done, dirs.length, item);
        return item;
      }),
    ),
  );
}
