import { useCallback, useEffect, useState } from "preact/hooks";

/**
 * The list behind a Set-up section (targets, benchmark series, teams): loaded when the section opens and again
 * whenever `load` changes (memoise it with its inputs), with the section's error and status line. `removeThen` runs a
 * removal, says what happened and loads the list again; a failure is shown instead.
 */
export function useSetupList<T>(load: () => Promise<T[]>) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState("");

  const reload = useCallback(async () => {
    try {
      setItems(await load());
      setError(null);
    } catch (err) {
      setError(err);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const removeThen = async (remove: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await remove();
      setStatus(done);
      await reload();
    } catch (err) {
      setError(err);
    }
  };

  return { items, setItems, error, status, setStatus, reload, removeThen };
}
