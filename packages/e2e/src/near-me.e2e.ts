import assert from "node:assert/strict";
import { test } from "node:test";
import type { Facility, PublicConfig } from "@openclm/contracts";
import type { Page } from "playwright-core";
import { assertAxeClean, horizontalOverflow, pageHeading } from "./support/checks.js";
import { useSuite } from "./support/suite.js";

const suite = useSuite();

async function publicConfig(page: Page): Promise<PublicConfig> {
  return (await (await page.request.get("/api/config?lang=en")).json()) as PublicConfig;
}

async function facilities(page: Page, qs = ""): Promise<Facility[]> {
  return ((await (await page.request.get(`/api/facilities?lang=en${qs}`)).json()) as { items: Facility[] }).items;
}

/** Kilometres between two points on a flat map scaled at their latitude: enough to rank places a few km apart. */
function roughKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const x = (b.lng - a.lng) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  return Math.hypot(x, b.lat - a.lat) * 111.2;
}

test("with location allowed, the nearest facilities come first and no request carries the position", async () => {
  const { browser, url } = suite;
  const probe = await browser.newContext({ baseURL: url });
  const all = await facilities(await probe.newPage());
  await probe.close();
  // Stand a little off one facility, at a position whose digits appear nowhere else.
  const target = all[Math.floor(all.length / 3)];
  assert.ok(target);
  const here = { latitude: target.lat + 0.004321, longitude: target.lng - 0.003217 };
  const expected = [...all]
    .sort(
      (a, b) =>
        roughKm({ lat: here.latitude, lng: here.longitude }, a) -
        roughKm({ lat: here.latitude, lng: here.longitude }, b),
    )
    .map((f) => f.name);

  const { page, context, watch } = await suite.open("/app/near-me", {
    viewport: { width: 360, height: 740 },
    geolocation: here,
    permissions: ["geolocation"],
  });
  const sent: string[] = [];
  context.on("request", (req) =>
    sent.push(`${req.method()} ${decodeURIComponent(req.url())}\n${req.postData() ?? ""}`),
  );
  await pageHeading(page);
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.getByText("Your location stays on this phone").waitFor();
  const names = page.locator(".facility-list h2");
  await names.first().waitFor();
  assert.equal(await names.count(), all.length, "the whole country's list, sorted on the phone");
  assert.deepEqual((await names.allInnerTexts()).slice(0, 3), expected.slice(0, 3));
  assert.match(
    (await page.locator(".facility__distance").first().innerText()) ?? "",
    /^\d+ m · about \d+ min walk$/,
    "distance and a walking hint",
  );
  // The area picker gives way to the location; the filters still work with it.
  assert.equal(await page.getByLabel("Area").count(), 0);
  await page.getByLabel("Type of service").selectOption("pharmacy");
  await page.locator(".facility__type", { hasText: "Pharmacy" }).first().waitFor();
  await page.waitForFunction(() =>
    [...document.querySelectorAll(".facility__type")].every((e) => e.textContent === "Pharmacy"),
  );
  const pharmacies = all.filter((f) => f.type === "pharmacy");
  const firstPharmacy = [...pharmacies].sort(
    (a, b) =>
      roughKm({ lat: here.latitude, lng: here.longitude }, a) - roughKm({ lat: here.latitude, lng: here.longitude }, b),
  )[0];
  assert.equal(await names.first().innerText(), firstPharmacy?.name);

  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);

  assert.ok(
    sent.some((s) => s.includes("/api/facilities")),
    "the list was fetched while watched",
  );
  const digits = [here.latitude, here.longitude].flatMap((v) => [v.toFixed(3), v.toFixed(4)]);
  for (const s of sent) for (const d of digits) assert.ok(!s.includes(d), `a request carries the position: ${s}`);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }) + location.href);
  for (const d of digits) assert.ok(!stored.includes(d), "the position is not kept on the device either");
  assert.deepEqual(watch.errors, []);
});

test("location refused: a clear message and the area choice as before", async () => {
  const { page } = await suite.open("/app/near-me");
  await pageHeading(page);
  await page.getByRole("button", { name: "Use my location" }).click();
  await page.getByText(/Location is turned off for this site|Your location could not be found/).waitFor();
  assert.equal(await page.getByLabel("Area").count(), 1);
});

