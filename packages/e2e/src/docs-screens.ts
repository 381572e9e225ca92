/**
 * `npm run docs:screens`: the manuals' screenshots, taken from the product as it is now (issue 25). Starts a server on
 * a fresh in-memory copy of the demo country (as the browser tests do), drives Debian Chromium through each task and
 * writes docs/manual/screens/<lang>/<name>.png for every language that has manuals (or those named:
 * `npm run docs:screens -- fr`). The manuals name their pictures `screens/<name>.png`; the names are the `shots` below,
 * and help/manual-references.test.ts (web) fails when a manual shows a picture this script does not take.
 *
 * Not part of `npm test` (it takes a minute and the pictures are committed: docs/adr/0024-manuals-from-the-product.md).
 */
import fs from "node:fs";
import path from "node:path";
import type { PublicConfig } from "@openclm/contracts";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { DemoAccount } from "../../server/src/demo/demo-accounts.js";
import { manualLanguages, manualSlugs, readManual, screenReferences } from "../../server/src/help/help-manuals.js";
import { manualDir } from "../../server/src/paths.js";
import { freshCode } from "../../server/src/testing/staff-session.js";
import { startTestServer } from "../../server/src/testing/test-server.js";
import { launchChromium } from "./support/browser.js";
import { docsShots, type Role, type Server, type Shot, type ShotContext } from "./support/docs-shots.js";

const phone = { width: 360, height: 740 };
const desktop = { width: 1366, height: 860 };

