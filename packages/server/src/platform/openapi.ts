import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/**
 * The version of the API contract, which the public document states. Not the release: that is for staff only
 * (`/api/health`), as the exact release helps an attacker pick known flaws.
 */
export const API_VERSION = "1";

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "OpenCLM API",
        version: API_VERSION,
        description:
          "Community-led monitoring of TB care. Errors are `{ error: { code, message, details? } }` with stable codes.",
      },
      components: {
        securitySchemes: { session: { type: "apiKey", in: "cookie", name: "clm_session" } },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
}
