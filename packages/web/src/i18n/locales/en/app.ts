import type { FacilityType } from "@openclm/contracts";

/** The community app (/app). Wording is plain, short and names no disease in titles: phones are shared. */
const app = {
  quickExit: {
    label: "Quick exit",
    hint: "Leaves this app at once. You can also press Esc three times.",
  },
  nav: {
    label: "App sections",
    home: "Home",
    back: "Back to home",
  },
  home: {
    title: "How can we help you today?",
    intro: "Choose a section. Nothing you look at here is shared with anyone.",
  },
  sections: {
    rights: { title: "Know your rights", summary: "What you can expect from health and support services." },
    info: { title: "Get information", summary: "Clear answers about care, treatment and support." },
    access: { title: "Get access", summary: "Services near me: clinics, support and advice." },
    connected: { title: "Get connected", summary: "Talk with people who have been through it." },
    involved: { title: "Get involved", summary: "Report a challenge you met, so it can be fixed." },
    reports: { title: "My reports", summary: "Follow what happens with what you reported." },
    changes: { title: "What changed", summary: "News on problems that were solved." },
  },
  comingSoon: {
    title: "Coming soon",
    body: "This section is being prepared and will arrive in a coming update.",
  },
  nearMe: {
    intro: "Choose an area to see the services there.",
    filters: "Filter services",
    area: "Area",
    chooseArea: "Choose an area",
    allOf: "All of {{name}}",
    type: "Type of service",
    allTypes: "All types",
    results_one: "{{count}} place found",
    results_other: "{{count}} places found",
    empty: "No services are listed for this choice.",
    pickFirst: "Choose an area above to see services.",
    address: "Address",
    hours: "Opening hours",
    phone: "Phone",
    call: "Call {{phone}}",
    noHours: "Opening hours not listed",
    closed: "Closed",
    types: {
      tb_clinic: "TB clinic",
      dot_centre: "Treatment support centre",
      hospital: "Hospital",
      laboratory: "Laboratory",
      pharmacy: "Pharmacy",
      ngo: "Community organisation",
      legal_aid: "Legal aid",
      psychosocial: "Counselling and mental health",
      nutrition: "Nutrition support",
      social_protection: "Social protection",
      point_of_interest: "Other place",
    } satisfies Record<FacilityType, string>,
  },
};

export default app;
