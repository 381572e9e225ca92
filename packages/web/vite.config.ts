import preact from "@preact/preset-vite";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { CONTENT_IMAGE_CACHE, CONTENT_IMAGE_MAX_ENTRIES, PUBLISHED_IMAGE_CACHE } from "../contracts/src/constants.js";
import { appIcons } from "./build/icons.js";
import { manifest, themeColor } from "./build/manifest.js";

/**
 * One PWA for every surface. Each surface is a lazy route group (its own chunk); the entry chunk only holds the
 * router, i18n and the config client, so the community app's first load stays within its JS budget (ADR 0003).
 */
export default defineConfig({
  plugins: [
    preact({ prerender: { enabled: false } }),
    appIcons({ background: themeColor }),
    VitePWA({
      strategies: "generateSW",
      registerType: "autoUpdate",
      // Registered from src/pwa.ts: the CSP forbids inline scripts.
      injectRegister: false,
      manifest,
      workbox: {
        // The whole shell is precached, except the dashboard, its charts (ECharts) and Leaflet (the `dashboard-map`
        // chunk, also used by Near Me's map), ≈ 240 KB gzipped: phones on metered data must not download them to
        // report; they are cached when first used.
        // The build's .br/.gz copies are the same files (the server picks one per request), never URLs of their own.
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        globIgnores: ["**/dashboard.surface-*.js", "**/dashboard-*.js", "**/dashboard-*.css"],
        // Shows reporters' push notifications and opens My reports on a tap (public/push-sw.js).
        importScripts: ["/push-sw.js"],
        navigateFallback: "/index.html",
        // The help pages (/help) are the server's own pages, not the app's: never answered with the app's shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/help(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            // The dashboard chunks (content-hashed, so a cached copy never goes stale).
            urlPattern: ({ url }) => /^\/assets\/dashboard[.-]/.test(url.pathname),
            handler: "CacheFirst",
            options: {
              cacheName: "openclm-dashboard",
              expiration: { maxEntries: 8 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Images of published content (Know Your Rights, Get Information, What changed): kept once shown, so an
            // article read online shows its images offline too (content-store.ts also fetches those of articles read
            // or synced, within a byte budget). Only answers marked as published are kept (a draft's image, served
            // to editors, says `private, no-store`). An id's bytes never change, so the cached copy is used first;
            // the least recently used go past the entry limit, all of them if the browser runs short of space.
            urlPattern: ({ url, request }) =>
              request.method === "GET" && url.pathname.startsWith("/api/content/images/"),
            handler: "CacheFirst",
            options: {
              cacheName: CONTENT_IMAGE_CACHE,
              expiration: {
                maxEntries: CONTENT_IMAGE_MAX_ENTRIES,
                maxAgeSeconds: 180 * 24 * 60 * 60,
                purgeOnQuotaError: true,
              },
              cacheableResponse: { statuses: [200], headers: { "cache-control": PUBLISHED_IMAGE_CACHE } },
            },
          },
          {
            // The community app's manual (/help/<lang>/community), its stylesheet, font and pictures: readable offline once
            // read online (docs/adr/0024-manuals-from-the-product.md). The staff manuals are not kept on phones.
            urlPattern: ({ url, request }) =>
              request.method === "GET" &&
              (/^\/help\/[a-z]{2,3}\/community$/.test(url.pathname) ||
                url.pathname === "/help/help.css" ||
                /^\/help\/fonts\/[a-z0-9-]+\.woff2$/.test(url.pathname) ||
                /^\/help\/screens\/[a-z]{2,3}\/app-[a-z0-9-]+\.png$/.test(url.pathname)),
            handler: "StaleWhileRevalidate",
            options: {
              cacheName: "openclm-help",
              expiration: { maxEntries: 40, maxAgeSeconds: 90 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Config, facilities and the boundaries Near Me's map draws: answer from cache at once, refresh in the
            // background (works offline for what was seen online). A configured tile server's tiles are not cached:
            // offline, the map falls back to the boundaries.
            urlPattern: ({ url, request }) =>
              request.method === "GET" &&
              (url.pathname === "/api/config" ||
                url.pathname === "/api/facilities" ||
                url.pathname === "/api/areas/boundaries"),
            handler: "StaleWhileRevalidate",
            options: {
              cacheName: "openclm-public-api",
              expiration: { maxEntries: 64, maxAgeSeconds: 30 * 24 * 60 * 60 },
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  build: {
    target: "es2020",
    // Which files each surface needs, for the server to announce them in the page (scripts/build.mjs turns it into
    // dist/preload.json; server/src/platform/surface-preload.ts).
    manifest: true,
    // Maps are built for staff to load by hand, without the comment that would make every browser fetch them;
    // the server hands them to signed-in staff only (server/src/platform/web-assets.ts).
    sourcemap: "hidden",
    rolldownOptions: {
      output: {
        // Translation catalogs get readable names: locale-fr-app-[hash].js.
        // The dashboard's lazily loaded modules are named dashboard-… like the libraries they load (below).
        chunkFileNames(chunk) {
          const m = chunk.facadeModuleId?.match(/locales\/([\w-]+)\/(\w+)\.ts$/);
          if (m) return `assets/locale-${m[1]}-${m[2]}-[hash].js`;
          if (/[\\/]surfaces[\\/]dashboard[\\/](echarts-setup|district-map)\.tsx?$/.test(chunk.facadeModuleId ?? ""))
            return "assets/dashboard-[name]-[hash].js";
          return "assets/[name]-[hash].js";
        },
        // What every surface shares gets a stable name: the runtime (Preact, router, i18next), which stays cached
        // across releases, and our shell code (layout pieces, API client, i18n core).
        codeSplitting: {
          groups: [
            // The dashboard's heavy libraries, each loaded when first needed (echart.tsx, district-map-loader.tsx);
            // the "dashboard-" names keep them out of the service worker's precache (above).
            {
              name: "dashboard-charts",
              priority: 3,
              test: /node_modules[\\/](echarts|zrender)[\\/]/,
            },
            {
              name: "dashboard-map",
              priority: 3,
              test: /node_modules[\\/]leaflet[\\/]/,
            },
            { name: "framework", priority: 2, test: /node_modules[\\/](preact|preact-iso|i18next)[\\/]/ },
            {
              name: "shell",
              priority: 1,
              test: /[\\/]src[\\/](shared|api)[\\/]|[\\/]src[\\/]i18n[\\/](i18n|use-t|resources)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
