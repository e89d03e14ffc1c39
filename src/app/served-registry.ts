/** The registry as it is served: the data, its lookup index and the question model built on it. */
import type { QuestionModel } from '../domain/questions/question-model';
import type { Registry, RegistryIndex } from '../domain/registry';

export interface ServedRegistry {
  readonly registry: Registry;
  readonly index: RegistryIndex;
  readonly questions: QuestionModel;
}
