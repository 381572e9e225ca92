import type { ErrorCode, StaffRoleCode } from "@openclm/contracts";

/** Strings shared by every surface: the shell, errors, the landing page, the staff layout. English is the source. */
const common = {
  skipToContent: "Skip to main content",
  language: "Language",
  loading: "Loading…",
  retry: "Try again",
  help: {
    link: "Help",
    newTab: "(opens in a new tab)",
  },
  tour: {
    start: "Take the tour",
    startFor: "Take the tour of this screen",
    step: "Step {{current}} of {{total}}",
    next: "Next",
    back: "Back",
    done: "Done",
    close: "Close the tour",
    inbox: {
      queue: {
        title: "Your queue",
        body: "The reports in your areas, newest first. Open one to read it, validate or decline it, assign it and reply to the reporter.",
      },
      search: { title: "Search", body: "Find a report by its tracking code or by words from its description." },
      filters: {
        title: "Filters",
        body: "Narrow the queue by status, place, category, who holds the report and more. The address keeps your filters: bookmark it or save it as a view.",
      },
      training: {
        title: "Training mode",
        body: "Practise on practice reports: they never count in any figure, and nothing you do there is sent to anyone.",
      },
      help: {
        title: "Help",
        body: "The manual for this screen opens in a new tab. You can take this tour again from here.",
      },
    },
    setup: {
      checklist: {
        title: "Set-up checklist",
        body: "What the country has done so far, and what is left before reports can come in.",
      },
      sections: {
        title: "Sections",
        body: "Each section holds one part of the country's set-up: geography, facilities, forms, content, staff accounts and more.",
      },
      nav: { title: "Set-up navigation", body: "Move between the sections from here on every Set-up page." },
      help: {
        title: "Help",
        body: "The manual for this screen opens in a new tab. You can take this tour again from here.",
      },
    },
  },
  offline: "You are offline. Saved information is shown.",
  surfaces: {
    app: "Community app",
    inbox: "Responder inbox",
    dashboard: "Accountability dashboard",
    publicDashboard: "Public figures",
    setup: "Set-up",
    audit: "Audit log",
  },
  landing: {
    title: "Welcome",
    intro:
      "Community-led monitoring: people share the challenges they meet, responders act, and everyone sees what changes.",
    surfacesLabel: "Choose where to go",
    app: "Find services, know your rights and report a challenge.",
    inbox: "For first responders: handle reports and reply to people.",
    publicDashboard: "For everyone, without signing in: what people report and what was done, area by area.",
    dashboard: "For advocates and programme staff: indicators, trends and targets.",
    setup: "For administrators: forms, places, content and users.",
  },
  /**
   * What the server itself sends a reporter by web push, SMS, Telegram or WhatsApp (server notifications/
   * reporter-notifications.ts `reporterNotice` builds it from these). Never the illness; the content only where the
   * platform setting allows it: phones are shared and notices show on a locked screen. `how*` say how to read it,
   * `answer*` how to answer; `{{ref}}` is the tracking code (push: its first group only).
   */
  notices: {
    title: "New message",
    reply: "There is a reply to your report {{ref}}.",
    update: "There is news about your report {{ref}}.",
    content: "Report {{ref}}: {{content}}",
    howPush: "Open the app and go to My reports.",
    howSmsUrl: "Read it at {{url}} with your code, or reply to this SMS.",
    howSms: "Read it on the tracking page with your code, or reply to this SMS.",
    howChatUrl: "Read it at {{url}} with your code, or reply in this chat.",
    howChat: "Read it on the tracking page with your code, or reply in this chat.",
    answerSms: "(Reply to this SMS to answer.)",
    answerChat: "(Reply in this chat to answer.)",
  },
  staff: {
    securityNotice: {
      title: "Sign-in attempts on your account",
      failed_one:
        "{{count}} failed sign-in attempt on your account since your last sign-in, the latest on {{date}}. If it was not you, tell your administrator.",
      failed_other:
        "{{count}} failed sign-in attempts on your account since your last sign-in, the latest on {{date}}. If it was not you, tell your administrator.",
      alerts_one:
        "{{count}} alert of repeated failed sign-ins on an account since your last sign-in. The audit log has the details.",
      alerts_other:
        "{{count}} alerts of repeated failed sign-ins on accounts since your last sign-in. The audit log has the details.",
      dismiss: "Understood",
    },
    navLabel: "Staff areas",
    assistedReporting: "Report on someone's behalf",
    home: "Start page",
    signInSoon: "More tools for this area arrive with the next release.",
    signInSoonDetail: "You are signed in; this page will fill in as the work lands.",
    signIn: {
      title: "Sign in",
      email: "Email",
      password: "Password",
      continue: "Continue",
      codeTitle: "Enter your sign-in code",
      code: "6-digit code",
      codeHint: "Open your authenticator app and type the code it shows for this account.",
      recoveryCode: "Recovery code",
      verify: "Sign in",
      useRecovery: "Use a recovery code",
      useApp: "Use the authenticator app",
      restart: "Start again",
      locked: "You were signed out after a period without activity. Sign in again to continue.",
      signedOut: "You are signed out.",
    },
    enrol: {
      title: "Set up two-step sign-in",
      intro: "Scan this QR code with an authenticator app on your phone, then enter the code it shows.",
      qrAlt: "QR code to add this account to an authenticator app",
      manual: "If you cannot scan it, type this key into the app:",
    },
    recovery: {
      title: "Save your recovery codes",
      intro:
        "Each code lets you sign in once if you lose your phone. Keep them somewhere safe: they are shown only now.",
      saved: "I saved my recovery codes",
      continue: "Continue",
    },
    account: {
      signOut: "Sign out",
      signOutEverywhere: "Sign out everywhere",
    },
    notifications: {
      title: "E-mail notifications",
      intro: "E-mail about new reports in your area, reports assigned to you and escalations to you.",
      legend: "Send me these e-mails",
      choices: {
        immediate: "At once, one e-mail each",
        digest: "Once a day, all together (daily digest)",
        off: "Never",
      },
      privacy:
        "An e-mail says only what happened, in which district, and links to the report in the inbox: never the reporter's words or contact.",
      save: "Save my choice",
      saved: "Saved.",
    },
    password: {
      title: "Change password",
      pageTitle: "Your account",
      intro:
        "Type your current password, then the new one twice. You stay signed in here; every other device is signed out.",
      forcedTitle: "Choose your own password",
      forcedIntro:
        "An administrator chose the password you signed in with. Choose one that only you know before you continue.",
      current: "Current password",
      given: "Password you were given",
      new: "New password",
      again: "New password again",
      policy: "At least 12 characters, not a common password, not your email.",
      wrongCurrent: "The current password is not correct.",
      mismatch: "The two new passwords are not the same.",
      save: "Save new password",
      changed: "Your password was changed. Other devices were signed out.",
    },
    reset: {
      title: "Reset your password",
      formTitle: "Choose a new password",
      intro:
        "An administrator sent you this one-time link. Choose a new password; then sign in and set up your authenticator app again.",
      noToken:
        "This page needs the whole link you were given. Open the link again, or ask an administrator for a new one.",
      save: "Set password",
      doneTitle: "Your new password is set",
      doneBody: "Sign in with it. You will then set up two-step sign-in again with your authenticator app.",
      signIn: "Sign in",
    },
    noAccess: {
      title: "Your role cannot use this area",
      body: "Your account ({{role}}) does not include this part of the platform. Ask an administrator if you need it.",
      home: "Go to your area: {{place}}",
      instead: "You can also use:",
    },
  },
  roles: {
    peer_supporter: "Peer supporter",
    data_manager: "Data manager",
    first_responder: "First responder",
    analyst: "Analyst",
    country_admin: "Country administrator",
    system_admin: "System administrator",
    auditor: "Auditor",
    content_editor: "Content editor",
  } satisfies Record<StaffRoleCode, string>,
  notFound: {
    title: "Page not found",
    body: "This page does not exist or has moved.",
    home: "Go to the start page",
  },
  problem: {
    title: "Something went wrong",
    network: "We could not reach the server. Check your connection and try again.",
  },
  errors: {
    VALIDATION_FAILED: "Some information is missing or not valid.",
    MALFORMED_JSON: "The request could not be read.",
    UNSUPPORTED_MEDIA_TYPE: "The request could not be read.",
    UNAUTHENTICATED: "Please sign in.",
    MFA_REQUIRED: "Enter the code from your authenticator app.",
    INVALID_CREDENTIALS: "The email or password is not correct.",
    INVALID_MFA_CODE: "The code is not correct.",
    SESSION_EXPIRED: "Your session has ended. Please sign in again.",
    FORBIDDEN: "You are not allowed to do this.",
    COUNTRY_SCOPE_REQUIRED:
      "This applies to the whole country: only an administrator with a country-wide scope can change it.",
    CSRF_FAILED: "Please reload the page and try again.",
    NOT_FOUND: "Not found.",
    ROUTE_NOT_FOUND: "Not found.",
    CONFLICT: "This was changed by someone else. Reload and try again.",
    ALREADY_DECIDED: "A decision was already made on this report.",
    VERSION_CONFLICT: "This was changed by someone else. Reload and try again.",
    INVALID_TRANSITION: "This status change is not possible.",
    PAYLOAD_TOO_LARGE: "This is too large to send.",
    RATE_LIMITED: "Too many attempts. Please wait a moment and try again.",
    UNKNOWN_CATEGORY: "Please choose a category from the list.",
    UNKNOWN_SUBCATEGORY: "Please choose a topic from the list.",
    UNKNOWN_CHALLENGE_TYPE: "Please choose a challenge from the list.",
    UNKNOWN_KEY_POPULATION: "Please choose the groups from the list.",
    UNKNOWN_AREA: "Please choose an area from the list.",
    UNKNOWN_FACILITY: "Please choose a place from the list.",
    PLACE_REQUIRED: "Please say where this happened.",
    POSITION_OUTSIDE_AREAS: "Your position is outside the areas covered. Please choose an area.",
    WEAK_PASSWORD: "Please choose a longer, less common password.",
    TRIVIAL_PIN: "This PIN is too easy to guess (repeated digits, a run like 123456, a date). Choose another.",
    PASSWORD_CHANGE_REQUIRED: "Choose your own password before you continue.",
    RESET_LINK_INVALID: "This reset link has expired or was already used. Ask an administrator for a new one.",
    PLACEHOLDER_MISMATCH:
      "The translation must keep every placeholder of the original text (the names in double braces) and add none.",
    SERVICE_UNAVAILABLE: "The service is busy. Please try again soon.",
    REAUTH_REQUIRED: "Please confirm your password to continue.",
    EMAIL_TAKEN: "This email address is already in use.",
    LAST_SYSTEM_ADMIN: "This is the only active system administrator. Appoint another one first.",
    MFA_NOT_ENROLLED: "Set up two-step sign-in first.",
    NICKNAME_NOT_ALLOWED:
      "Choose a nickname that does not give away who you are: no real name, phone number or e-mail.",
    ACCOUNT_SUSPENDED: "A moderator has paused this account from posting for now.",
    MEMBERS_ONLY: "Sign in to your community account to read the forum.",
    ALREADY_RATED: "You rated this place in the last 30 days. You can rate it again later.",
    CODE_IN_USE: "Reports already use this code, so it cannot change or go away. Retire the item instead.",
    CODE_TAKEN: "Another item already has this code. Choose a different one.",
    PERIOD_NOT_CLOSED: "This period has not ended yet: its figures would still change. Choose a closed period.",
    ALREADY_PUSHED: "This period was already sent to DHIS2. Tick “send again” to correct it.",
    DHIS2_NOT_CONFIGURED: "DHIS2 is not set up yet: give the address, a token and the mapping first.",
    REPORT_ERASED:
      "This report was deleted: its personal data and messages are gone, and nobody can write to it any more.",
    PUBLIC_QUERY_NOT_ALLOWED: "Published figures take one value per filter, and only reports shared for publication.",
    PERIOD_NOT_CALENDAR: "Published figures cover one calendar month, one quarter or one year.",
    INTERNAL: "Something went wrong on our side. Please try again.",
    MALFORMED_REQUEST: "The request could not be read.",
    REQUEST_TIMEOUT: "The connection is too slow. Please try again.",
    HEADERS_TOO_LARGE: "The request is too large to send.",
  } satisfies Record<ErrorCode, string>,
};

export default common;
