import type { FastifyPluginAsync } from "fastify";
import { auditRoutes } from "./audit/audit.routes.js";
import { communityRoutes } from "./community/community.routes.js";
import { countryRoutes } from "./country/country.routes.js";
import { dashboardRoutes } from "./dashboard/dashboard.routes.js";
import { dashboardSetupRoutes } from "./dashboard-setup/dashboard-setup.routes.js";
import { factsheetRoutes } from "./factsheet/factsheet.routes.js";
import { geographyRoutes } from "./geography/geography.routes.js";
import { identityRoutes } from "./identity/identity.routes.js";
import { bulkRoutes } from "./inbox/bulk.routes.js";
import { inboxRoutes } from "./inbox/inbox.routes.js";
import { savedViewsRoutes } from "./inbox/saved-views.routes.js";
import { platformRoutes } from "./platform/platform.routes.js";
import { protocolsRoutes } from "./protocols/protocols.routes.js";
import { reportsRoutes } from "./reports/reports.routes.js";
import { teamsRoutes } from "./teams/teams.routes.js";

/** Every domain's routes, mounted under /api. A domain adds its plugin here. */
export const registerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(platformRoutes);
  await app.register(geographyRoutes);
  await app.register(identityRoutes);
  await app.register(auditRoutes);
  await app.register(reportsRoutes);
  await app.register(communityRoutes);
  await app.register(inboxRoutes);
  await app.register(dashboardRoutes);
  await app.register(dashboardSetupRoutes);
  await app.register(factsheetRoutes);
  await app.register(bulkRoutes);
  await app.register(savedViewsRoutes);
  await app.register(protocolsRoutes);
  await app.register(teamsRoutes);
  await app.register(countryRoutes);
};
