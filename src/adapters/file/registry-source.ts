/** Reads the registry from REGISTRY_PATH and loads it: the registry as the bot serves it. */
import type { LoadOutcome } from '../../app/registry-holder';
import type { ServedRegistry } from '../../app/served-registry';
import { QuestionModel } from '../../domain/questions/question-model';
import { formatIssues, loadRegistry, RegistryIndex } from '../../domain/registry';
import { readRegistryFiles } from './registry-files';

export type LoadedRegistry = ServedRegistry;

export async function loadRegistryFromPath(path: string): Promise<LoadOutcome<LoadedRegistry>> {
  let documents;
  try {
    documents = await readRegistryFiles(path);
  } catch (error) {
    return { ok: false, errors: [error instanceof Error ? error.message : String(error)] };
  }
  const result = loadRegistry(documents);
  if (!result.ok) return { ok: false, errors: formatIssues(result.errors) };
  const index = new RegistryIndex(result.registry);
  const value: ServedRegistry = { registry: result.registry, index, questions: new QuestionModel(index) };
  return { ok: true, value, warnings: formatIssues(result.warnings) };
}
