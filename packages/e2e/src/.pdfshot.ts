import { chromium } from "playwright-core";

const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox"] });
const p = await b.newPage({ viewport: { width: 900, height: 1200 } });
await p.goto(`file://${process.argv[2]}`).catch((e) => console.log(String(e).slice(0, 200)));
await p.waitForTimeout(4000);
await p.screenshot({ path: process.argv[3] });
await b.close();
