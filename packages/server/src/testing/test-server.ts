import type { AddressInfo } from "node:net";
import { createTestApp, type TestApp } from "./test-app.js";

/** A test app listening on a random loopback port, for browser tests. */
export async function startTestServer(
  opts: Parameters<typeof createTestApp>[0] = {},
): Promise<TestApp & { url: string }> {
  const testApp = await createTestApp(opts);
  await testApp.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = testApp.app.server.address() as AddressInfo;
  return { ...testApp, url: `http://127.0.0.1:${port}` };
}