test("filters by service and open now (on the country's clock), and each card shows services, call, directions and date", async () => {
  const { page } = await suite.open("/app/near-me", { viewport: { width: 1366, height: 900 } });
  const config = await publicConfig(page);
  // Sunday noon on the country's clock: weekday-only places are closed.
  let noon: Date | undefined;
  for (let h = 0; h < 96 && !noon; h++) {
    const at = new Date(Date.UTC(2026, 1, 28, h));
    const parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: config.timeZone,
      weekday: "short",
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
    if (
      parts.find((p) => p.type === "weekday")?.value === "Sun" &&
      parts.find((p) => p.type === "hour")?.value === "12"
    )
      noon = at;
  }
  assert.ok(noon);
  await page.clock.setFixedTime(noon);
  const region = config.areas.find((a) => a.level === 1);
  assert.ok(region);
  const inRegion = await facilities(page, `&areaId=${region.id}`);
  await page.goto(`/app/near-me?area=${region.id}`);
  const names = page.locator(".facility-list h2");
  await names.first().waitFor();
  assert.equal(await names.count(), inRegion.length);

  // Services are shown on each card.
  const withServices = inRegion.find((f) => f.services.includes("tb_testing"));
  assert.ok(withServices);
  const card = page.locator("article", { has: page.getByRole("heading", { name: withServices.name, exact: true }) });
  assert.ok((await card.locator(".facility__services li").allInnerTexts()).includes("TB testing"));
  // Directions: a link only (nothing fetched until tapped), with the facility's position and nothing else.
  const href =
    (await card
      .getByRole("link", { name: `Directions to ${withServices.name} (opens your maps app)` })
      .getAttribute("href")) ?? "";
  assert.ok(href.includes(`${withServices.lat}`) && href.includes(`${withServices.lng}`), href);
  assert.match(
    (await card.locator(".facility__updated").innerText()) ?? "",
    /^Details updated \d{1,2} \w+ \d{4}$|^Details updated \w+ \d{1,2}, \d{4}$/,
  );
  if (withServices.phone) assert.equal(await card.locator('a[href^="tel:"]').count(), 1);

  // By service.
  const service = inRegion.flatMap((f) => f.services).find((s) => inRegion.some((f) => !f.services.includes(s)));
  assert.ok(service, "some service is not offered everywhere");
  const offering = inRegion.filter((f) => f.services.includes(service)).map((f) => f.name);
  await page.getByLabel("Service", { exact: true }).selectOption(service);
  await page
    .getByRole("status")
    .filter({ hasText: new RegExp(`^${offering.length} place`) })
    .waitFor();
  assert.deepEqual((await names.allInnerTexts()).sort(), offering.sort());
  await page.getByLabel("Service", { exact: true }).selectOption("");

  // Open now: only places with Sunday hours around noon.
  const open = inRegion
    .filter((f) => (f.openingHours.sun ?? []).some((r) => r.slice(0, 5) <= "12:00" && r.slice(6) > "12:00"))
    .map((f) => f.name);
  assert.ok(open.length > 0 && open.length < inRegion.length, "some places open on Sunday, some not");
  await page.getByLabel("Open now only").check();
  await page
    .getByRole("status")
    .filter({ hasText: new RegExp(`^${open.length} place`) })
    .waitFor();
  assert.deepEqual((await names.allInnerTexts()).sort(), open.sort());
  assert.match(page.url(), /open=1/, "the choice is kept in the URL");
  await assertAxeClean(page);
});

test("the map, only when chosen: places and district outlines from the platform alone, each pin a button showing the card", async () => {
  const { page, context, watch } = await suite.open("about:blank", { viewport: { width: 360, height: 740 } });
  const requested: string[] = [];
  context.on("request", (req) => requested.push(req.url()));
  await page.goto("/app/near-me");
  await pageHeading(page);
  const config = await publicConfig(page);
  const all = await facilities(page);
  const level = config.levels.indexOf("district");
  const outlines = (
    (await (await page.request.get(`/api/areas/boundaries?level=${level}`)).json()) as { features: unknown[] }
  ).features.length;
  assert.ok(level >= 0 && outlines > 0);

  // The list is the default; the map's code (Leaflet) and the outlines wait until the map is chosen.
  assert.equal(await page.getByRole("button", { name: "List" }).getAttribute("aria-pressed"), "true");
  await page.getByText("Use your location or choose an area").waitFor();
  const beforeMap = requested.length;
  assert.ok(
    !requested.some((u) => /dashboard-map|facility-map|vector-map|\/api\/areas\/boundaries/.test(u)),
    `nothing of the map before it is chosen: ${requested.join("\n")}`,
  );

  await page.getByRole("button", { name: "Map" }).click();
  const pins = page.locator(".facility-pin");
  await page.waitForFunction((n) => document.querySelectorAll(".facility-pin").length === n, all.length);
  await page.waitForFunction((n) => document.querySelectorAll(".leaflet-overlay-pane path").length === n, outlines, {
    timeout: 10_000,
  });
  assert.match(page.url(), /view=map/, "the choice is kept in the URL");
  assert.ok(
    requested.slice(beforeMap).some((u) => /dashboard-map-[\w-]+\.js$/.test(u)),
    "Leaflet came when the map was chosen",
  );
  // No tile server by default: every request stays on the platform's origin.
  const origin = new URL(suite.url).origin;
  const elsewhere = requested.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob|about):/.test(u));
  assert.deepEqual(elsewhere, []);

  // Each pin is a named button reached with the keyboard; choosing one shows the list's card and moves focus there.
  const place = all.find((f) => f.services.length > 0 && f.phone) ?? all[0];
  assert.ok(place);
  const pin = page.getByRole("button", { name: `${place.name}, `, exact: false }).first();
  assert.equal(await pins.first().getAttribute("tabindex"), "0");
  await pin.focus();
  await page.keyboard.press("Enter");
  const card = page.locator(".facility-map__choice article");
  await card.getByRole("heading", { name: place.name, exact: true }).waitFor();
  // Focus moves in an effect after the card renders (the card has more to render since the ratings section).
  await page.waitForFunction(() => !!document.activeElement?.closest(".facility-map__choice"));
  assert.equal(await card.getByRole("link", { name: `Directions to ${place.name} (opens your maps app)` }).count(), 1);
  assert.ok((await card.locator(".facility__services li").count()) > 0);

  await assertAxeClean(page);
  assert.equal(await horizontalOverflow(page), 0);
  assert.deepEqual(watch.errors, []);
});
