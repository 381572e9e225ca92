import type { PublicConfig } from "@openclm/contracts";
import { type ComponentChildren, createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";
import { configureLanguages, contentLanguageFor } from "../i18n/i18n.js";
import { useLanguage } from "../i18n/use-t.js";
import { ApiError, callApi } from "./client.js";

/**
 * Public configuration (platform name, languages, taxonomy, areas) in the UI language. It is fetched again when
 * the language changes, so taxonomy and area names follow the switcher; the service worker keeps a copy for offline.
 */
export interface ConfigState {
  config: PublicConfig | null;
  error: ApiError | null;
  loading: boolean;
  retry(): void;
}

const ConfigContext = createContext<ConfigState>({ config: null, error: null, loading: true, retry: () => {} });

export function useConfig(): ConfigState {
  return useContext(ConfigContext);
}

const cache = new Map<string, Promise<PublicConfig>>();

/** Forgets the fetched config (after Set-up changed it); `retry()` of useConfig then fetches it again. */
export function forgetPublicConfig(): void {
  cache.clear();
}

/** Fetches (once per language) the public config; `lang` null asks for the server's default language. */
export function fetchPublicConfig(lang: string | null): Promise<PublicConfig> {
  const key = lang ? contentLanguageFor(lang) : "";
  let p = cache.get(key);
  if (!p) {
    const request = callApi("GET /config", { query: { lang: key || undefined } });
    cache.set(key, request);
    request.then(
      (config) => {
        configureLanguages(config.languages, config.translationsVersion);
        // The default-language answer also serves later requests for that language by name.
        if (!key && !cache.has(config.language)) cache.set(config.language, request);
      },
      () => cache.delete(key),
    );
    p = request;
  }
  return p;
}

export function ConfigProvider(props: { children: ComponentChildren }) {
  const lng = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ConfigState, "retry">>({ config: null, error: null, loading: true });

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetchPublicConfig(lng).then(
      (config) => live && setState({ config, error: null, loading: false }),
      (err: unknown) =>
        live &&
        setState((s) => ({
          // Keep the previous language's config on screen rather than nothing.
          config: s.config,
          error: err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)),
          loading: false,
        })),
    );
    return () => {
      live = false;
    };
  }, [lng, attempt]);

  const value: ConfigState = { ...state, retry: () => setAttempt((n) => n + 1) };
  return <ConfigContext.Provider value={value}>{props.children}</ConfigContext.Provider>;
}