async function main() {
  const wanted = process.argv.slice(2).filter((a) => /^[a-z]{2,3}$/.test(a));
  const languages = wanted.length ? wanted : manualLanguages();
  // Shot names among the arguments take only those (`npm run docs:screens -- fr inbox-report`).
  const names = process.argv.slice(2).filter((a) => !wanted.includes(a));
  const shots = names.length ? docsShots.filter((s) => names.includes(s.name)) : docsShots;
  const [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  try {
    checkManualsUseKnownShots(languages);
    const cookies = new Map<Role, Awaited<ReturnType<BrowserContext["cookies"]>>>();
    for (const lang of languages) {
      const outDir = path.join(manualDir, "screens", lang);
      fs.mkdirSync(outDir, { recursive: true });
      let answered: Promise<string> | undefined;
      for (const shot of shots) {
        const context = await openContext(browser, server, shot, lang, cookies);
        const page = await context.newPage();
        await page.goto(shot.path);
        await page.locator("h1").first().waitFor();
        const ctx: ShotContext = {
          page,
          lang,
          server,
          answeredReport: () => {
            answered ??= answerReport(browser, server, lang, cookies);
            return answered;
          },
        };
        await shot.act?.(ctx);
        await settle(page);
        const file = path.join(outDir, `${shot.name}.png`);
        await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
        console.log(`${lang} ${shot.name}: ${path.relative(process.cwd(), file)}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A context in the language, on the device, signed in as the shot's role (one sign-in per role for the whole run). */
async function openContext(
  browser: Browser,
  server: Server,
  shot: Pick<Shot, "role" | "device">,
  lang: string,
  cookies: Map<Role, Awaited<ReturnType<BrowserContext["cookies"]>>>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    serviceWorkers: "block",
    locale: lang,
    viewport: shot.device === "phone" ? phone : desktop,
    deviceScaleFactor: 1,
  });
  await context.addInitScript(
    ({ lang, staff }) => {
      localStorage.setItem("openclm.lang", lang);
      if (staff) localStorage.setItem("openclm.staffSession", "1");
      // The screens as a returning member sees them: the staff screens' tours were taken already.
      localStorage.setItem("openclm.tours", '["inbox","setup"]');
    },
    { lang, staff: Boolean(shot.role) },
  );
  if (shot.role) {
    let jar = cookies.get(shot.role);
    if (!jar) {
      await signIn(context, account(server, shot.role));
      jar = await context.cookies();
      cookies.set(shot.role, jar);
    } else await context.addCookies(jar);
  }
  return context;
}

function account(server: Server, role: Role): DemoAccount {
  const found = server.demoAccounts.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

async function signIn(context: BrowserContext, who: DemoAccount): Promise<void> {
  const login = await context.request.post("/api/auth/login", { data: { email: who.email, password: who.password } });
  if (!login.ok()) throw new Error(`sign-in of ${who.role}: ${login.status()}`);
  const mfa = await context.request.post("/api/auth/mfa", { data: { code: freshCode(who.totpSecret) } });
  if (!mfa.ok()) throw new Error(`second factor of ${who.role}: ${mfa.status()}`);
}

/**
 * A report sent from the app in a district the demo data manager covers, validated by them and answered, so the
 * reporter's page shows a status, steps and a message. Answers its tracking code.
 */
async function answerReport(
  browser: Browser,
  server: Server,
  lang: string,
  cookies: Map<Role, Awaited<ReturnType<BrowserContext["cookies"]>>>,
): Promise<string> {
  const manager = account(server, "data_manager");
  const context = await openContext(browser, server, { role: "data_manager", device: "desktop" }, lang, cookies);
  try {
    const cfg = (await (await context.request.get(`/api/config?lang=${lang}`)).json()) as PublicConfig;
    const region = cfg.areas.find((a) => a.code === manager.scope.areaCodes[0]);
    const district = cfg.areas.find((a) => a.isLeaf && a.parentId === region?.id) ?? cfg.areas.find((a) => a.isLeaf);
    const category = cfg.taxonomy[0];
    const sub = category?.subcategories[0];
    // Sent as a person would, without the data manager's session.
    const anonymous = await browser.newContext({ baseURL: server.url });
    const sent = await anonymous.request.post("/api/reports", {
      data: {
        clientId: crypto.randomUUID(),
        channel: "app",
        reporterMode: "self",
        categoryCode: category?.code,
        subcategoryCode: sub?.code,
        challengeTypes: sub?.challengeTypes[0] ? [sub.challengeTypes[0].code] : [],
        districtId: district?.id,
        occurredOn: new Date().toISOString().slice(0, 10),
        consent: { contactMe: true, shareDeidentified: true, useInAdvocacyStories: false },
        language: lang,
      },
    });
    const { trackingCode } = (await sent.json()) as { trackingCode: string };
    await anonymous.close();
    const found = (await (await context.request.get(`/api/inbox/reports?q=${trackingCode}`)).json()) as {
      items: { id: string }[];
    };
    const id = found.items[0]?.id;
    if (!id) throw new Error("the data manager cannot find the report made for the screenshots");
    await context.request.post(`/api/inbox/reports/${id}/decision`, { data: { decision: "validate" } });
    await context.request.post(`/api/inbox/reports/${id}/messages`, { data: { body: replies[lang] ?? replies.en } });
    return trackingCode;
  } finally {
    await context.close();
  }
}

const replies: Record<string, string> = {
  en: "Thank you for telling us. We have called the clinic and will write to you again this week.",
  fr: "Merci de nous l’avoir signalé. Nous avons appelé la clinique et vous écrirons encore cette semaine.",
  pt: "Obrigado por nos contar. Ligámos para a clínica e voltaremos a escrever-lhe esta semana.",
  ru: "Спасибо, что сообщили. Мы позвонили в клинику и напишем вам ещё раз на этой неделе.",
};

/** Every picture a manual shows is one this script takes: otherwise the manual would show a stale or missing one. */
function checkManualsUseKnownShots(languages: string[]): void {
  const known = new Set(docsShots.map((s) => `${s.name}.png`));
  for (const lang of languages) {
    for (const slug of manualSlugs) {
      const manual = readManual(lang, slug);
      const unknown = manual ? screenReferences(manual.body).filter((f) => !known.has(f)) : [];
      if (unknown.length) throw new Error(`${lang}/${slug}.md shows pictures no shot takes: ${unknown.join(", ")}`);
    }
  }
}

/** Network quiet, fonts loaded, nothing still fading in. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

await main();
