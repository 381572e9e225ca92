import type { ManifestOptions } from "vite-plugin-pwa";

/** Brand colour: also the `theme-color` meta in index.html and the icon background. */
export const themeColor = "#0b5c66";

/**
 * The installed app's identity. Names and description are deliberately neutral (no disease named): the icon and
 * name sit on shared phones' home screens.
 */
export const manifest: Partial<ManifestOptions> = {
  id: "/app/",
  name: "OpenCLM",
  short_name: "OpenCLM",
  description: "Community services, information and feedback.",
  start_url: "/app/",
  scope: "/",
  display: "standalone",
  orientation: "portrait",
  background_color: "#ffffff",
  theme_color: themeColor,
  icons: [
    { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
};
