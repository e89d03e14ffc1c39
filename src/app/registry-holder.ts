/**
 * Holds the registry in service. A reload that fails keeps the previous version serving
 * and reports the loader's errors.
 */
export type LoadOutcome<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly string[] };

export class RegistryHolder<T> {
  private value: T | undefined;
  private loadedAtMs: number | undefined;
  private reloading: Promise<LoadOutcome<T>> | undefined;

  constructor(
    private readonly load: () => Promise<LoadOutcome<T>>,
    private readonly now: () => number,
  ) {}

  current(): T | undefined {
    return this.value;
  }

  loadedAt(): number | undefined {
    return this.loadedAtMs;
  }

  /** Loads again; concurrent calls share one load. The old value stays when the new one is invalid. */
  reload(): Promise<LoadOutcome<T>> {
    this.reloading ??= this.load()
      .catch((error: unknown): LoadOutcome<T> => ({
        ok: false,
        errors: [error instanceof Error ? error.message : String(error)],
      }))
      .then((outcome) => {
        if (outcome.ok) {
          this.value = outcome.value;
          this.loadedAtMs = this.now();
        }
        return outcome;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
