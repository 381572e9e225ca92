import assert from "node:assert/strict";
import crypto from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { account, cookieFrom, sessionOf, signInAs } from "../testing/staff-session.js";
import { createTestApp, type TestApp } from "../testing/test-app.js";
import type { RouteAccess } from "./auth.hooks.js";
import { staffRoles } from "./roles.js";

/**
 * Who calls: nobody signed in, each staff role (fully signed in, in the order of `staffRoles`), a community account.
 * A new role changes the number of columns, so the table below fails to parse until it has the new column.
 */
const callers = ["anonymous", ...staffRoles, "community"] as const;
type Caller = (typeof callers)[number];

/**
 * `ok`: reaches the operation (whatever it then answers: 200, 400 for the empty body, 404 for the placeholder id);
 * `401`: not signed in as the operation needs; `403`: signed in, but the role may not; `409`: a second-factor step
 * for someone already fully signed in.
 */
type Answer = "ok" | "401" | "403" | "409";

/**
 * The expected answer of every operation for every caller, written by hand from PRODUCT.md §1 (who may do what) and
 * NOT read from the routes' configuration that this test checks. A new operation fails the test until its row is
 * added here, so its access is decided by a person. Columns in `callers` order.
 */
const TABLE = `
operation                 anon peer dm   fr   anal cadm sadm aud  cedt comm
getHealth                 ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getPublicConfig           ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listFacilities            ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getAreaBoundaries         ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
rateFacility              ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listFacilityRatings       ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listRatingsToReview       401  403  ok   403  403  403  403  403  403  401
moderateFacilityRating    401  403  ok   403  403  403  403  403  403  401
queryFacilityQuality      401  403  ok   403  ok   ok   ok   403  403  401
login                     ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
startMfaEnrolment         401  409  409  409  409  409  409  409  409  401
verifyMfa                 401  409  409  409  409  409  409  409  409  401
logout                    ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
logoutAll                 401  ok   ok   ok   ok   ok   ok   ok   ok   401
reauthenticate            401  ok   ok   ok   ok   ok   ok   ok   ok   401
getMe                     401  ok   ok   ok   ok   ok   ok   ok   ok   401
listMyAssistedReports     401  ok   403  403  403  403  403  403  403  401
listDesks                 401  403  403  403  403  ok   ok   403  403  401
issueDeskCode             401  403  403  403  403  ok   ok   403  403  401
revokeDesk                401  403  403  403  403  ok   ok   403  403  401
activateDesk              ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getDesk                   401  401  401  401  401  401  401  401  401  401
sendDeskCodeBySms         ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
changePassword            401  ok   ok   ok   ok   ok   ok   ok   ok   401
completePasswordReset     ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listStaffUsers            401  403  403  403  403  403  ok   403  403  401
createStaffUser           401  403  403  403  403  403  ok   403  403  401
updateStaffUser           401  403  403  403  403  403  ok   403  403  401
resetStaffMfa             401  403  403  403  403  403  ok   403  403  401
issuePasswordReset        401  403  403  403  403  403  ok   403  403  401
listAuditEvents           401  403  403  403  403  403  ok   ok   403  401
verifyAuditLog            401  403  403  403  403  403  ok   ok   403  401
submitReport              ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
trackReport               ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
replyToReport             ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
confirmResolution         ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
changeReportConsent       ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
trackReportByCode         ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
replyToReportByCode       ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
confirmResolutionByCode   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
changeReportConsentByCode ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
deleteMyReport            ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
deleteMyReportByCode      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
followReportByPush        ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
unfollowReportByPush      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
registerCommunityAccount  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
communityLogin            ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
communityLogout           ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getCommunityAccount       401  401  401  401  401  401  401  401  401  ok
listMyReports             401  401  401  401  401  401  401  401  401  ok
exportMyCommunityData     401  401  401  401  401  401  401  401  401  ok
deleteCommunityAccount    401  401  401  401  401  401  401  401  401  ok
listForumThemes           ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listForumTopics           ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listForumPosts            ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
createForumTopic          401  401  401  401  401  401  401  401  401  ok
followForumTopic          401  401  401  401  401  401  401  401  401  ok
createForumPost           401  401  401  401  401  401  401  401  401  ok
createForumComment        401  401  401  401  401  401  401  401  401  ok
deleteMyForumPost         401  401  401  401  401  401  401  401  401  ok
likeForumPost             401  401  401  401  401  401  401  401  401  ok
markForumPostHelpful      401  401  401  401  401  401  401  401  401  ok
reportForumPost           401  401  401  401  401  401  401  401  401  ok
listMySupportGroups       401  401  401  401  401  401  401  401  401  ok
joinSupportGroup          401  401  401  401  401  401  401  401  401  ok
listGroupMessages         401  401  401  401  401  401  401  401  401  ok
sendGroupMessage          401  401  401  401  401  401  401  401  401  ok
streamGroupEvents         401  401  401  401  401  401  401  401  401  ok
leaveSupportGroup         401  401  401  401  401  401  401  401  401  ok
deleteMyGroupMessages     401  401  401  401  401  401  401  401  401  ok
listModerationQueue       401  ok   403  403  403  403  403  403  403  401
streamModerationEvents    401  ok   403  403  403  403  403  403  403  401
moderateForumItem         401  ok   403  403  403  403  403  403  403  401
pinForumPost              401  ok   403  403  403  403  403  403  403  401
listPinnableForumPosts    401  ok   403  403  403  403  403  403  403  401
getForumSettings          401  403  403  403  403  ok   ok   403  403  401
updateForumSettings       401  403  403  403  403  ok   ok   403  403  401
createSupportGroup        401  ok   403  403  403  403  403  403  403  401
listManagedSupportGroups  401  ok   403  403  403  403  403  403  403  401
listInboxReports          401  403  ok   ok   403  403  403  403  403  401
streamInboxEvents         401  403  ok   ok   403  403  403  403  403  401
getInboxReport            401  403  ok   ok   403  403  403  403  403  401
listDuplicateCandidates   401  403  ok   ok   403  403  403  403  403  401
listAssignees             401  403  ok   403  403  403  403  403  403  401
listBulkAssignees         401  403  ok   403  403  403  403  403  403  401
setReporterRegistration   401  403  ok   403  403  403  403  403  403  401
decideReport              401  403  ok   403  403  403  403  403  403  401
reopenReport              401  403  ok   403  403  403  403  403  403  401
assignReport              401  403  ok   403  403  403  403  403  403  401
takeReport                401  403  ok   ok   403  403  403  403  403  401
mergeDuplicateReports     401  403  ok   403  403  403  403  403  403  401
changeReportStatus        401  403  ok   ok   403  403  403  403  403  401
sendReporterMessage       401  403  ok   ok   403  403  403  403  403  401
addInternalNote           401  403  ok   ok   403  403  403  403  403  401
bulkValidateReports       401  403  ok   403  403  403  403  403  403  401
bulkAssignReports         401  403  ok   403  403  403  403  403  403  401
listSavedViews            401  403  ok   ok   403  403  403  403  403  401
createSavedView           401  403  ok   ok   403  403  403  403  403  401
updateSavedView           401  403  ok   ok   403  403  403  403  403  401
deleteSavedView           401  403  ok   ok   403  403  403  403  403  401
getReportProtocol         401  403  ok   ok   403  403  403  403  403  401
tickProtocolStep          401  403  ok   ok   403  403  403  403  403  401
queryIndicators           401  403  ok   403  ok   ok   ok   403  403  401
exportIndicators          401  403  ok   403  ok   ok   ok   403  403  401
exportReports             401  403  ok   403  ok   ok   403  403  403  401
getPublicIndicators       ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getPublicFacilityQuality  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listTargets               401  403  ok   403  ok   ok   ok   403  403  401
listBenchmarks            401  403  ok   403  ok   ok   ok   403  403  401
getFactsheet              401  403  ok   403  ok   ok   ok   403  403  401
putTarget                 401  403  403  403  403  ok   ok   403  403  401
deleteTarget              401  403  403  403  403  ok   ok   403  403  401
importBenchmark           401  403  403  403  403  ok   ok   403  403  401
deleteBenchmark           401  403  403  403  403  ok   ok   403  403  401
listProtocols             401  403  403  403  403  ok   ok   403  403  401
updateProtocol            401  403  403  403  403  ok   ok   403  403  401
listTeams                 401  403  403  403  403  ok   ok   403  403  401
createTeam                401  403  403  403  403  ok   ok   403  403  401
renameTeam                401  403  403  403  403  ok   ok   403  403  401
listTeamCandidates        401  403  403  403  403  ok   ok   403  403  401
addTeamMember             401  403  403  403  403  ok   ok   403  403  401
removeTeamMember          401  403  403  403  403  ok   ok   403  403  401
getSettings               401  403  403  403  403  403  ok   403  403  401
getDhis2Mapping           401  403  403  403  403  403  ok   403  403  401
getDhis2Metadata          401  403  403  403  403  403  ok   403  403  401
updateDhis2Mapping        401  403  403  403  403  403  ok   403  403  401
previewDhis2Push          401  403  403  403  403  403  ok   403  403  401
pushToDhis2               401  403  403  403  403  403  ok   403  403  401
listDhis2Pushes           401  403  403  403  403  403  ok   403  403  401
receiveAfricasTalkingUssd ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
receiveAfricasTalkingSms  ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
receiveTwilioSms          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
receiveTelegramUpdate     ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
verifyWhatsAppWebhook     ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
receiveWhatsAppMessage    ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getChannelSettings        401  403  403  403  403  403  ok   403  403  401
updateChannelProvider     401  403  403  403  403  403  ok   403  403  401
simulateChannel           401  403  403  403  403  ok   ok   403  403  401
receiveAfricasTalkingDeliveryReport ok ok ok ok ok ok ok ok ok ok
receiveTwilioSmsStatus    ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getSmsUsage               401  403  403  403  403  403  ok   403  403  401
getTelegramWebhookInfo    401  403  403  403  403  403  ok   403  403  401
registerTelegramWebhook   401  403  403  403  403  403  ok   403  403  401
getMyNotificationPreferences 401 ok ok ok ok ok ok ok ok 401
updateMyNotificationPreferences 401 ok ok ok ok ok ok ok ok 401
getSmtpSettings           401  403  403  403  403  403  ok   403  403  401
updateSmtpSettings        401  403  403  403  403  403  ok   403  403  401
sendTestEmail             401  403  403  403  403  403  ok   403  403  401
updateSettings            401  403  403  403  403  403  ok   403  403  401
listSettingsHistory       401  403  403  403  403  403  ok   ok   403  401
importAreas               401  403  403  403  403  ok   ok   403  403  401
importFacilities          401  403  403  403  403  ok   ok   403  403  401
getSetupTaxonomy          401  403  403  403  403  ok   ok   403  403  401
createTaxonomyItem        401  403  403  403  403  ok   ok   403  403  401
updateTaxonomyItem        401  403  403  403  403  ok   ok   403  403  401
exportTaxonomy            401  403  403  403  403  ok   ok   403  403  401
importTaxonomy            401  403  403  403  403  ok   ok   403  403  401
exportFacilities          401  403  403  403  403  ok   ok   403  403  401
listSetupFacilities       401  403  403  403  403  ok   ok   403  403  401
setFacilityActive         401  403  403  403  403  ok   ok   403  403  401
getSetupArea              401  403  403  403  403  ok   ok   403  403  401
updateArea                401  403  403  403  403  ok   ok   403  403  401
createFacility            401  403  403  403  403  ok   ok   403  403  401
getSetupFacility          401  403  403  403  403  ok   ok   403  403  401
updateFacility            401  403  403  403  403  ok   ok   403  403  401
listStoryCandidates       401  403  ok   403  403  403  403  403  403  401
getStoryCandidate         401  403  ok   403  403  403  403  403  403  401
reviewAdvocacyStory       401  403  ok   403  403  403  403  403  403  401
listAdvocacyStories       401  403  ok   403  ok   403  403  403  403  401
getSetupChecklist         401  403  403  403  403  ok   ok   403  403  401
getTrainingSummary        401  403  403  403  403  ok   ok   403  403  401
resetTrainingData         401  403  403  403  403  ok   ok   403  403  401
getCountryProfile         401  403  403  403  403  ok   ok   403  403  401
updateCountryProfile      401  403  403  403  403  ok   ok   403  403  401
getTranslationBundle      ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listLanguages             401  403  403  403  403  ok   ok   403  403  401
createLanguage            401  403  403  403  403  ok   ok   403  403  401
updateLanguage            401  403  403  403  403  ok   ok   403  403  401
getTranslationSurface     401  403  403  403  403  ok   ok   403  403  401
getTranslationCompleteness 401 403  403  403  403  ok   ok   403  403  401
putTranslations           401  403  403  403  403  ok   ok   403  403  401
exportTranslations        401  403  403  403  403  ok   ok   403  403  401
importTranslations        401  403  403  403  403  ok   ok   403  403  401
uploadCountryLogo         401  403  403  403  403  ok   ok   403  403  401
getCountryLogo            ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
createContent             401  403  403  403  403  ok   ok   403  ok   401
listContent               401  403  403  403  403  ok   ok   403  ok   401
getContent                401  403  403  403  403  ok   ok   403  ok   401
updateContent             401  403  403  403  403  ok   ok   403  ok   401
submitContentForReview    401  403  403  403  403  ok   ok   403  ok   401
previewContent            401  403  403  403  403  ok   ok   403  ok   401
publishContent            401  403  403  403  403  ok   ok   403  403  401
unpublishContent          401  403  403  403  403  ok   ok   403  403  401
uploadContentImage        401  403  403  403  403  ok   ok   403  ok   401
listContentSuggestions    401  403  403  403  403  ok   ok   403  ok   401
getContentImage           ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
listPublicContent         ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
getPublicContent          ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
createAdvocacyCase        401  403  ok   403  ok   403  403  403  403  401
listAdvocacyCases         401  403  ok   403  ok   403  403  403  403  401
getAdvocacyCase           401  403  ok   403  ok   403  403  403  403  401
updateAdvocacyCase        401  403  ok   403  ok   403  403  403  403  401
listAdvocacyCaseOwners    401  403  ok   403  ok   403  403  403  403  401
listReportAdvocacyCases   401  403  ok   ok   403  403  403  403  403  401
linkReportToAdvocacyCase  401  403  ok   ok   403  403  403  403  403  401
addAdvocacyAction         401  403  ok   403  ok   403  403  403  403  401
uploadAdvocacyDocument    401  403  ok   403  ok   403  403  403  403  401
getAdvocacyDocument       401  403  ok   403  ok   403  403  403  403  401
changeAdvocacyCaseStatus  401  403  ok   403  ok   403  403  403  403  401
getReviewPack             401  403  ok   403  ok   403  403  403  403  401
listPublicAdvocacyCases   ok   ok   ok   ok   ok   ok   ok   ok   ok   ok
`;

