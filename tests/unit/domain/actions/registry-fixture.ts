/**
 * The bundled sample registry, with a few Entra object ids added so that tests can act as a
 * chair, an owner and an outsider, and with `actionPrefix: ANK` on the negotiating committee.
 */
import { join } from 'node:path';
import { readRegistryFiles } from '../../../../src/adapters/file/registry-files';
import {
  loadRegistry,
  RegistryIndex,
  type Forum,
  type Person,
  type Registry,
} from '../../../../src/domain/registry';

export const SAMPLE_REGISTRY = join(__dirname, '../../../../data/registry');

export const AAD = {
  /** Marja Malli: secretary of neuvottelukunta-ks and hyte-neuvottelu-ks. */
  secretary: '3f2a9c1e-7b4d-4e8a-9c61-0d5b2e7f1a11',
  /** Jussi Juoni: secretary of hva-neuvottelu-ks and kotoutumisryhma-ks, nothing in neuvottelukunta-ks. */
  otherSecretary: '8c7e4b20-1f3a-4d59-b2e6-6a9d0c3f4e22',
  /** Kaisa Kuvitelma: chair of neuvottelukunta-ks. */
  chair: '0a1b2c3d-0000-4000-8000-00000000c4a1',
  /** Aino Esimerkki: owns actions in the tests; chair of kotoutumisryhma-ks only. */
  owner: '0a1b2c3d-0000-4000-8000-0000000a1n00',
  /** Olli Oletus: in the registry, leads nothing. */
  outsider: '0a1b2c3d-0000-4000-8000-00000000011e',
  /** Not in the registry at all. */
  stranger: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
} as const;

const ADDED: Readonly<Record<string, string>> = {
  'kaisa-kuvitelma': AAD.chair,
  'aino-esimerkki': AAD.owner,
  'olli-oletus': AAD.outsider,
};

export async function loadSampleRegistry(): Promise<Registry> {
  const result = loadRegistry(await readRegistryFiles(SAMPLE_REGISTRY));
  if (!result.ok) throw new Error(`sample registry does not load: ${JSON.stringify(result.errors)}`);
  return result.registry;
}

export function withTestActors(registry: Registry): Registry {
  const people = registry.people.map((person): Person => {
    const aadObjectId = ADDED[person.id];
    return aadObjectId ? { ...person, aadObjectId } : person;
  });
  const forums = registry.forums.map((forum): Forum =>
    forum.id === 'neuvottelukunta-ks' ? ({ ...forum, actionPrefix: 'ANK' } as Forum) : forum,
  );
  return { ...registry, people, forums };
}

export async function testRegistry(): Promise<RegistryIndex> {
  return new RegistryIndex(withTestActors(await loadSampleRegistry()));
}
