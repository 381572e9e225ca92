// Every domain owns its tables in `<domain>.schema.ts`; this file gathers them for Drizzle's typed client.

export * from "../advocacy/advocacy.schema.js";
export * from "../audit/audit.schema.js";
export * from "../channels/channel-providers.schema.js";
export * from "../channels/channels.schema.js";
export * from "../community/community.schema.js";
export * from "../content/content.schema.js";
export * from "../country/country.schema.js";
export * from "../crypto/crypto.schema.js";
export * from "../dashboard/dashboard.schema.js";
export * from "../dashboard-setup/dashboard-setup.schema.js";
export * from "../dhis2/dhis2.schema.js";
export * from "../forum/forum.schema.js";
export * from "../geography/geography.schema.js";
export * from "../identity/identity.schema.js";
export * from "../inbox/inbox.schema.js";
export * from "../inbox/saved-views.schema.js";
export * from "../notifications/notifications.schema.js";
export * from "../platform/platform.schema.js";
export * from "../protocols/protocols.schema.js";
export * from "../ratings/ratings.schema.js";
export * from "../reports/reports.schema.js";
export * from "../stories/advocacy-stories.schema.js";
export * from "../taxonomy/taxonomy.schema.js";
export * from "../teams/teams.schema.js";
