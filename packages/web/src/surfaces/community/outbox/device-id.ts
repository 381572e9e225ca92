import { newClientId } from "../report/draft.js";

const KEY = "openclm.device";

/**
 * A random id for this installation, sent with reports so the server (which only keeps a salted hash) can flag
 * the same problem reported twice from one phone. It says nothing about the person.
 */
export function deviceId(): string | null {
  try {
    let id = localStorage.getItem(KEY);
    if (!id) {
      id = newClientId();
      localStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return null;
  }
}
