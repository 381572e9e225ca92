import { Component, type ComponentChildren } from "preact";
import { Problem } from "./problem.js";

interface State {
  error: Error | null;
}

/** Catches render errors below it and offers a reload instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ComponentChildren }, State> {
  override state: State = { error: null };

  override componentDidCatch(error: unknown): void {
    // Errors thrown as promises are Suspense signals, handled by the router.
    if (error && typeof (error as PromiseLike<unknown>).then === "function") throw error;
    this.setState({ error: error instanceof Error ? error : new Error(String(error)) });
  }

  override render() {
    if (this.state.error) return <Problem error={this.state.error} onRetry={() => location.reload()} />;
    return this.props.children;
  }
}
