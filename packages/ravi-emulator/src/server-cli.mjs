/**
 * `bin/ravi-emulator-server`: starts the loopback server for manual use.
 */
import { parseArgs } from 'node:util';
import { startRaviServer } from './server.mjs';

export async function serve(/** @type {string[]} */ argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const stateDir = values.state ?? process.env.RAVI_EMU_STATE;
  if (!stateDir) {
    console.error('ravi-emulator-server: pass --state DIR or set RAVI_EMU_STATE');
    process.exitCode = 2;
    return;
  }
  const server = await startRaviServer({ stateDir, host: values.host, port: Number(values.port) });
  console.log(server.url);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
