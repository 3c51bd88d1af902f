/**
 * The lifecycle contract for the ravi provider over HTTP, against the emulator's API server
 * (in this process, on loopback): once with a server that deletes identities, once with one
 * that answers 405 to DELETE, as Ravi's "identities are permanent" suggests the real one does.
 */
import { httpSandbox } from '../../../../test/ravi/support';
import { testProvider } from './provider-contract';

testProvider('ravi over HTTP', async () => ({ env: (await httpSandbox()).env, teardown: 'deleted' }));

testProvider('ravi over HTTP, a server that cannot delete (405)', async () => ({
  env: (await httpSandbox({ deleteMode: 'not-allowed' })).env,
  teardown: 'retired',
}));
