import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from '../../domain/actions/registry-fixture';
import { fileBackend } from '../actions/fixture';
import { describeDigests } from './digest.suite';

let registry: RegistryIndex;
beforeAll(async () => {
  registry = await testRegistry();
});

describeDigests(fileBackend, () => registry);
