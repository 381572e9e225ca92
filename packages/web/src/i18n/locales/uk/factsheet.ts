import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/factsheet.js";

// Not yet translated: the factsheet is written along the language's fallback chain (Set-up can translate it).
const factsheet: PartialCatalog<typeof en> = {};

export default factsheet;
