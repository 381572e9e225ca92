import "./styles/base.css";
import { render } from "preact";
import { fetchPublicConfig } from "./api/public-config.js";
import { App } from "./app.js";
import { initI18n, initialLanguage } from "./i18n/i18n.js";
import { registerServiceWorker } from "./pwa.js";

async function start(): Promise<void> {
  const requested = initialLanguage();
  // Start the config request at once; it also tells us the server's default language when we have no preference.
  const config = fetchPublicConfig(requested);
  let lng = requested;
  if (!lng) lng = await config.then((c) => c.language).catch(() => "en");
  await initI18n(lng);
  const root = document.getElementById("root");
  if (root) render(<App />, root);
  registerServiceWorker();
}

void start();
