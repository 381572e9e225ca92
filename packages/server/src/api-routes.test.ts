import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type ApiRoute, apiRoutes } from "@openclm/contracts";
import Fastify from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { registerRoutes } from "./routes.js";

interface Registered {
  operationId: string;
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
}

/**
 * The routes as the server registers them, collected without a database: `services` is a stand-in whose every
 * method does nothing (a plugin that starts a background task at registration starts nothing), and no request is made.
 */
async function registeredRoutes(): Promise<Map<string, Registered>> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const nothing = () => undefined;
  app.decorate("services", new Proxy({}, { get: () => new Proxy({}, { get: () => nothing }) }) as never);
  const routes = new Map<string, Registered>();
  app.addHook("onRoute", (route) => {
    const schema = route.schema as Registered | undefined;
    if (schema?.operationId) routes.set(`${route.method} ${route.url.replace(/^\/api/, "")}`, schema);
  });
  await app.register(registerRoutes, { prefix: "/api" });
  await app.ready();
  // Close hooks meet the stand-in's undefined answers and may throw; nothing real was opened.
  await app.close().catch(() => {});
  return routes;
}

/** The web app's calls are typed from `apiRoutes` (contracts): each entry must be what the server really serves. */
describe("apiRoutes (the typed API the web app calls) matches the server's routes", () => {
  let routes: Map<string, Registered>;
  before(async () => {
    routes = await registeredRoutes();
  });

  test("every entry names a registered route, with its operationId and the very schemas the route declares", () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(apiRoutes) as [ApiRoute, (typeof apiRoutes)[ApiRoute]][]) {
      const route = routes.get(key);
      if (!route) {
        problems.push(`${key}: no such route`);
        continue;
      }
      const success = route.response?.[200] ?? route.response?.[201];
      const pairs: [string, unknown, unknown][] = [
        ["operationId", entry.operationId, route.operationId],
        ["params", "params" in entry ? entry.params : undefined, route.params],
        ["query", "query" in entry ? entry.query : undefined, route.querystring],
        ["body", "body" in entry ? entry.body : undefined, route.body],
        ["response", entry.response, success],
      ];
      for (const [part, ours, theirs] of pairs) if (ours !== theirs) problems.push(`${key}: ${part} differs`);
    }
    assert.deepEqual(problems, []);
  });

  test("a route that changes its answer's schema is caught", () => {
    const route = routes.get("GET /inbox/reports");
    assert.ok(route, "the inbox list is registered");
    assert.equal(route.response?.[200], apiRoutes["GET /inbox/reports"].response);
    assert.notEqual(route.response?.[200], apiRoutes["GET /inbox/reports/:id"].response);
  });
});
