/** The first responder inbox (/inbox). */
const inbox = {
  title: "Inbox",
  intro: "Reports for your team will appear here, with their deadlines, messages and next steps.",
};

export default inbox;
