import type { CreateForumPostBody, ForumPostList, ForumPostResult } from "@openclm/contracts";
import { ApiError, callApi } from "../../../api/client.js";

/**
 * What the forum keeps on the phone (local storage), and only this:
 * - the last few topics opened, as they were shown, so they can be read again without a connection;
 * - posts written without a connection, until the server has them: the same clientId each time, so a post the
 *   server already has is answered, not written twice (as the report outbox does).
 * The quick exit clears both when the device is set to clear on exit.
 */
const CACHE_KEY = "openclm.forumTopics";
const OUTBOX_KEY = "openclm.forumOutbox";
const CACHE_SIZE = 10;

function read<T>(key: string): T[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(list) ? (list as T[]) : [];
  } catch {
    return [];
  }
}

function write(key: string, list: unknown[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // storage disabled or full: the forum still works online
  }
}

export function rememberTopic(topic: ForumPostList): void {
  write(
    CACHE_KEY,
    [topic, ...read<ForumPostList>(CACHE_KEY).filter((t) => t.topic.id !== topic.topic.id)].slice(0, CACHE_SIZE),
  );
}

export function rememberedTopic(id: string): ForumPostList | undefined {
  return read<ForumPostList>(CACHE_KEY).find((t) => t.topic.id === id);
}

export function rememberedTopics(): ForumPostList["topic"][] {
  return read<ForumPostList>(CACHE_KEY).map((t) => t.topic);
}

export function queuedPosts(topicId?: string): CreateForumPostBody[] {
  return read<CreateForumPostBody>(OUTBOX_KEY).filter((p) => !topicId || p.topicId === topicId);
}

export function clearForumStore(): void {
  write(CACHE_KEY, []);
  write(OUTBOX_KEY, []);
}

const unanswered = (err: unknown) =>
  err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500);

/**
 * Sends a post now; without an answer it waits in the outbox and `queued` comes back. A refusal (suspended, topic
 * gone, bad input) is thrown for the form to show.
 */
export async function sendPost(body: CreateForumPostBody): Promise<ForumPostResult | "queued"> {
  try {
    return await callApi("POST /forum/posts", { body });
  } catch (err) {
    if (!unanswered(err)) throw err;
    write(OUTBOX_KEY, [...queuedPosts().filter((p) => p.clientId !== body.clientId), body]);
    return "queued";
  }
}

let flushing = false;

/** Sends what waits, once each: an answer of any kind removes it; no answer keeps it for the next time online. */
export async function flushForumOutbox(): Promise<void> {
  if (flushing || !navigator.onLine) return;
  flushing = true;
  try {
    for (const body of queuedPosts()) {
      try {
        await callApi("POST /forum/posts", { body });
      } catch (err) {
        if (unanswered(err)) return;
      }
      write(
        OUTBOX_KEY,
        queuedPosts().filter((p) => p.clientId !== body.clientId),
      );
    }
  } finally {
    flushing = false;
  }
}

if (typeof window !== "undefined") addEventListener("online", () => void flushForumOutbox());
