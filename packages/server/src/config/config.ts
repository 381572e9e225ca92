import path from "node:path";
import { z } from "zod";

const boolFlag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    CLM_DEMO: boolFlag.optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Set when the server sits behind an HTTPS reverse proxy: cookies get `Secure`, X-Forwarded-* is trusted. */
    TRUST_PROXY: boolFlag.default(false),
    /** 32-byte key, base64, for personal data at rest. Generated into DATA_DIR when unset. */
    CLM_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  })
  .transform((env, ctx) => {
    const demo = env.CLM_DEMO ?? env.NODE_ENV !== "production";
    if (demo && env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["CLM_DEMO"],
        message: "demo mode refuses to run with NODE_ENV=production (its accounts have published passwords)",
      });
    }
    return {
      nodeEnv: env.NODE_ENV,
      port: env.PORT,
      host: env.HOST,
      dataDir: path.resolve(env.DATA_DIR),
      databaseUrl: env.DATABASE_URL,
      demo,
      logLevel: env.LOG_LEVEL,
      trustProxy: env.TRUST_PROXY,
      encryptionKey: env.CLM_ENCRYPTION_KEY,
      poolSize: env.DATABASE_POOL_SIZE,
    };
  });

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Parses the environment once at boot; every problem is listed, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return result.data;
}
