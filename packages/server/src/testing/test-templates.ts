import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bootstrap } from "../bootstrap.js";
import { FieldCipher } from "../crypto/field-cipher.js";
import { catchUp } from "../dashboard/aggregator.js";
import { type Database, openDatabase } from "../db/database.js";
import { type DemoAccount, writeDemoAccountsFile } from "../demo/demo-accounts.js";

/**
 * Template databases for the test suites (ADR 0013). Migrating and seeding Demoland costs seconds; a test file's
 * own tests take milliseconds. So a test run builds each kind of database once (`buildTestTemplates`, called by
 * scripts/test.sh) and every test file starts from a copy of it: on PostgreSQL `CREATE DATABASE … TEMPLATE`, on
 * PGlite a copy of the template's data directory (in memory-backed /dev/shm where there is one), which the database
 * runs on as it runs on DATA_DIR and deletes when closed. Each copy is the file's own, so no file sees another's
 * writes. Without OPENCLM_TEST_TEMPLATES (one file run by hand) a file builds its database itself.
 */

/** Each kind contains the one before it: bare schema, then default taxonomy and protocols, then the demo country. */
export const TEMPLATE_KINDS = ["migrated", "defaults", "demo"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** The environment variable naming the directory that holds the run's templates and their manifest. */
export const TEMPLATES_ENV = "OPENCLM_TEST_TEMPLATES";

/** What seeding wrote that tests need afterwards: the encryption key it encrypted with and the demo sign-ins. */
export interface Seeded {
  key: Buffer;
  demoAccounts: DemoAccount[];
}

interface StoredSeed {
  /** base64 of the 32-byte master key the template's encrypted fields were written with. */
  key: string;
  demoAccounts: DemoAccount[];
}

interface Manifest {
  /** `dir`: the kind's data directory, relative to the manifest's directory. */
  pglite: Record<TemplateKind, StoredSeed & { dir: string }>;
  /** Present when the templates were also built on PostgreSQL; `server` is the DATABASE_URL they live on. */
  postgres?: { server: string; kinds: Record<TemplateKind, StoredSeed & { database: string }> };
}

/** A test database of the given kind, with the key and demo accounts it was seeded with. */
export async function createSeededDatabase(kind: TemplateKind): Promise<{ database: Database } & Seeded> {
  const url = process.env.DATABASE_URL;
  const manifest = readManifest();
  if (url) {
    const template = manifest?.postgres?.server === url ? manifest.postgres.kinds[kind] : undefined;
    const database = await createPostgresDatabase(url, template?.database);
    return { database, ...(template ? parseSeed(template) : await seed(database, kind)) };
  }
  const template = manifest?.pglite[kind];
  if (!template) {
    const database = await openDatabase({});
    return { database, ...(await seed(database, kind)) };
  }
  const copy = copyDataDir(path.join(manifestDir()!, template.dir));
  const database = await openDatabase({ pgliteDir: copy });
  const close = async () => {
    try {
      await database.close();
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
      liveCopies.delete(copy);
    }
  };
  return { database: { ...database, close }, ...parseSeed(template) };
}

/**
 * A DATA_DIR for a test that starts the real server (spawn-server.ts) on Demoland: a copy of the run's demo template
 * in `<dataDir>/pglite`, the demo sign-ins in `demo-accounts.json` as the server writes them, and the template's key
 * in the returned environment. The server then starts on a loaded country instead of seeding it (tens of seconds of
 * CPU per start, the most expensive part of these files). Without templates (one file run by hand) the directory is
 * left empty and the server seeds it itself, as on a first start; `CLM_ENCRYPTION_KEY` is then a fresh key.
 */
export function demoDataDir(dataDir: string): { DATA_DIR: string; CLM_ENCRYPTION_KEY: string } {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const template = readManifest()?.pglite.demo;
  if (!template) return { DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64") };
  fs.cpSync(path.join(manifestDir()!, template.dir), path.join(dataDir, "pglite"), { recursive: true });
  writeDemoAccountsFile(dataDir, template.demoAccounts);
  return { DATA_DIR: dataDir, CLM_ENCRYPTION_KEY: template.key };
}

/**
 * A private copy of a template's data directory for one test file's database. Running on a copy of the files costs
 * about half the CPU of loading a data-directory tarball into PGlite's in-memory file system (about 1 s less per test
 * file, measured), and starts from a cleanly shut-down database (no WAL replayed). Closing the database deletes its
 * copy; what a process leaves (it crashed, or a test forgot to close) is deleted when it exits, and the whole
 * run's folder when scripts/test.sh drops the templates.
 */
function copyDataDir(template: string): string {
  const root = copiesRoot(manifestDir()!);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const copy = path.join(root, `${process.pid}-${crypto.randomBytes(6).toString("hex")}`);
  fs.cpSync(template, copy, { recursive: true });
  liveCopies.add(copy);
  return copy;
}

const liveCopies = new Set<string>();
// Registered once per process (a listener per copy would pile up in a process that runs many files).
process.once("exit", removeLiveCopies);
function removeLiveCopies(): void {
  for (const copy of liveCopies) fs.rmSync(copy, { recursive: true, force: true });
}

/** Where a run's copies go: memory-backed /dev/shm when the machine has it (the copies are throw-away). */
function copiesRoot(templatesDir: string): string {
  const base = fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir();
  return path.join(base, `${path.basename(templatesDir)}-copies`);
}

/**
 * Builds every template kind into `dir` (PGlite always, PostgreSQL too when DATABASE_URL is set) and writes its
 * manifest. The directory and manifest are private (0700/0600): the manifest holds the demo passwords and the key.
 */
export async function buildTestTemplates(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const manifest: Manifest = { pglite: await buildPgliteTemplates(dir) };
  const url = process.env.DATABASE_URL;
  if (url) manifest.postgres = { server: url, kinds: await buildPostgresTemplates(url) };
  fs.writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

/** Drops the PostgreSQL templates named in `dir`'s manifest and deletes the directory. */
export async function dropTestTemplates(dir: string): Promise<void> {
  const file = path.join(dir, "manifest.json");
  const manifest = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Manifest) : undefined;
  if (manifest?.postgres) {
    const { server, kinds } = manifest.postgres;
    await withAdmin(server, async (admin) => {
      for (const { database } of Object.values(kinds)) await dropTemplate(admin, database);
    });
  }
  fs.rmSync(copiesRoot(dir), { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Each kind is built in one data directory on the host's file system, seeded further from the kind before, and copied
 * (whole, cleanly shut down) as that kind's template.
 */
async function buildPgliteTemplates(dir: string): Promise<Manifest["pglite"]> {
  const cipher = newCipher();
  const work = path.join(dir, "building");
  const built = {} as Manifest["pglite"];
  try {
    for (const kind of TEMPLATE_KINDS) {
      const database = await openDatabase({ pgliteDir: work });
      let demoAccounts: DemoAccount[];
      try {
        // Without recycling, a checkpoint deletes spent WAL segments instead of renaming them into pre-allocated
        // future ones: the copies every test file makes stay smaller.
        await database.exec("SET wal_recycle = off");
        ({ demoAccounts } = await seedWith(database, kind, cipher.cipher));
        await database.exec("CHECKPOINT");
      } finally {
        await database.close();
      }
      fs.cpSync(work, path.join(dir, kind), { recursive: true });
      built[kind] = { dir: kind, key: cipher.key, demoAccounts };
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return built;
}

/** Each kind is a copy of the one before it, seeded further; its connections closed, it becomes a template. */
async function buildPostgresTemplates(url: string): Promise<NonNullable<Manifest["postgres"]>["kinds"]> {
  const cipher = newCipher();
  const prefix = `openclm_tpl_${crypto.randomBytes(4).toString("hex")}`;
  const built = {} as NonNullable<Manifest["postgres"]>["kinds"];
  let previous: string | undefined;
  try {
    for (const kind of TEMPLATE_KINDS) {
      const name = `${prefix}_${kind}`;
      await withAdmin(url, (admin) => admin.query(`CREATE DATABASE ${name}${previous ? ` TEMPLATE ${previous}` : ""}`));
      built[kind] = { database: name, key: cipher.key, demoAccounts: [] };
      const database = await openDatabase({ databaseUrl: databaseOn(url, name), poolSize: 2 });
      try {
        built[kind].demoAccounts = (await seedWith(database, kind, cipher.cipher)).demoAccounts;
      } finally {
        await database.close();
      }
      // A template nobody can connect to cannot be changed by a test by mistake.
      await withAdmin(url, (admin) =>
        admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`),
      );
      previous = name;
    }
  } catch (err) {
    await withAdmin(url, async (admin) => {
      for (const { database } of Object.values(built)) await dropTemplate(admin, database);
    });
    throw err;
  }
  return built;
}

/** Seeds a fresh database in full (no template available): a random key, as the app would have. */
async function seed(database: Database, kind: TemplateKind): Promise<Seeded> {
  const { cipher, key } = newCipher();
  const { demoAccounts } = await seedWith(database, kind, cipher);
  return { key: Buffer.from(key, "base64"), demoAccounts };
}

/** Brings a migrated database to `kind` (bootstrap is idempotent, so a database of an earlier kind can go on). */
async function seedWith(database: Database, kind: TemplateKind, cipher: FieldCipher) {
  if (kind === "migrated") return { demoAccounts: [] };
  const { demoAccounts = [] } = await bootstrap(database, { demo: kind === "demo" }, { cipher });
  // The template is the database as the aggregator leaves it after its first run. Left to each copy, the 2,000 demo
  // reports were aggregated again in every test file and every browser test's server (3–7 s of CPU each), since the
  // background aggregator runs within 5 s of start.
  await catchUp(database.db);
  return { demoAccounts };
}

function newCipher(): { cipher: FieldCipher; key: string } {
  const key = crypto.randomBytes(32);
  return { cipher: new FieldCipher(key), key: key.toString("base64") };
}

function parseSeed(stored: StoredSeed): Seeded {
  return { key: Buffer.from(stored.key, "base64"), demoAccounts: stored.demoAccounts };
}

function manifestDir(): string | undefined {
  return process.env[TEMPLATES_ENV] || undefined;
}

let cachedManifest: Manifest | undefined;
function readManifest(): Manifest | undefined {
  const dir = manifestDir();
  if (!dir) return undefined;
  cachedManifest ??= JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  return cachedManifest;
}

/**
 * A throw-away database on the server of `url`, empty or copied from `template`, dropped again on close. Copies
 * of one template can be made by several test files at once (CREATE DATABASE takes a share lock on the template).
 */
async function createPostgresDatabase(url: string, template?: string): Promise<Database> {
  const name = `openclm_test_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin(url, async (admin) => {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
    // A throw-away database need not survive a crash: commits do not wait for the disk.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const database = await openDatabase({ databaseUrl: databaseOn(url, name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The URL of database `name` on the server of `url`. */
function databaseOn(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropTemplate(admin: pg.Client, name: string): Promise<void> {
  await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
