import { hash, verify } from "@node-rs/argon2";

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 40 ms here. */
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Compared against when the account does not exist, so timing does not reveal which emails are registered. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  try {
    return await verify(stored ?? (await dummyHash), password);
  } catch {
    return false;
  }
}
