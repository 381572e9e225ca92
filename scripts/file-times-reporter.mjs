// A node:test reporter that writes how long each test file took, one `source<TAB>seconds` line per file. scripts/test.sh
// runs it beside the TAP reporter in every pass: the run ends by naming its slowest files (what to look at when the
// suite grows slower), and UPDATE_TEST_COSTS=1 keeps the figures in scripts/test-costs.json, from which
// packages/server/src/testing/group-tests.ts balances the next runs' process groups. In a group module (*.group.mjs)
// each file is a suite named after its source file; a file run on its own is named by its path.
export default async function* fileTimes(source) {
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { file, name, nesting, details } = event.data;
    if (nesting !== 0 || !file || typeof details?.duration_ms !== "number") continue;
    const seconds = (details.duration_ms / 1000).toFixed(1);
    yield `${file.endsWith(".group.mjs") ? name : file}\t${seconds}\n`;
  }
}
