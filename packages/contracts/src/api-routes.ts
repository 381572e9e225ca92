import type { z } from "zod";
import {
  addAdvocacyActionBodySchema,
  advocacyActionCreatedSchema,
  advocacyCaseCreatedSchema,
  advocacyCaseListSchema,
  advocacyCaseParamSchema,
  advocacyCaseSchema,
  advocacyCaseUpdatedSchema,
  advocacyOwnerListSchema,
  advocacyStatusResultSchema,
  changeAdvocacyCaseStatusBodySchema,
  createAdvocacyCaseBodySchema,
  linkReportToAdvocacyCaseBodySchema,
  publicAdvocacyCaseListSchema,
  reportAdvocacyCasesSchema,
  reportLinkedToCaseSchema,
  updateAdvocacyCaseBodySchema,
} from "./advocacy.js";
import { auditPageSchema, auditQuerySchema, auditVerificationSchema } from "./audit.js";
import {
  contentCreatedSchema,
  contentDetailSchema,
  contentIdParamSchema,
  contentImageSchema,
  contentListSchema,
  contentSuggestionListSchema,
  createContentBodySchema,
  getPublicContentQuerySchema,
  listPublicContentQuerySchema,
  previewContentBodySchema,
  previewContentResultSchema,
  publicContentListSchema,
  publicContentParamSchema,
  publicContentSchema,
  publishContentBodySchema,
  updateContentBodySchema,
  uploadContentImageBodySchema,
} from "./content.js";
import { countryProfileSchema, setupChecklistSchema, updateCountryProfileBodySchema } from "./country.js";
import { indicatorQuerySchema, indicatorResultSchema } from "./dashboard.js";
import {
  benchmarkListSchema,
  putTargetBodySchema,
  targetListSchema,
  targetSchema,
  targetsQuerySchema,
} from "./dashboard-setup.js";
import {
  activateDeskBodySchema,
  deskDeviceSchema,
  deskListSchema,
  issueDeskCodeBodySchema,
  issuedDeskCodeSchema,
  sendDeskCodeBySmsBodySchema,
} from "./desks.js";
import {
  createForumCommentBodySchema,
  createForumPostBodySchema,
  createForumTopicBodySchema,
  createSupportGroupBodySchema,
  deletedCountSchema,
  forumPostListSchema,
  forumPostResultSchema,
  forumSettingSchema,
  forumThemesSchema,
  forumTopicListSchema,
  groupMessageResultSchema,
  groupMessagesSchema,
  joinSupportGroupBodySchema,
  listForumPostsQuerySchema,
  listForumTopicsQuerySchema,
  moderateForumItemBodySchema,
  moderateForumItemResultSchema,
  moderationQueueSchema,
  pinnablePostListSchema,
  reactionResultSchema,
  reportForumPostBodySchema,
  sendGroupMessageBodySchema,
  supportGroupListSchema,
  supportGroupSchema,
  toggleBodySchema,
} from "./forum.js";
import {
  areaBoundariesQuerySchema,
  areaBoundariesSchema,
  facilityListSchema,
  importAreasBodySchema,
  importAreasResultSchema,
  importFacilitiesBodySchema,
  importFacilitiesResultSchema,
  listFacilitiesQuerySchema,
  setFacilityActiveBodySchema,
  setupFacilitiesQuerySchema,
  setupFacilityListSchema,
  setupFacilitySchema,
} from "./geography.js";
import {
  changePasswordBodySchema,
  completePasswordResetBodySchema,
  createStaffUserBodySchema,
  idParamSchema,
  loginBodySchema,
  loginResultSchema,
  meSchema,
  mfaEnrolmentSchema,
  okSchema,
  passwordResetLinkSchema,
  reauthBodySchema,
  staffUserListSchema,
  staffUserSchema,
  updateStaffUserBodySchema,
  verifyMfaBodySchema,
  verifyMfaResultSchema,
} from "./identity.js";
import {
  assigneeListSchema,
  assignReportBodySchema,
  bulkAssignBodySchema,
  bulkAssigneesQuerySchema,
  bulkResultSchema,
  bulkValidateBodySchema,
  changeReportStatusBodySchema,
  createSavedViewBodySchema,
  decideReportBodySchema,
  duplicateCandidatesSchema,
  inboxPageSchema,
  inboxReportSchema,
  listInboxQuerySchema,
  reopenReportBodySchema,
  reportIdParamSchema,
  reportMutationResultSchema,
  savedViewIdParamSchema,
  savedViewListSchema,
  savedViewSchema,
  setRegistrationBodySchema,
  staffMessageBodySchema,
  updateSavedViewBodySchema,
} from "./inbox.js";
import { healthSchema, publicConfigQuerySchema, publicConfigSchema } from "./platform.js";
import {
  protocolListSchema,
  protocolParamSchema,
  protocolSchema,
  reportProtocolSchema,
  tickStepBodySchema,
  updateProtocolBodySchema,
} from "./protocols.js";
import {
  facilityIdParamSchema,
  facilityQualityQuerySchema,
  facilityQualitySchema,
  facilityRatingsSchema,
  moderateFacilityRatingBodySchema,
  moderateFacilityRatingResultSchema,
  publicFacilityQualityQuerySchema,
  publicFacilityQualitySchema,
  rateFacilityBodySchema,
  rateFacilityResultSchema,
  ratingReviewListSchema,
} from "./ratings.js";
import {
  changeReportConsentBodySchema,
  changeReportConsentByCodeBodySchema,
  communityAccountSchema,
  communityDataExportSchema,
  communityLoginBodySchema,
  confirmResolutionBodySchema,
  confirmResolutionByCodeBodySchema,
  erasedReportSchema,
  followReportByPushBodySchema,
  myAssistedReportsSchema,
  myReportsSchema,
  registerCommunityAccountBodySchema,
  replyToReportBodySchema,
  replyToReportByCodeBodySchema,
  reportMessageSchema,
  submitReportBodySchema,
  submitReportResultSchema,
  trackedReportSchema,
  trackingCodeParamSchema,
  trainingResetResultSchema,
  trainingSummarySchema,
  unfollowReportByPushBodySchema,
} from "./reports.js";
import { settingsHistorySchema, settingsSchema, smsUsageSchema, updateSettingsBodySchema } from "./settings.js";
import {
  advocacyStoryListSchema,
  reviewStoryBodySchema,
  reviewStoryResultSchema,
  storyCandidateDetailSchema,
  storyCandidateListSchema,
  storyReportParamSchema,
} from "./stories.js";
import {
  createTeamBodySchema,
  renameTeamBodySchema,
  teamCandidateListSchema,
  teamIdParamSchema,
  teamListSchema,
  teamMemberParamSchema,
  teamSchema,
} from "./teams.js";
import {
  completenessSchema,
  createLanguageBodySchema,
  importTranslationsBodySchema,
  importTranslationsResultSchema,
  languageParamSchema,
  putTranslationsBodySchema,
  putTranslationsResultSchema,
  setupLanguageListSchema,
  setupLanguageSchema,
  translationBundleParamSchema,
  translationBundleQuerySchema,
  translationBundleSchema,
  translationSurfaceQuerySchema,
  translationSurfaceSchema,
  updateLanguageBodySchema,
} from "./translations.js";

