import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { describeExports } from './exports.suite';
import { fileBackend } from './fixture';
import { describeLogging } from './logging.suite';
import { describeQueries } from './queries.suite';
import { describeReminders } from './reminders.suite';
import { describeUpdates } from './updates.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  registry = await testRegistry();
});
const current = (): RegistryIndex => registry;

describeLogging(fileBackend, current);
describeUpdates(fileBackend, current);
describeQueries(fileBackend, current);
describeReminders(fileBackend, current);
describeExports(fileBackend, current);
