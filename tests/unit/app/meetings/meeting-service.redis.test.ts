import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { redisBackend, redisUrl } from '../actions/fixture';
import { describeMeetings } from './meetings.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  // Fails, never skips, when the test Redis is missing.
  redisUrl();
  registry = await testRegistry();
});

describeMeetings(redisBackend, () => registry);
