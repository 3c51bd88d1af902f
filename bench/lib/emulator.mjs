/**
 * A ravi emulator with its loopback API for one benchmarked pattern: fresh state, a HOME
 * logged in as `ravi auth login` leaves it, `ravi` first on PATH. The latency is applied
 * on both sides alike: by the API server per HTTP request (the HTTP transport) and by the
 * emulated CLI per request it makes (the CLI transport and the bash harness). Closed at exit.
 */
import path from 'node:path';
import { createEmulator } from '../../packages/ravi-emulator/src/index.mjs';

const open = [];
process.on('exit', () => {
  for (const { emu } of open) if (process.env.BENCH_KEEP !== '1') emu.cleanup();
});

/** Stops every emulator's HTTP server (they would keep the process alive). */
export async function closeEmulators() {
  for (const { server } of open.splice(0)) await server.close();
}

/**
 * @param {{ latencyMs: number, apiKeyOnCreate?: boolean, transport?: 'http' | 'cli' }} options
 * @param {{ env: NodeJS.ProcessEnv, state: string }} sb
 */
export async function emulated(options, sb) {
  const emu = createEmulator({ latencyMs: options.latencyMs });
  const server = await emu.startServer({
    latencyMs: options.latencyMs,
    apiKeyOnCreate: options.apiKeyOnCreate,
  });
  open.push({ emu, server });
  return {
    emu,
    server,
    /** For ravi-hooks and for the bash harness alike (it only needs `ravi` on PATH). */
    env: {
      ...sb.env,
      ...emu.env,
      RAVI_BIN: emu.ravi,
      RAVI_HOOKS_API_URL: server.url,
      RAVI_HOOKS_PROVIDER: 'ravi',
      RAVI_HOOKS_TRANSPORT: options.transport ?? 'http',
      RAVI_HOOKS_STATE_DIR: path.join(sb.state, 'ravi'),
    },
    /** `ravi` invocations so far, by command (`identity create`, `identity use`, …). */
    calls() {
      const counts = {};
      for (const { argv } of emu.argv()) {
        const key = argv
          .filter((a) => !a.startsWith('-'))
          .slice(0, 2)
          .join(' ');
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    /** API requests the HTTP server answered (the CLI emulator's own requests are in-process). */
    requests: () => emu.httpLog().length,
  };
}