function parseTable(text: string): Map<string, Record<Caller, Answer>> {
  const [header, ...rows] = text.trim().split("\n");
  assert.equal(header?.trim().split(/\s+/).length, callers.length + 1, "one column per caller");
  const table = new Map<string, Record<Caller, Answer>>();
  for (const row of rows) {
    const [op, ...answers] = row.trim().split(/\s+/);
    assert.ok(op && answers.length === callers.length, `row ${row}`);
    assert.ok(!table.has(op), `${op} listed twice`);
    for (const a of answers) assert.ok(["ok", "401", "403", "409"].includes(a), `${op}: ${a}`);
    table.set(op, Object.fromEntries(callers.map((c, i) => [c, answers[i] as Answer])) as Record<Caller, Answer>);
  }
  return table;
}

const expected = parseTable(TABLE);

/**
 * Operations that end the caller's session run last, in this order: those needing the session first, then the public
 * ones, which answer the same signed in or not.
 */
const lastOfAll = ["logoutAll", "deleteCommunityAccount", "logout", "communityLogout"];
const order = (r: RouteAccess) => lastOfAll.indexOf(r.operationId ?? "");

describe("authorisation matrix (operationId × caller, from a hand-written table)", () => {
  let t: TestApp;
  const cookies = new Map<Caller, string | undefined>();
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** A fresh session per caller: the session-ending operations at the end of each run sign it out. */
  async function signIn(caller: Caller): Promise<string | undefined> {
    if (caller === "anonymous") return undefined;
    if (caller === "community") {
      const reg = await t.app.inject({
        method: "POST",
        url: "/api/community/accounts",
        payload: { nickname: `matrix-${lettersOnly(crypto.randomUUID().slice(0, 8))}`, secret: "482913" },
      });
      assert.equal(reg.statusCode, 201, reg.body);
      return cookieFrom(reg);
    }
    return signInAs(t.app, account(t.demoAccounts, caller));
  }

  /** Random, without digits: seven digits in a row would read as a phone number, which nicknames may not hold. */
  const lettersOnly = (s: string) => s.replace(/\d/g, (d) => "ghijklmnop"[Number(d)]!);
  const placeholder = "00000000-0000-4000-8000-000000000000";
  const fill = (url: string) => url.replace(/:[A-Za-z]+/g, placeholder);

  test("the table lists every operation exactly (a new one must be added by hand)", () => {
    const routes = t.app.routeTable;
    assert.ok(routes.length >= 10);
    const missing = routes.filter((r) => !r.operationId || !expected.has(r.operationId));
    assert.deepEqual(
      missing.map((r) => `${r.operationId ?? "(no operationId)"} ${r.method} ${r.url}`),
      [],
      "operations the table does not list: add their row",
    );
    const known = new Set(routes.map((r) => r.operationId));
    assert.deepEqual(
      [...expected.keys()].filter((op) => !known.has(op)),
      [],
      "rows for operations that no longer exist",
    );
  });

  for (const caller of callers) {
    test(`${caller}: every operation answers as the table says`, async () => {
      const cookie = await signIn(caller);
      cookies.set(caller, cookie);
      const ordered = [...t.app.routeTable].sort((a, b) => order(a) - order(b));
      const wrong: string[] = [];
      for (const r of ordered) {
        const want = expected.get(r.operationId ?? "")?.[caller];
        if (!want) continue; // reported by the coverage test above
        // An allowed stream never ends; its refusals go through the same hook and are checked for the others.
        if (r.stream && want === "ok") continue;
        const got = await call(r, cookie);
        if (!matches(want, got.statusCode, got.code)) {
          wrong.push(
            `${r.operationId} (${r.method} ${r.url}): expected ${want}, got ${got.statusCode} ${got.code ?? ""}`,
          );
        }
      }
      assert.deepEqual(wrong, [], `${caller}`);
    });
  }

  async function call(r: RouteAccess, cookie: string | undefined) {
    const res = await t.app.inject({
      method: r.method as "GET",
      url: fill(r.url),
      headers: cookie ? { cookie } : {},
      payload: r.method === "GET" || r.method === "DELETE" ? undefined : {},
    });
    const code = res.statusCode >= 400 ? (res.json().error?.code as string | undefined) : undefined;
    return { statusCode: res.statusCode, code };
  }

  function matches(want: Answer, status: number, code: string | undefined): boolean {
    if (want === "ok") return (status !== 401 && status !== 403) || code === "REAUTH_REQUIRED";
    if (want === "401") return status === 401 && code === "UNAUTHENTICATED";
    if (want === "403") return status === 403 && code === "FORBIDDEN";
    return status === 409;
  }

  /**
   * The scope dimension, for every operation addressing a report by id: a report placed in each responder's
   * district, then every role the table allows calls it on both. Out of scope must read as 404 (never 403, which
   * would confirm the report exists); in scope must not.
   */
  test("report operations answer 404 out of scope and never 404 in scope", async () => {
    const responders = [account(t.demoAccounts, "first_responder", 0), account(t.demoAccounts, "first_responder", 1)];
    const reportIn: string[] = [];
    for (const r of responders) {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/reports",
        payload: {
          clientId: crypto.randomUUID(),
          channel: "app",
          reporterMode: "self",
          categoryCode: "rights",
          subcategoryCode: "rights.privacy",
          districtId: r.scope.districtIds[0],
        },
      });
      assert.equal(res.statusCode, 201);
      reportIn.push(await newestReportIn(r.scope.districtIds[0]!));
    }
    // An advocacy case both scoped callers see (about the first responder's district), to link the report to.
    // One session for this test's data manager (a third sign-in within one TOTP step would need a code too far ahead).
    const dmCookie = await sessionOf(t.app, account(t.demoAccounts, "data_manager"));
    const advocacyCase = await t.app.inject({
      method: "POST",
      url: "/api/advocacy/cases",
      headers: { cookie: dmCookie },
      payload: {
        title: "Scope check",
        filters: [["is", "district", [responders[0]!.scope.districtIds[0]]]],
        from: "2026-01-01",
        dutyBearer: "District health office",
        ask: "Checking scope",
      },
    });
    assert.equal(advocacyCase.statusCode, 201, advocacyCase.body);
    // Valid bodies, so the answer comes from the scope check and not from validation.
    const validBodies: Record<string, object> = {
      "advocacy-cases": { caseId: advocacyCase.json().id },
      decision: { decision: "validate" },
      reopen: { note: "checking scope" },
      assignment: { assigneeId: null },
      registration: { registeredWithProgramme: "yes" },
      status: { status: "in_progress" },
      messages: { body: "checking scope" },
      notes: { body: "checking scope" },
      "protocol-steps": { stepCode: "contact_reporter", done: true },
      take: {},
      merge: { intoId: crypto.randomUUID() },
    };
    const idRoutes = t.app.routeTable.filter((r) => r.url.startsWith("/api/inbox/reports/:id"));
    assert.ok(idRoutes.length >= 8, "every report-by-id route is covered");
    const scoped = [
      { caller: "first_responder", cookie: await sessionOf(t.app, responders[0]!) },
      { caller: "data_manager", cookie: dmCookie },
    ] as const;
    for (const r of idRoutes) {
      for (const s of scoped) {
        if (expected.get(r.operationId ?? "")?.[s.caller] !== "ok") continue;
        const at = (id: string) =>
          t.app.inject({
            method: r.method as "GET",
            url: r.url.replace(":id", id),
            headers: { cookie: s.cookie },
            payload: r.method === "GET" ? undefined : validBodies[r.url.split("/").pop() ?? ""],
          });
        const out = await at(reportIn[1]!);
        assert.equal(out.statusCode, 404, `${s.caller} ${r.operationId} out of scope → ${out.statusCode}`);
        const inside = await at(reportIn[0]!);
        assert.notEqual(inside.statusCode, 404, `${s.caller} ${r.operationId} in scope → ${inside.statusCode}`);
      }
    }
  });

  /** The id of the newest report in a district. */
  async function newestReportIn(districtId: string): Promise<string> {
    const [row] = await t.database.rows<{ id: string }>(
      sql`SELECT id FROM reports WHERE district_id = ${districtId} ORDER BY created_at DESC LIMIT 1`,
    );
    return row!.id;
  }
});
