// npm run bench:disclosure — the differencing attack of dashboard/disclosure.attack.test.ts over DRAWS (default 20)
// random draws of record keys on the demo data (PGlite, or PostgreSQL when DATABASE_URL is set: a throw-away copy),
// and the spread: how often a suppressed cell's exact count came out (min/median/max over the draws; bound 20 %) and
// the largest relative error of a published cell of 20 or more (bound 10 %), and the rate the perturbation table
// gives the same attempts whatever the draw (the mean of each attempt's chance that its noises cancel). SEED makes the draws repeatable; each
// draw's own seed is printed, so a bad one can be measured again. docs/disclosure-control.md quotes the result.
import crypto from "node:crypto";
import { differencingAttack, drawRecordKeys, largeCells } from "../src/dashboard/differencing-attack.js";
import { mulberry32 } from "../src/demo/grid-geometry.js";
import { putSetting } from "../src/platform/platform.repo.js";
import { LIMITS_SETTING } from "../src/platform/rate-limit-settings.js";
import { account, signInAs } from "../src/testing/staff-session.js";
import { createTestApp } from "../src/testing/test-app.js";

const draws = Number(process.env.DRAWS ?? 20);
const seed = Number(process.env.SEED ?? crypto.randomInt(2 ** 31));
const UNLIMITED = { burst: 1_000_000, perHour: 1_000_000_000 };

async function main() {
  const t = await createTestApp();
  try {
    // One address asks the whole attack DRAWS times; the public limit would refuse it after the first draw.
    const limits = { intakePerAddress: UNLIMITED, intakePerDevice: UNLIMITED, publicIndicatorsPerAddress: UNLIMITED };
    await putSetting(t.database.db, LIMITS_SETTING, { routes: limits });
    const analyst = await signInAs(t.app, account(t.demoAccounts, "analyst"));
    const next = mulberry32(seed);
    const rates: number[] = [];
    const chances: number[] = [];
    let worstError = 0;
    say(`seed ${seed}; ${draws} draws of record keys`);
    for (let i = 0; i < draws; i++) {
      const drawSeed = Math.floor(next() * 2 ** 31);
      await drawRecordKeys(t.database, mulberry32(drawSeed));
      const r = await differencingAttack(t.app, analyst);
      const cells = largeCells(r.published);
      rates.push(r.exact / r.attempts);
      chances.push(...r.chances);
      worstError = Math.max(worstError, cells.worst);
      say(
        `draw ${String(i + 1).padStart(2)} (seed ${drawSeed}): ${r.exact}/${r.attempts} exact (${pct(r.exact / r.attempts)}), ` +
          `${r.clamped} read as 1; cells ≥ 20: ${cells.within}/${cells.large} within 10 %, worst ${pct(cells.worst)}`,
      );
    }
    const sorted = [...rates].sort((a, b) => a - b);
    const median = (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
    say(
      `\nrecovery rate over ${draws} draws: min ${pct(sorted[0] ?? 0)}, median ${pct(median)}, max ${pct(sorted.at(-1) ?? 0)} ` +
        `(bound 20 %); largest error of a published cell of 20 or more: ${pct(worstError)} (bound 10 %)`,
    );
    const expected = chances.reduce((a, b) => a + b, 0) / chances.length;
    say(`expected recovery rate (the noises' chance of cancelling, averaged over every attempt): ${pct(expected)}`);
  } finally {
    await t.close();
  }
}

const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const say = (line: string) => process.stdout.write(`${line}\n`);

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