/**
 * Every JSON operation the web app calls, keyed by "METHOD /path" (below /api), with the schemas the server's route
 * declares for it: path parameters, query string, body and the success answer. The server's routes stay the source
 * of truth; `packages/server/src/api-routes.test.ts` fails when an entry here names another schema, method or path
 * than the registered route. The web app imports only the types below (`import type`), so no zod reaches a bundle.
 * Downloads, uploads of raw files and the event stream are not here: they are not JSON in and out.
 */
export const apiRoutes = {
  "GET /health": { operationId: "getHealth", response: healthSchema },
  "GET /config": { operationId: "getPublicConfig", query: publicConfigQuerySchema, response: publicConfigSchema },
  "GET /i18n/:language": {
    operationId: "getTranslationBundle",
    params: translationBundleParamSchema,
    query: translationBundleQuerySchema,
    response: translationBundleSchema,
  },
  "GET /setup/languages": { operationId: "listLanguages", response: setupLanguageListSchema },
  "POST /setup/languages": {
    operationId: "createLanguage",
    body: createLanguageBodySchema,
    response: setupLanguageSchema,
  },
  "PATCH /setup/languages/:code": {
    operationId: "updateLanguage",
    params: languageParamSchema,
    body: updateLanguageBodySchema,
    response: setupLanguageSchema,
  },
  "GET /setup/translations": {
    operationId: "getTranslationSurface",
    query: translationSurfaceQuerySchema,
    response: translationSurfaceSchema,
  },
  "GET /setup/translations/completeness": { operationId: "getTranslationCompleteness", response: completenessSchema },
  "PUT /setup/translations": {
    operationId: "putTranslations",
    body: putTranslationsBodySchema,
    response: putTranslationsResultSchema,
  },
  "POST /setup/translations/import": {
    operationId: "importTranslations",
    body: importTranslationsBodySchema,
    response: importTranslationsResultSchema,
  },
  "GET /facilities": { operationId: "listFacilities", query: listFacilitiesQuerySchema, response: facilityListSchema },
  "GET /areas/boundaries": {
    operationId: "getAreaBoundaries",
    query: areaBoundariesQuerySchema,
    response: areaBoundariesSchema,
  },
  "POST /auth/login": { operationId: "login", body: loginBodySchema, response: loginResultSchema },
  "POST /auth/mfa/enrolment": { operationId: "startMfaEnrolment", response: mfaEnrolmentSchema },
  "POST /auth/mfa": { operationId: "verifyMfa", body: verifyMfaBodySchema, response: verifyMfaResultSchema },
  "POST /auth/logout": { operationId: "logout", response: okSchema },
  "POST /auth/logout-all": { operationId: "logoutAll", response: okSchema },
  "POST /auth/reauth": { operationId: "reauthenticate", body: reauthBodySchema, response: okSchema },
  "GET /me": { operationId: "getMe", response: meSchema },
  "GET /me/assisted-reports": { operationId: "listMyAssistedReports", response: myAssistedReportsSchema },
  "GET /setup/desks": { operationId: "listDesks", response: deskListSchema },
  "POST /setup/desks": { operationId: "issueDeskCode", body: issueDeskCodeBodySchema, response: issuedDeskCodeSchema },
  "DELETE /setup/desks/:id": { operationId: "revokeDesk", params: idParamSchema, response: okSchema },
  "POST /desk/activation": { operationId: "activateDesk", body: activateDeskBodySchema, response: deskDeviceSchema },
  "GET /desk": { operationId: "getDesk", response: deskDeviceSchema },
  "POST /desk/code-sms": { operationId: "sendDeskCodeBySms", body: sendDeskCodeBySmsBodySchema, response: okSchema },
  "GET /staff-users": { operationId: "listStaffUsers", response: staffUserListSchema },
  "POST /staff-users": { operationId: "createStaffUser", body: createStaffUserBodySchema, response: staffUserSchema },
  "PATCH /staff-users/:id": {
    operationId: "updateStaffUser",
    params: idParamSchema,
    body: updateStaffUserBodySchema,
    response: staffUserSchema,
  },
  "POST /staff-users/:id/mfa-reset": { operationId: "resetStaffMfa", params: idParamSchema, response: okSchema },
  "POST /auth/password": { operationId: "changePassword", body: changePasswordBodySchema, response: okSchema },
  "POST /auth/password-reset": {
    operationId: "completePasswordReset",
    body: completePasswordResetBodySchema,
    response: okSchema,
  },
  "POST /staff-users/:id/password-reset": {
    operationId: "issuePasswordReset",
    params: idParamSchema,
    response: passwordResetLinkSchema,
  },
  "GET /audit-events": { operationId: "listAuditEvents", query: auditQuerySchema, response: auditPageSchema },
  "POST /audit/verification": { operationId: "verifyAuditLog", response: auditVerificationSchema },
  "POST /reports": { operationId: "submitReport", body: submitReportBodySchema, response: submitReportResultSchema },
  "GET /reports/track/:trackingCode": {
    operationId: "trackReport",
    params: trackingCodeParamSchema,
    response: trackedReportSchema,
  },
  "POST /reports/track": {
    operationId: "trackReportByCode",
    body: trackingCodeParamSchema,
    response: trackedReportSchema,
  },
  "POST /reports/track/:trackingCode/messages": {
    operationId: "replyToReport",
    params: trackingCodeParamSchema,
    body: replyToReportBodySchema,
    response: reportMessageSchema,
  },
  "POST /reports/track/messages": {
    operationId: "replyToReportByCode",
    body: replyToReportByCodeBodySchema,
    response: reportMessageSchema,
  },
  "POST /reports/track/:trackingCode/confirmation": {
    operationId: "confirmResolution",
    params: trackingCodeParamSchema,
    body: confirmResolutionBodySchema,
    response: trackedReportSchema,
  },
  "POST /reports/track/confirmation": {
    operationId: "confirmResolutionByCode",
    body: confirmResolutionByCodeBodySchema,
    response: trackedReportSchema,
  },
  "DELETE /reports/track/:trackingCode": {
    operationId: "deleteMyReport",
    params: trackingCodeParamSchema,
    response: erasedReportSchema,
  },
  "POST /reports/track/push": {
    operationId: "followReportByPush",
    body: followReportByPushBodySchema,
    response: okSchema,
  },
  "POST /reports/track/push/remove": {
    operationId: "unfollowReportByPush",
    body: unfollowReportByPushBodySchema,
    response: okSchema,
  },
  "POST /reports/track/erase": {
    operationId: "deleteMyReportByCode",
    body: trackingCodeParamSchema,
    response: erasedReportSchema,
  },
  "POST /reports/track/:trackingCode/consent": {
    operationId: "changeReportConsent",
    params: trackingCodeParamSchema,
    body: changeReportConsentBodySchema,
    response: trackedReportSchema,
  },
  "POST /reports/track/consent": {
    operationId: "changeReportConsentByCode",
    body: changeReportConsentByCodeBodySchema,
    response: trackedReportSchema,
  },
  "POST /community/accounts": {
    operationId: "registerCommunityAccount",
    body: registerCommunityAccountBodySchema,
    response: communityAccountSchema,
  },
  "POST /community/login": {
    operationId: "communityLogin",
    body: communityLoginBodySchema,
    response: communityAccountSchema,
  },
  "POST /community/logout": { operationId: "communityLogout", response: okSchema },
  "GET /community/accounts/me": { operationId: "getCommunityAccount", response: communityAccountSchema },
  "GET /community/reports": { operationId: "listMyReports", response: myReportsSchema },
  "GET /community/accounts/me/export": { operationId: "exportMyCommunityData", response: communityDataExportSchema },
  "DELETE /community/accounts/me": { operationId: "deleteCommunityAccount", response: okSchema },
  "GET /inbox/reports": { operationId: "listInboxReports", query: listInboxQuerySchema, response: inboxPageSchema },
  "GET /inbox/reports/:id": { operationId: "getInboxReport", params: reportIdParamSchema, response: inboxReportSchema },
  "GET /inbox/reports/:id/duplicates": {
    operationId: "listDuplicateCandidates",
    params: reportIdParamSchema,
    response: duplicateCandidatesSchema,
  },
  "GET /inbox/reports/:id/assignees": {
    operationId: "listAssignees",
    params: reportIdParamSchema,
    response: assigneeListSchema,
  },
  "GET /inbox/assignees": {
    operationId: "listBulkAssignees",
    query: bulkAssigneesQuerySchema,
    response: assigneeListSchema,
  },
  "POST /inbox/reports/:id/registration": {
    operationId: "setReporterRegistration",
    params: reportIdParamSchema,
    body: setRegistrationBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/decision": {
    operationId: "decideReport",
    params: reportIdParamSchema,
    body: decideReportBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/reopen": {
    operationId: "reopenReport",
    params: reportIdParamSchema,
    body: reopenReportBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/assignment": {
    operationId: "assignReport",
    params: reportIdParamSchema,
    body: assignReportBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/status": {
    operationId: "changeReportStatus",
    params: reportIdParamSchema,
    body: changeReportStatusBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/messages": {
    operationId: "sendReporterMessage",
    params: reportIdParamSchema,
    body: staffMessageBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /inbox/reports/:id/notes": {
    operationId: "addInternalNote",
    params: reportIdParamSchema,
    body: staffMessageBodySchema,
    response: reportMutationResultSchema,
  },
  "POST /dashboard/indicators": {
    operationId: "queryIndicators",
    body: indicatorQuerySchema,
    response: indicatorResultSchema,
  },
  "POST /dashboard/facility-quality": {
    operationId: "queryFacilityQuality",
    body: facilityQualityQuerySchema,
    response: facilityQualitySchema,
  },
  "POST /facilities/:id/ratings": {
    operationId: "rateFacility",
    params: facilityIdParamSchema,
    body: rateFacilityBodySchema,
    response: rateFacilityResultSchema,
  },
  "GET /facilities/:id/ratings": {
    operationId: "listFacilityRatings",
    params: facilityIdParamSchema,
    response: facilityRatingsSchema,
  },
  "GET /ratings/review": { operationId: "listRatingsToReview", response: ratingReviewListSchema },
  "POST /ratings/:id/moderation": {
    operationId: "moderateFacilityRating",
    params: idParamSchema,
    body: moderateFacilityRatingBodySchema,
    response: moderateFacilityRatingResultSchema,
  },
  "POST /public/facility-quality": {
    operationId: "getPublicFacilityQuality",
    body: publicFacilityQualityQuerySchema,
    response: publicFacilityQualitySchema,
  },
  "GET /forum/themes": { operationId: "listForumThemes", response: forumThemesSchema },
  "GET /forum/topics": {
    operationId: "listForumTopics",
    query: listForumTopicsQuerySchema,
    response: forumTopicListSchema,
  },
  "POST /forum/topics": {
    operationId: "createForumTopic",
    body: createForumTopicBodySchema,
    response: forumPostResultSchema,
  },
  "PUT /forum/topics/:id/follow": {
    operationId: "followForumTopic",
    params: idParamSchema,
    body: toggleBodySchema,
    response: okSchema,
  },
  "GET /forum/posts": {
    operationId: "listForumPosts",
    query: listForumPostsQuerySchema,
    response: forumPostListSchema,
  },
  "POST /forum/posts": {
    operationId: "createForumPost",
    body: createForumPostBodySchema,
    response: forumPostResultSchema,
  },
  "POST /forum/posts/:id/comments": {
    operationId: "createForumComment",
    params: idParamSchema,
    body: createForumCommentBodySchema,
    response: forumPostResultSchema,
  },
  "DELETE /forum/posts/:id": { operationId: "deleteMyForumPost", params: idParamSchema, response: okSchema },
  "PUT /forum/posts/:id/like": {
    operationId: "likeForumPost",
    params: idParamSchema,
    body: toggleBodySchema,
    response: reactionResultSchema,
  },
  "PUT /forum/posts/:id/helpful": {
    operationId: "markForumPostHelpful",
    params: idParamSchema,
    body: toggleBodySchema,
    response: reactionResultSchema,
  },
  "POST /forum/posts/:id/report": {
    operationId: "reportForumPost",
    params: idParamSchema,
    body: reportForumPostBodySchema,
    response: okSchema,
  },
  "GET /forum/moderation": { operationId: "listModerationQueue", response: moderationQueueSchema },
  "POST /forum/moderation/:id": {
    operationId: "moderateForumItem",
    params: idParamSchema,
    body: moderateForumItemBodySchema,
    response: moderateForumItemResultSchema,
  },
  "GET /forum/moderation/posts": { operationId: "listPinnableForumPosts", response: pinnablePostListSchema },
  "GET /forum/settings": { operationId: "getForumSettings", response: forumSettingSchema },
  "PUT /forum/settings": {
    operationId: "updateForumSettings",
    body: forumSettingSchema,
    response: forumSettingSchema,
  },
  "PUT /forum/posts/:id/pin": {
    operationId: "pinForumPost",
    params: idParamSchema,
    body: toggleBodySchema,
    response: okSchema,
  },
  "POST /groups": {
    operationId: "createSupportGroup",
    body: createSupportGroupBodySchema,
    response: supportGroupSchema,
  },
  "GET /groups/managed": { operationId: "listManagedSupportGroups", response: supportGroupListSchema },
  "GET /groups": { operationId: "listMySupportGroups", response: supportGroupListSchema },
  "POST /groups/join": {
    operationId: "joinSupportGroup",
    body: joinSupportGroupBodySchema,
    response: supportGroupSchema,
  },
  "GET /groups/:id/messages": {
    operationId: "listGroupMessages",
    params: idParamSchema,
    response: groupMessagesSchema,
  },
  "POST /groups/:id/messages": {
    operationId: "sendGroupMessage",
    params: idParamSchema,
    body: sendGroupMessageBodySchema,
    response: groupMessageResultSchema,
  },
  "POST /groups/:id/leave": { operationId: "leaveSupportGroup", params: idParamSchema, response: okSchema },
  "DELETE /groups/:id/messages/mine": {
    operationId: "deleteMyGroupMessages",
    params: idParamSchema,
    response: deletedCountSchema,
  },
  "POST /public/indicators": {
    operationId: "getPublicIndicators",
    body: indicatorQuerySchema,
    response: indicatorResultSchema,
  },
  "GET /dashboard/targets": { operationId: "listTargets", query: targetsQuerySchema, response: targetListSchema },
  "PUT /setup/targets": { operationId: "putTarget", body: putTargetBodySchema, response: targetSchema },
  "DELETE /setup/targets/:id": { operationId: "deleteTarget", params: idParamSchema, response: okSchema },
  "GET /dashboard/benchmarks": { operationId: "listBenchmarks", response: benchmarkListSchema },
  "DELETE /setup/benchmarks/:id": { operationId: "deleteBenchmark", params: idParamSchema, response: okSchema },
  "POST /inbox/bulk/validate": {
    operationId: "bulkValidateReports",
    body: bulkValidateBodySchema,
    response: bulkResultSchema,
  },
  "POST /inbox/bulk/assign": {
    operationId: "bulkAssignReports",
    body: bulkAssignBodySchema,
    response: bulkResultSchema,
  },
  "GET /inbox/views": { operationId: "listSavedViews", response: savedViewListSchema },
  "POST /inbox/views": { operationId: "createSavedView", body: createSavedViewBodySchema, response: savedViewSchema },
  "PATCH /inbox/views/:id": {
    operationId: "updateSavedView",
    params: savedViewIdParamSchema,
    body: updateSavedViewBodySchema,
    response: savedViewSchema,
  },
  "DELETE /inbox/views/:id": { operationId: "deleteSavedView", params: savedViewIdParamSchema, response: okSchema },
  "GET /inbox/reports/:id/protocol": {
    operationId: "getReportProtocol",
    params: reportIdParamSchema,
    response: reportProtocolSchema,
  },
  "POST /inbox/reports/:id/protocol-steps": {
    operationId: "tickProtocolStep",
    params: reportIdParamSchema,
    body: tickStepBodySchema,
    response: reportProtocolSchema,
  },
  "GET /setup/protocols": { operationId: "listProtocols", response: protocolListSchema },
  "PATCH /setup/protocols/:subcategoryCode": {
    operationId: "updateProtocol",
    params: protocolParamSchema,
    body: updateProtocolBodySchema,
    response: protocolSchema,
  },
  "GET /teams": { operationId: "listTeams", response: teamListSchema },
  "POST /teams": { operationId: "createTeam", body: createTeamBodySchema, response: teamSchema },
  "PATCH /teams/:id": {
    operationId: "renameTeam",
    params: teamIdParamSchema,
    body: renameTeamBodySchema,
    response: teamSchema,
  },
  "GET /teams/:id/candidates": {
    operationId: "listTeamCandidates",
    params: teamIdParamSchema,
    response: teamCandidateListSchema,
  },
  "PUT /teams/:id/members/:userId": {
    operationId: "addTeamMember",
    params: teamMemberParamSchema,
    response: teamSchema,
  },
  "DELETE /teams/:id/members/:userId": {
    operationId: "removeTeamMember",
    params: teamMemberParamSchema,
    response: teamSchema,
  },
  "GET /settings": { operationId: "getSettings", response: settingsSchema },
  "PATCH /settings": { operationId: "updateSettings", body: updateSettingsBodySchema, response: settingsSchema },
  "GET /settings/history": { operationId: "listSettingsHistory", response: settingsHistorySchema },
  "GET /channels/sms/usage": { operationId: "getSmsUsage", response: smsUsageSchema },
  "POST /setup/areas/import": {
    operationId: "importAreas",
    body: importAreasBodySchema,
    response: importAreasResultSchema,
  },
  "POST /setup/facilities/import": {
    operationId: "importFacilities",
    body: importFacilitiesBodySchema,
    response: importFacilitiesResultSchema,
  },
  "GET /setup/facilities": {
    operationId: "listSetupFacilities",
    query: setupFacilitiesQuerySchema,
    response: setupFacilityListSchema,
  },
  "PATCH /setup/facilities/:id": {
    operationId: "setFacilityActive",
    params: idParamSchema,
    body: setFacilityActiveBodySchema,
    response: setupFacilitySchema,
  },
  "GET /advocacy/story-candidates": { operationId: "listStoryCandidates", response: storyCandidateListSchema },
  "GET /advocacy/story-candidates/:id": {
    operationId: "getStoryCandidate",
    params: storyReportParamSchema,
    response: storyCandidateDetailSchema,
  },
  "POST /advocacy/story-candidates/:id/review": {
    operationId: "reviewAdvocacyStory",
    params: storyReportParamSchema,
    body: reviewStoryBodySchema,
    response: reviewStoryResultSchema,
  },
  "GET /advocacy/stories": { operationId: "listAdvocacyStories", response: advocacyStoryListSchema },
  "POST /advocacy/cases": {
    operationId: "createAdvocacyCase",
    body: createAdvocacyCaseBodySchema,
    response: advocacyCaseCreatedSchema,
  },
  "GET /advocacy/cases": { operationId: "listAdvocacyCases", response: advocacyCaseListSchema },
  "GET /advocacy/cases/:id": {
    operationId: "getAdvocacyCase",
    params: advocacyCaseParamSchema,
    response: advocacyCaseSchema,
  },
  "PATCH /advocacy/cases/:id": {
    operationId: "updateAdvocacyCase",
    params: advocacyCaseParamSchema,
    body: updateAdvocacyCaseBodySchema,
    response: advocacyCaseUpdatedSchema,
  },
  "GET /advocacy/cases/:id/owners": {
    operationId: "listAdvocacyCaseOwners",
    params: advocacyCaseParamSchema,
    response: advocacyOwnerListSchema,
  },
  "GET /inbox/reports/:id/advocacy-cases": {
    operationId: "listReportAdvocacyCases",
    params: advocacyCaseParamSchema,
    response: reportAdvocacyCasesSchema,
  },
  "POST /inbox/reports/:id/advocacy-cases": {
    operationId: "linkReportToAdvocacyCase",
    params: advocacyCaseParamSchema,
    body: linkReportToAdvocacyCaseBodySchema,
    response: reportLinkedToCaseSchema,
  },
  "POST /advocacy/cases/:id/actions": {
    operationId: "addAdvocacyAction",
    params: advocacyCaseParamSchema,
    body: addAdvocacyActionBodySchema,
    response: advocacyActionCreatedSchema,
  },
  "POST /advocacy/cases/:id/status": {
    operationId: "changeAdvocacyCaseStatus",
    params: advocacyCaseParamSchema,
    body: changeAdvocacyCaseStatusBodySchema,
    response: advocacyStatusResultSchema,
  },
  "GET /public/advocacy-cases": { operationId: "listPublicAdvocacyCases", response: publicAdvocacyCaseListSchema },
  "GET /setup/checklist": { operationId: "getSetupChecklist", response: setupChecklistSchema },
  "GET /setup/training": { operationId: "getTrainingSummary", response: trainingSummarySchema },
  "POST /setup/training/reset": { operationId: "resetTrainingData", response: trainingResetResultSchema },
  "GET /setup/country-profile": { operationId: "getCountryProfile", response: countryProfileSchema },
  "PATCH /setup/country-profile": {
    operationId: "updateCountryProfile",
    body: updateCountryProfileBodySchema,
    response: countryProfileSchema,
  },
  "POST /setup/content": {
    operationId: "createContent",
    body: createContentBodySchema,
    response: contentCreatedSchema,
  },
  "GET /setup/content": { operationId: "listContent", response: contentListSchema },
  "POST /setup/content/images": {
    operationId: "uploadContentImage",
    body: uploadContentImageBodySchema,
    response: contentImageSchema,
  },
  "GET /setup/content/suggestions": { operationId: "listContentSuggestions", response: contentSuggestionListSchema },
  "GET /setup/content/:id": { operationId: "getContent", params: contentIdParamSchema, response: contentDetailSchema },
  "PATCH /setup/content/:id": {
    operationId: "updateContent",
    params: contentIdParamSchema,
    body: updateContentBodySchema,
    response: contentDetailSchema,
  },
  "POST /setup/content/:id/submission": {
    operationId: "submitContentForReview",
    params: contentIdParamSchema,
    response: contentDetailSchema,
  },
  "POST /setup/content/:id/publication": {
    operationId: "publishContent",
    params: contentIdParamSchema,
    body: publishContentBodySchema,
    response: contentDetailSchema,
  },
  "DELETE /setup/content/:id/publication": {
    operationId: "unpublishContent",
    params: contentIdParamSchema,
    response: contentDetailSchema,
  },
  "POST /setup/content/preview": {
    operationId: "previewContent",
    body: previewContentBodySchema,
    response: previewContentResultSchema,
  },
  "GET /content": {
    operationId: "listPublicContent",
    query: listPublicContentQuerySchema,
    response: publicContentListSchema,
  },
  "GET /content/:slug": {
    operationId: "getPublicContent",
    params: publicContentParamSchema,
    query: getPublicContentQuerySchema,
    response: publicContentSchema,
  },
} as const satisfies Record<`${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /${string}`, ApiRouteContract>;

interface ApiRouteContract {
  operationId: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
}

export type ApiRoutes = typeof apiRoutes;
export type ApiRoute = keyof ApiRoutes;

/** What the server answers on success (the JSON as parsed). */
export type ApiResponse<R extends ApiRoute> = z.output<ApiRoutes[R]["response"]>;

/** A part of the request: required when the schema needs something, optional when it accepts nothing, absent else. */
type Part<D, K extends "params" | "query" | "body"> =
  D extends Record<K, z.ZodType>
    ? object extends z.input<D[K]>
      ? { [P in K]?: z.input<D[K]> }
      : { [P in K]: z.input<D[K]> }
    : { [P in K]?: never };

/**
 * Each route's request, worked out once per route: for a union of routes this stays one member per route, where
 * intersecting the three parts of the whole union would multiply them past what the compiler represents (TS2590).
 */
type ApiRequests = {
  [R in ApiRoute]: Part<ApiRoutes[R], "params"> & Part<ApiRoutes[R], "query"> & Part<ApiRoutes[R], "body">;
};

/** What the client sends: `params` fill the path's `:name` segments, `query` the query string, `body` the JSON body. */
export type ApiRequest<R extends ApiRoute> = R extends ApiRoute ? ApiRequests[R] : never;
