import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { fileBackend } from '../actions/fixture';
import { describeMeetings } from './meetings.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  registry = await testRegistry();
});

describeMeetings(fileBackend, () => registry);
