/**
 * @ravi-hooks/ravi-emulator: test tooling, not product. A faithful emulator of the `ravi`
 * CLI v0.6.2 plus a loopback HTTP server sharing its state. See README.md.
 */

export { receiveMessage } from './api/messages.mjs';
export { createEmulator, RAVI_BIN, runRavi, writeRaviConfig } from './emulator.mjs';
export { readLog } from './logs.mjs';
export { startRaviServer } from './server.mjs';
export { getDeleteMode, setDeleteMode } from './settings.mjs';
