import { startTestServer } from "../../server/src/testing/test-server.js";
import { launchChromium } from "./support/browser.js";
const server = await startTestServer();
const browser = await launchChromium();
const ctx = await browser.newContext({ baseURL: server.url, serviceWorkers: "block" });
const page = await ctx.newPage();
page.on("console", (m) => console.log("console", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror", e.message));
page.on("requestfailed", (r) => console.log("failed", r.url()));
page.on("response", (r) => r.status() >= 400 && console.log("status", r.status(), r.url()));
await page.goto("/dashboard/public");
await page.waitForTimeout(8000);
const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^SVG image of “Trend/ }).click()]);
await d.saveAs("/tmp/dash/trend.svg");
await page.getByRole("button", { name: /^PNG image of “Trend/ }).click();
await page.waitForTimeout(3000);
console.log("alert:", await page.locator(".dash-card--trend .form-error").allTextContents());
const svgText = (await import("node:fs")).readFileSync("/tmp/dash/trend.svg", "utf8");
const r = await page.evaluate(async (svg) => {
  const steps: string[] = [];
  try {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
    const img = new Image(800, 480);
    img.src = url;
    await img.decode().catch((e) => { steps.push("decode " + e); throw e; });
    steps.push("decoded");
    const c = document.createElement("canvas"); c.width = 1600; c.height = 960;
    const ctx = c.getContext("2d")!; ctx.drawImage(img, 0, 0, 1600, 960); steps.push("drawn");
    const b = await new Promise((res) => c.toBlob(res, "image/png")); steps.push("blob " + (b as Blob | null)?.size);
  } catch (e) { steps.push("error " + e); }
  return steps;
}, svgText);
console.log(r);
await browser.close();
await server.close();
