// node scripts/test-times.mjs <pass>=<times.tsv>[,<times.tsv>…]… : prints each pass's slowest test files (from file-times-reporter.mjs)
// and, with UPDATE_TEST_COSTS=1, writes the figures into scripts/test-costs.json for group-tests.ts to balance the
// next runs' process groups with (files that no longer exist are dropped; passes not run here are kept).
import fs from "node:fs";
import path from "node:path";

const SHOWN = 6;
const costsFile = path.join(path.dirname(new URL(import.meta.url).pathname), "test-costs.json");
const root = path.resolve(path.dirname(costsFile), "..");

const readTimes = (files) => {
  const times = {};
  const lines = files
    .split(",")
    .filter((file) => fs.existsSync(file))
    .flatMap((file) => fs.readFileSync(file, "utf8").split("\n"));
  for (const line of lines) {
    const [name, seconds] = line.split("\t");
    if (!name || !seconds) continue;
    const source = path.relative(root, path.resolve(root, name)).replace(/\.mjs$/, ".ts");
    times[source] = Math.max(times[source] ?? 0, Number(seconds)); // a retried file: its slower run
  }
  return times;
};

const passes = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [pass, files = ""] = arg.split("=");
    return [pass, readTimes(files)];
  }),
);
for (const [pass, times] of Object.entries(passes)) {
  const sorted = Object.entries(times).sort((a, b) => b[1] - a[1]);
  if (sorted.length === 0) continue;
  const total = sorted.reduce((sum, [, s]) => sum + s, 0);
  console.log(`${pass}: ${sorted.length} files, ${total.toFixed(0)} s in all; the slowest:`);
  for (const [file, s] of sorted.slice(0, SHOWN)) console.log(`  ${s.toFixed(1).padStart(6)} s  ${file}`);
}
if (process.env.UPDATE_TEST_COSTS === "1") {
  const costs = fs.existsSync(costsFile) ? JSON.parse(fs.readFileSync(costsFile, "utf8")) : {};
  for (const [pass, times] of Object.entries(passes)) {
    if (Object.keys(times).length === 0) continue;
    costs[pass] = Object.fromEntries(Object.entries(times).sort(([a], [b]) => a.localeCompare(b)));
  }
  fs.writeFileSync(costsFile, `${JSON.stringify(costs, null, 2)}\n`);
  console.log(`test costs written to ${path.relative(root, costsFile)}`);
}
