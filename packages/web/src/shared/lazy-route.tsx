import type { ComponentType } from "preact";
import { lazy } from "preact-iso";
import { ensureNamespaces } from "../i18n/i18n.js";
import type { Namespace } from "../i18n/resources.js";
import { Problem } from "./problem.js";

/**
 * A lazily loaded route: the component's chunk and its translation catalogs load in parallel, and it renders only
 * when both are there (no flash of untranslated keys). A failed load (offline, new release) shows a retry.
 */
// biome-ignore lint/suspicious/noExplicitAny: route components take any props from the router.
export function lazyRoute<P = any>(load: () => Promise<ComponentType<P>>, namespaces: readonly Namespace[] = []) {
  return lazy(() =>
    Promise.all([load(), ensureNamespaces(namespaces)]).then(
      ([component]) => component,
      (error: unknown) =>
        function LoadFailed() {
          return (
            <div class="load-failed">
              <Problem
                error={error instanceof Error ? error : new Error(String(error))}
                onRetry={() => location.reload()}
              />
            </div>
          );
        },
    ),
  );
}
