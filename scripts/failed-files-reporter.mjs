// A node:test reporter that writes, one per line, the test files in which anything failed (a test, a hook, or the
// file itself). scripts/test.sh runs it beside the usual TAP reporter so that the browser step can run those files a
// second time and name them as flaky (see "Browser tests: one retry" in docs/adr/0013-test-template-databases.md).
export default async function* failedFiles(source) {
  const failed = new Set();
  for await (const event of source) {
    if (event.type === "test:fail" && event.data.file) failed.add(event.data.file);
  }
  for (const file of failed) yield `${file}\n`;
}
