/** The auditor view (/audit): the audit log and its integrity check. English is the source. */
const audit = {
  title: "Audit log",
  intro:
    "Every view of personal data and every change is recorded here, in a chain of hashes that shows any later edit. Filter the log, and check its integrity.",
  integrity: {
    title: "Integrity check",
    intro:
      "The server recomputes every event's hash from the first one and checks the signed checkpoints, as npm run audit:verify does.",
    run: "Check integrity",
    running: "Checking…",
    ok_one: "The audit log is intact: {{count}} event checked.",
    ok_other: "The audit log is intact: {{count}} events checked.",
    bad_one: "The audit log was altered: {{count}} problem found.",
    bad_other: "The audit log was altered: {{count}} problems found.",
    head: "Head of the chain",
    checkpoints: "Signed checkpoints",
    latestCheckpoint_one: "{{count}} checkpoint; the latest at event #{{seq}}, {{at}}",
    latestCheckpoint_other: "{{count}} checkpoints; the latest at event #{{seq}}, {{at}}",
    noCheckpoint: "None yet (the server signs one every 15 minutes).",
    checkedAt: "Checked at",
    problems: "Where the chain breaks (the first 50):",
    record:
      "Write the head hash down somewhere other than this server (a dated note, an email to yourself): a later check then also proves that nothing was rewritten before it.",
  },
  filters: {
    title: "Filters",
    actor: "Staff member (email)",
    action: "Action",
    entity: "Entity",
    entityId: "Entity id",
    from: "From",
    to: "To",
    personal: "Only views of personal data",
    utc: "Times and dates are in UTC.",
    actorId: "Only actor {{id}}.",
    clearActorId: "Any actor",
    apply: "Show events",
    clear: "Clear filters",
  },
  log: {
    title: "Events, newest first",
    titleOlder: "Older events",
    loading: "Loading events…",
    none: "No event matches these filters.",
    pages: "Pages of the log",
    newest: "Newest events",
    older: "Older events",
  },
  event: {
    personal: "Personal data viewed",
    action: "Action",
    actor: "By",
    entity: "On",
    filterEntity: "Show only events on {{entity}} {{id}}",
    details: "Details",
  },
  actor: {
    staff: "Staff account",
    community: "Community account",
    other: "System or anonymous",
  },
  outcome: {
    failure: "Failed",
    denied: "Refused",
  },
};

export default audit;
