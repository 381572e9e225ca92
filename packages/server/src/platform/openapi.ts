import swagger from "@fastify/swagger";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "OpenCLM API",
        version,
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
