// Web push for reporters who asked "Tell me when someone answers" (imported into the generated service worker,
// vite.config.ts). The server sends only a title, a text that names no illness and, by default, no message, and the
// page to open: My reports. The tracking code is in no URL; the person opens the report from the list.
self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = {};
  }
  const title = typeof data.title === "string" ? data.title : "OpenCLM";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === "string" ? data.body : "",
      icon: "/icons/icon-192.png",
      tag: "openclm-report",
      data: { url: typeof data.url === "string" && data.url.startsWith("/") ? data.url : "/app/my-reports" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = event.notification.data?.url || "/app/my-reports";
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if ("focus" in w && "navigate" in w) return w.navigate(url).then((c) => (c || w).focus());
      }
      return self.clients.openWindow(url);
    }),
  );
});
