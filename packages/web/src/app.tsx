import { LocationProvider, Route, Router } from "preact-iso";
import { ConfigProvider } from "./api/public-config.js";
import { useBrandColours, useDocumentLanguage } from "./shared/document.js";
import { ErrorBoundary } from "./shared/error-boundary.js";
import { I18nProvider } from "./shared/i18n-provider.js";
import { lazyRoute } from "./shared/lazy-route.js";
import { focusPageHeading } from "./shared/page-heading.js";

/*
 * One lazy route group per surface: each is its own chunk, loaded with its translation namespace. The entry chunk
 * holds only this router, i18n and the config client.
 */
const Landing = lazyRoute(() => import("./surfaces/landing/landing.surface.js").then((m) => m.default));
const CommunityApp = lazyRoute(
  () => import("./surfaces/community/community.surface.js").then((m) => m.default),
  ["app"],
);
const Inbox = lazyRoute(() => import("./surfaces/inbox/inbox.surface.js").then((m) => m.default), ["inbox"]);
const Dashboard = lazyRoute(
  () => import("./surfaces/dashboard/dashboard.surface.js").then((m) => m.default),
  ["dashboard"],
);
// Set-up names indicators (targets, benchmarks) with the dashboard's words.
const Setup = lazyRoute(
  () => import("./surfaces/setup/setup.surface.js").then((m) => m.default),
  ["setup", "dashboard"],
);
const Audit = lazyRoute(() => import("./surfaces/audit/audit.surface.js").then((m) => m.default), ["audit"]);
const Account = lazyRoute(() => import("./surfaces/account/account.surface.js").then((m) => m.default));
const ResetPassword = lazyRoute(() => import("./surfaces/account/reset-password.surface.js").then((m) => m.default));
const NotFound = lazyRoute(() => import("./surfaces/landing/not-found.js").then((m) => m.default));

function DocumentLanguage() {
  useDocumentLanguage();
  useBrandColours();
  return null;
}

export function App() {
  return (
    <I18nProvider>
      <ConfigProvider>
        <DocumentLanguage />
        <LocationProvider>
          <ErrorBoundary>
            <Router onRouteChange={focusPageHeading}>
              <Route path="/" component={Landing} />
              <Route path="/app" component={CommunityApp} />
              <Route path="/app/*" component={CommunityApp} />
              <Route path="/inbox" component={Inbox} />
              <Route path="/inbox/*" component={Inbox} />
              <Route path="/dashboard" component={Dashboard} />
              <Route path="/dashboard/*" component={Dashboard} />
              <Route path="/setup" component={Setup} />
              <Route path="/setup/*" component={Setup} />
              <Route path="/audit" component={Audit} />
              <Route path="/account" component={Account} />
              <Route path="/reset-password" component={ResetPassword} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </LocationProvider>
      </ConfigProvider>
    </I18nProvider>
  );
}
