/** SMART set-up (/setup): what a country adapts without code. */
const setup = {
  title: "Set-up",
  intro: "Adapt forms, places, content, geography, protocols, targets and users, without a redeploy.",
};

export default setup;
