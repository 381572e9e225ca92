export * from "./audit.js";
export * from "./common.js";
export * from "./errors.js";
export * from "./geography.js";
export * from "./identity.js";
export * from "./inbox.js";
export * from "./platform.js";
export * from "./reports.js";
