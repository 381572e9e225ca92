import fs from "node:fs";
import path from "node:path";
import { serverRoot } from "./paths.js";

export const appVersion: string = (
  JSON.parse(fs.readFileSync(path.join(serverRoot, "package.json"), "utf8")) as { version: string }
).version;
