import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { describeExports } from './exports.suite';
import { redisBackend } from './fixture';
import { testRedisUrl } from '../../../support/test-redis';
import { describeLogging } from './logging.suite';
import { describeQueries } from './queries.suite';
import { describeReminders } from './reminders.suite';
import { describeUpdates } from './updates.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  // Fails, never skips, when the test Redis is missing.
  testRedisUrl();
  registry = await testRegistry();
});
const current = (): RegistryIndex => registry;

describeLogging(redisBackend, current);
describeUpdates(redisBackend, current);
describeQueries(redisBackend, current);
describeReminders(redisBackend, current);
describeExports(redisBackend, current);
