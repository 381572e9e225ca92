import type { CommunityAccount } from "@openclm/contracts";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort } from "../../../api/client.js";
import { flushOutbox } from "../outbox/outbox-sender.js";
import {
  type AccountReport,
  accountReports,
  currentAccount,
  deleteAccount,
  hasAccountHint,
  setAccountHint,
  signOut,
} from "./account-api.js";

/**
 * - `off`: not signed in (or never asked: no hint on this device);
 * - `checking`: this device signed in before, asking the server whether the session still holds;
 * - `unreachable`: that question got no answer (offline); the device's own list still shows;
 * - `on`: signed in as `nickname`.
 */
export type AccountPhase = "off" | "checking" | "unreachable" | "on";

export interface AccountState {
  phase: AccountPhase;
  nickname: string | null;
  reports: AccountReport[];
  /** Loading the account's reports failed (the account itself is fine). */
  reportsError: ApiError | null;
}

const SIGNED_OUT: AccountState = { phase: "off", nickname: null, reports: [], reportsError: null };

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, "NETWORK", "");
}

/**
 * The optional community account on My reports. The nickname lives only in this component's memory: it is gone
 * when the page is left (the quick exit included) and asked again from the server on the next visit.
 */
export function useCommunityAccount() {
  const [state, setState] = useState<AccountState>(() =>
    hasAccountHint() ? { ...SIGNED_OUT, phase: "checking" } : SIGNED_OUT,
  );
  const [attempt, setAttempt] = useState(0);
  const ctrl = useRef<AbortController | null>(null);

  const fresh = () => {
    ctrl.current?.abort();
    ctrl.current = new AbortController();
    return ctrl.current.signal;
  };

  /** The session ended on the server (expired, signed out elsewhere, account deleted): forget the hint. */
  const dropSession = useCallback(() => {
    setAccountHint(false);
    setState(SIGNED_OUT);
  }, []);

  const loadReports = useCallback(
    async (signal: AbortSignal) => {
      try {
        const reports = await accountReports(signal);
        setState((s) => (s.phase === "on" ? { ...s, reports, reportsError: null } : s));
      } catch (err) {
        if (isAbort(err)) return;
        const e = asApiError(err);
        if (e.status === 401) dropSession();
        else setState((s) => (s.phase === "on" ? { ...s, reportsError: e } : s));
      }
    },
    [dropSession],
  );

  // On arrival, only when this device signed in before: does the session still hold?
  useEffect(() => {
    if (!hasAccountHint()) return;
    const signal = fresh();
    setState({ ...SIGNED_OUT, phase: "checking" });
    currentAccount(signal).then(
      (account) => {
        setState({ ...SIGNED_OUT, phase: "on", nickname: account.nickname });
        void loadReports(signal);
      },
      (err: unknown) => {
        if (isAbort(err)) return;
        const e = asApiError(err);
        if (e.status === 401) dropSession();
        else setState({ ...SIGNED_OUT, phase: "unreachable" });
      },
    );
    return () => ctrl.current?.abort();
  }, [attempt, dropSession, loadReports]);

  // Leaving the page (the quick exit too) drops the nickname from memory; coming back from the browser's page
  // cache asks the server again.
  useEffect(() => {
    const hide = () => {
      ctrl.current?.abort();
      setState(SIGNED_OUT);
    };
    const show = (e: PageTransitionEvent) => {
      if (e.persisted) setAttempt((n) => n + 1);
    };
    addEventListener("pagehide", hide);
    addEventListener("pageshow", show);
    return () => {
      removeEventListener("pagehide", hide);
      removeEventListener("pageshow", show);
    };
  }, []);

  return {
    ...state,
    retry: () => setAttempt((n) => n + 1),
    reloadReports: () => void loadReports(fresh()),
    /** After a successful sign-up or sign-in. */
    signedIn(account: CommunityAccount) {
      setAccountHint(true);
      setState({ ...SIGNED_OUT, phase: "on", nickname: account.nickname });
      void loadReports(fresh());
      // Reports made for someone that waited for this sign-in (the session had expired) go now.
      void flushOutbox(true);
    },
    /**
     * Throws when the server could not be told: the session would otherwise stay on this phone, and the next report
     * made here would still go to the account.
     */
    async signOut() {
      try {
        await signOut();
      } catch (err) {
        if (asApiError(err).status !== 401) throw err;
      }
      ctrl.current?.abort();
      dropSession();
    },
    /** Throws on failure, so the confirmation can show why and stay open. */
    async deleteAccount() {
      try {
        await deleteAccount();
      } catch (err) {
        if (asApiError(err).status !== 401) throw err;
      }
      ctrl.current?.abort();
      dropSession();
    },
  };
}
