import path from "node:path";

// A node:test reporter that writes, one per line, the test files in which anything failed (a test, a hook, or the
// file itself). scripts/test.sh runs it beside the usual TAP reporter so that the browser step can run those files a
// second time and name them as flaky (see "Browser tests: one retry" in docs/adr/0013-test-template-databases.md).
// A group module (*.group.mjs, packages/server/src/testing/group-tests.ts) runs each of its files as a suite named
// after the file: a failing suite names its file, so the retry runs that file alone, not the whole group.
export default async function* failedFiles(source) {
  const failed = new Set();
  for await (const event of source) {
    if (event.type !== "test:fail") continue;
    const { file, name, nesting } = event.data;
    if (file?.endsWith(".group.mjs")) {
      if (nesting === 0) failed.add(path.resolve(name));
    } else if (file) {
      failed.add(path.resolve(file));
    }
  }
  for (const file of failed) yield `${file}\n`;
}
