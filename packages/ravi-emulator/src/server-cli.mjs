/**
 * `bin/ravi-emulator-server`: starts the loopback server for manual use (and the bash
 * benchmark); the flags set the server conditions of server.mjs.
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
      'latency-ms': { type: 'string', default: '0' },
      'rate-5xx': { type: 'string', default: '0' },
      'rate-429': { type: 'string', default: '0' },
      'reset-rate': { type: 'string', default: '0' },
      'eof-rate': { type: 'string', default: '0' },
      'api-key-on-create': { type: 'boolean', default: false },
    },
  });
  const stateDir = values.state ?? process.env.RAVI_EMU_STATE;
  if (!stateDir) {
    console.error('ravi-emulator-server: pass --state DIR or set RAVI_EMU_STATE');
    process.exitCode = 2;
    return;
  }
  const server = await startRaviServer({
    stateDir,
    host: values.host,
    port: Number(values.port),
    latencyMs: Number(values['latency-ms']),
    rate5xx: Number(values['rate-5xx']),
    rate429: Number(values['rate-429']),
    resetRate: Number(values['reset-rate']),
    eofRate: Number(values['eof-rate']),
    apiKeyOnCreate: values['api-key-on-create'],
  });
  console.log(server.url);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
