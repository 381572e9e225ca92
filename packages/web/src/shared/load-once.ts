/**
 * A lazily imported module's export, imported once: later callers share the same promise; a failed import (offline,
 * or a new release replaced the chunk) is forgotten so the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    });
    return loading;
  };
}
