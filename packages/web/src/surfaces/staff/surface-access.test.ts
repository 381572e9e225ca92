import assert from "node:assert/strict";
import { test } from "node:test";
import { permissionsByRole, type StaffRole } from "../../../../server/src/identity/roles.js";
import { homeFor, landingAfterSignIn, usablePlaces } from "./surface-access.js";

/** Each role with the permissions the server really gives it (identity/roles.ts). */
const member = (role: StaffRole) => ({ role, permissions: [...permissionsByRole[role]] as string[] });

test("each role lands where it works (PRODUCT.md §1)", () => {
  const expected: Record<StaffRole, string> = {
    peer_supporter: "/app",
    data_manager: "/inbox",
    first_responder: "/inbox",
    analyst: "/dashboard",
    country_admin: "/setup",
    system_admin: "/setup",
    auditor: "/audit",
    content_editor: "/setup",
  };
  for (const role of Object.keys(expected) as StaffRole[]) assert.equal(homeFor(member(role)), expected[role], role);
});

test("the menu of each role lists exactly the places it can use, its home among them", () => {
  const expected: Record<StaffRole, string[]> = {
    peer_supporter: ["/inbox", "/app"],
    data_manager: ["/inbox", "/dashboard"],
    first_responder: ["/inbox"],
    analyst: ["/dashboard"],
    country_admin: ["/dashboard", "/setup"],
    system_admin: ["/dashboard", "/setup", "/audit"],
    auditor: ["/audit"],
    content_editor: ["/setup"],
  };
  for (const role of Object.keys(expected) as StaffRole[]) {
    const hrefs = usablePlaces(member(role)).map((p) => p.href);
    assert.deepEqual(hrefs, expected[role], role);
    assert.ok(hrefs.includes(homeFor(member(role))), `${role}'s home is in its menu`);
  }
});

test("a role whose home its permissions no longer open lands on the first place it can use", () => {
  assert.equal(homeFor({ role: "country_admin", permissions: ["indicators:read"] }), "/dashboard");
  assert.equal(homeFor({ role: "auditor", permissions: [] }), "/app");
});

test("after signing in: a page the role cannot use leads home; the sign-in page leads a peer supporter back to the app", () => {
  const peer = member("peer_supporter");
  assert.ok(peer.permissions.includes("forum:moderate"), "the demo's peer supporter moderates");
  assert.equal(landingAfterSignIn(peer, "/inbox", true), "/app", "the sign-in page is not their queue's address");
  assert.equal(landingAfterSignIn(peer, "/inbox/forum", true), null, "a link to the queue stays there");
  assert.equal(landingAfterSignIn(member("data_manager"), "/inbox", true), null);
  assert.equal(landingAfterSignIn(member("country_admin"), "/inbox/stories", true), null);
  assert.equal(landingAfterSignIn(member("analyst"), "/inbox", false), "/dashboard");
});
