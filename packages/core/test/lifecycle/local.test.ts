import { sandbox } from '../../../../test/support/env';
import { testProvider } from './provider-contract';

testProvider('local', async () => ({ env: sandbox().env, teardown: 'deleted' }));
