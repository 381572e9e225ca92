/**
 * What the text channels say (USSD, SMS, Telegram, WhatsApp): the server reads this namespace (ADR 0022). Short on
 * purpose: a USSD screen holds 182 characters in GSM 7-bit text and 80 when the language needs UCS-2 (Cyrillic,
 * Khmer), options included (server channels/screen.ts pages them). Like every message the platform sends itself,
 * nothing here names the illness: phones are shared. English is the source.
 */
const channels = {
  // USSD and SMS screens (at most 182 GSM 7-bit characters, 80 in UCS-2, options included)
  category: "What happened?",
  subcategory: "What kind?",
  challengeType: "Closest to:",
  region: "Which region?",
  districtPrefix: "Type the first letters of the district name (1: see the list):",
  noDistrict: "No district starts so. Type other letters (1: see the list):",
  district: "Which district?",
  facility: "Which place?",
  noFacility: "None of these",
  occurredOn: "When?",
  today: "Today",
  yesterday: "Yesterday",
  lastWeek: "This week",
  lastMonth: "This month",
  gender: "You are:",
  female: "Woman",
  male: "Man",
  transgender: "Transgender",
  other: "Other",
  undisclosed: "Prefer not to say",
  ageGroup: "Your age:",
  keyPopulations: "Are you in one of these groups?",
  noneOfThese: "None / not say",
  // Telegram and WhatsApp: replies come back in the chat, not by SMS
  contactMeChat: "May we write to you in this chat when someone answers your report?",
  contactMe: "May we send SMS about this report to this number?",
  shareDeidentified: "May we count it, without your name, in public figures?",
  useInAdvocacyStories: "May we tell what happened, without your name, to push for change?",
  // Answers and navigation
  yes: "Yes",
  no: "No",
  more: "More",
  back: "Back",
  invalid: "Not a choice.",
  // The end of a report
  done: "Thank you. Your report code is {{code}}. Keep it to follow your report.",
  failed: "Sorry, we could not take your report now. Please try again later.",
  simulated: "TEST: the report would be accepted. Nothing was stored and nothing was sent.",
  // The first message of a chat
  chatStart:
    "Hello. This service takes reports of problems with health services, in confidence. Choose with the buttons or type the number of an option.",
  choose: "Choose",
  // SMS: a message that is not a reply to a report
  smsStart: "To report a problem, reply REPORT.",
  replyTaken: "Thank you. Your message was added to report {{code}}.",
  // Messages the platform itself writes in the reporter's conversation (app, SMS, chat): a report accepted,
  // resolved, declined (why, and what the person can do), or part of a change. Never the illness.
  thread: {
    validated: "Thank you. Your report was checked and accepted. A responder will contact you here.",
    resolved: "We believe your problem has been solved. Was it? Please tell us on this page.",
    changed:
      "Thank you for speaking up. Your report, with others, led to a change. Open What changed in the app to read about it.",
    declined: {
      duplicate:
        "Thank you for your report. We already have a report about this same problem, and the team is working on that one, so we closed this copy. You do not need to do anything. If something new happened, you can send a new report.",
      not_registered:
        "Thank you for your report. This programme can take up reports only from people registered for care with it, and we could not find that registration. A clinic or a community worker can help you register; then you can report again.",
      spam: "Thank you for your report. It did not look like a real problem with care or support, so we could not take it up. If it was a real problem, please send it again and tell us what happened, where and when.",
      insufficient_information:
        "Thank you for your report. There was not enough information for us to act on it. You can send a new report with more details: what happened, where and when. You can also write to us here.",
      out_of_scope:
        "Thank you for your report. This problem is outside what this programme can help with. In the app, “Get access” lists services near you that may help.",
      other:
        "Thank you for your report. We could not take it further this time. If you have questions, write to us here and a helper will answer.",
    },
  },
};

export default channels;
