import assert from "node:assert/strict";
import { test } from "node:test";
import { type Asked, activeSteps, type Draft, nextStep, previousStep, toSubmitBody } from "./draft.js";

const allAsked: Asked = { gender: true, ageGroup: true, keyPopulations: true, facility: true, occurredOn: true };

/** A draft answered throughout, in a district, with a facility. */
function answered(): Draft {
  return {
    clientId: "00000000-0000-4000-8000-000000000001",
    step: "review",
    reporterMode: "self",
    onBehalfAgreed: false,
    assistantKind: null,
    consentMethod: null,
    consentReference: "",
    categoryCode: "cost",
    subcategoryCode: "cost_medicines",
    challengeTypes: [],
    regionId: "00000000-0000-4000-8000-000000000002",
    districtId: "00000000-0000-4000-8000-000000000003",
    facilityId: "00000000-0000-4000-8000-000000000004",
    facilityName: "Clinic",
    position: null,
    description: "",
    occurredWhen: "earlier",
    occurredOn: "2025-01-15",
    gender: "female",
    ageGroup: "25-34",
    keyPopulations: ["plhiv"],
    keyPopulationsUndisclosed: false,
    consent: { contactMe: false, shareDeidentified: false, useInAdvocacyStories: false },
    phone: "",
  };
}

test("every optional question is a step of its own while the programme asks it", () => {
  assert.deepEqual(activeSteps(answered(), allAsked), [
    "category",
    "subcategory",
    "challenges",
    "place",
    "facility",
    "when",
    "story",
    "gender",
    "age",
    "keyPopulations",
    "consent",
    "review",
  ]);
});

test("a question switched off in Settings is not asked: its step is left out", () => {
  const asked = { ...allAsked, gender: false, keyPopulations: false, facility: false, occurredOn: false };
  assert.deepEqual(activeSteps(answered(), asked), [
    "category",
    "subcategory",
    "challenges",
    "place",
    "story",
    "age",
    "consent",
    "review",
  ]);
  assert.equal(nextStep({ ...answered(), step: "place" }, asked), "story");
  assert.equal(previousStep({ ...answered(), step: "age" }, asked), "story");
});

test("a draft kept on a step switched off since goes on to the neighbouring steps still asked", () => {
  const asked = { ...allAsked, gender: false };
  assert.equal(nextStep({ ...answered(), step: "gender" }, asked), "age");
  assert.equal(previousStep({ ...answered(), step: "gender" }, asked), "story");
});

test("answers to questions switched off are not sent, even when the draft holds them from before", () => {
  const on = toSubmitBody(answered(), "en", null, allAsked);
  assert.equal(on.occurredOn, "2025-01-15");
  assert.equal(on.gender, "female");
  assert.equal(on.ageGroup, "25-34");
  assert.deepEqual(on.keyPopulations, ["plhiv"]);
  assert.equal(on.facilityId, "00000000-0000-4000-8000-000000000004");

  const asked = { ...allAsked, gender: false, keyPopulations: false, facility: false, occurredOn: false };
  const off = toSubmitBody(answered(), "en", null, asked);
  assert.equal(off.occurredOn, null);
  assert.equal(off.gender, null);
  assert.equal(off.ageGroup, "25-34", "the age group is still asked");
  assert.deepEqual(off.keyPopulations, []);
  assert.equal(off.facilityId, null);
});

test("a report made for someone carries who assisted and how consent was given; its own report carries none", () => {
  assert.equal(toSubmitBody(answered(), "en", null, allAsked).assistedBy, null);
  const assisted: Draft = {
    ...answered(),
    reporterMode: "on_behalf",
    onBehalfAgreed: true,
    assistantKind: "family",
    consentMethod: "thumbprint",
    consentReference: " FORM-12 ",
  };
  assert.deepEqual(toSubmitBody(assisted, "en", null, allAsked).assistedBy, {
    kind: "family",
    consentMethod: "thumbprint",
    consentReference: "FORM-12",
  });
  const spoken = { ...assisted, consentMethod: "spoken" as const };
  assert.equal(toSubmitBody(spoken, "en", null, allAsked).assistedBy?.consentReference, null, "no paper, no reference");
});
