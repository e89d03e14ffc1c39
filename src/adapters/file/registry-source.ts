/** Reads the registry from REGISTRY_PATH and loads it: the registry as the bot serves it. */
import { formatIssues, loadRegistry, RegistryIndex, type Registry } from '../../domain/registry';
import type { LoadOutcome } from '../../app/registry-holder';
import { readRegistryFiles } from './registry-files';

export interface LoadedRegistry {
  readonly registry: Registry;
  readonly index: RegistryIndex;
}

export async function loadRegistryFromPath(path: string): Promise<LoadOutcome<LoadedRegistry>> {
  let documents;
  try {
    documents = await readRegistryFiles(path);
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const result = loadRegistry(documents);
  if (!result.ok) return { ok: false, errors: formatIssues(result.errors) };
  return {
    ok: true,
    value: { registry: result.registry, index: new RegistryIndex(result.registry) },
    warnings: formatIssues(result.warnings),
  };
}
