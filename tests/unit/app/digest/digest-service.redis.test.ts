import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { redisBackend, redisUrl } from '../actions/fixture';
import { describeDigests } from './digest.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  // Fails, never skips, when the test Redis is missing.
  redisUrl();
  registry = await testRegistry();
});

describeDigests(redisBackend, () => registry);
