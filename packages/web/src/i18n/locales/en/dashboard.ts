/** The accountability dashboard (/dashboard). */
const dashboard = {
  title: "Accountability dashboard",
  intro: "Indicators, trends, targets and maps built from validated reports, without identities.",
};

export default dashboard;
