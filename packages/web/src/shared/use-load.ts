import { useCallback, useEffect, useState } from "preact/hooks";
import type { ApiError } from "../api/client.js";

/**
 * Data a view loads when it opens and again whenever `load` changes (memoise it with its inputs): `data` is null
 * while loading, `error` holds a failure, `reload` fetches again. A stale answer never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    load().then(
      (d) => live && setData(d),
      (err: ApiError | Error) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload };
}
