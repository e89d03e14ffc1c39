import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { redisBackend } from '../actions/fixture';
import { testRedisUrl } from '../../../support/test-redis';
import { describeMeetings } from './meetings.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  // Fails, never skips, when the test Redis is missing.
  testRedisUrl();
  registry = await testRegistry();
});

describeMeetings(redisBackend, () => registry);
