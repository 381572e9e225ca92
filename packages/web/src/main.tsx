import "./styles/base.css";
import { render } from "preact";
import { fetchPublicConfig } from "./api/public-config.js";
import { App } from "./app.js";
import { configureLanguages, initI18n, initialLanguage } from "./i18n/i18n.js";
import { registerServiceWorker } from "./pwa.js";

async function start(): Promise<void> {
  const requested = initialLanguage();
  // Start the config request at once; it also tells us the server's default language when we have no preference.
  const config = fetchPublicConfig(requested);
  // The language list (fallback chains, the version of Set-up's translations) decides which catalogues to load.
  const known = await config.catch(() => null);
  if (known) configureLanguages(known.languages, known.translationsVersion);
  const lng = requested ?? known?.language ?? "en";
  await initI18n(lng);
  const root = document.getElementById("root");
  if (root) render(<App />, root);
  registerServiceWorker();
}

void start();
