// Quick-exit landing page: deliberately empty. Fill the history with copies of this page so that pressing Back
// stays here instead of returning to the app (where the browser allows it).
try {
  for (let i = 0; i < 10; i++) history.pushState(null, "", location.pathname);
} catch {
  // history may be unavailable: nothing else to do
}
