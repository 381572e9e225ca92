import pg from "pg";

export interface ListenerLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface ListenHandler {
  onPayload: (payload: string) => void;
  /** Called after the connection was lost and LISTEN re-issued: notifications of the gap are gone. */
  onResubscribed?: () => void;
}

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

const defaultBackoff: Backoff = { initialMs: 250, maxMs: 30_000 };

/**
 * One dedicated PostgreSQL connection for LISTEN, outside the pool (LISTEN is per session, and a pooled client is
 * shared). A lost connection (the backend terminated, a restart, a failover) never takes the process down: the
 * listener reconnects with exponential back-off and jitter, re-issues LISTEN for every channel, and tells each
 * handler that it may have missed notifications.
 */
export class PgListener {
  private readonly channels = new Map<string, Set<ListenHandler>>();
  private client?: pg.Client;
  /** Channels LISTENed on the current connection. */
  private listening = new Set<string>();
  private ready?: Promise<pg.Client>;
  private retryTimer?: NodeJS.Timeout;
  private attempt = 0;
  private closed = false;

  constructor(
    private readonly clientConfig: pg.ClientConfig,
    private readonly log?: ListenerLog,
    private readonly backoff: Backoff = defaultBackoff,
  ) {}

  /** Subscribes; the first subscription needs the database (it throws when unreachable). */
  async listen(channel: string, handler: ListenHandler): Promise<() => Promise<void>> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
    }
    handlers.add(handler);
    try {
      const client = await this.connected();
      if (!this.listening.has(channel)) {
        this.listening.add(channel);
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (err) {
      this.remove(channel, handler);
      throw err;
    }
    return async () => {
      if (!this.remove(channel, handler) || !this.client || !this.listening.has(channel)) return;
      this.listening.delete(channel);
      await this.client.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    this.ready = undefined;
    await client?.end().catch(() => {});
  }

  /** Removes a handler; true when its channel has no handlers left. */
  private remove(channel: string, handler: ListenHandler): boolean {
    const handlers = this.channels.get(channel);
    if (!handlers) return false;
    handlers.delete(handler);
    if (handlers.size > 0) return false;
    this.channels.delete(channel);
    return true;
  }

  private connected(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error("The listener is closed"));
    this.ready ??= this.open().catch((err: unknown) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.clientConfig, keepAlive: true });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client));
    client.on("notification", (msg) => {
      for (const h of this.channels.get(msg.channel) ?? []) h.onPayload(msg.payload ?? "");
    });
    try {
      await client.connect();
      const listening = new Set<string>();
      for (const channel of this.channels.keys()) {
        await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        listening.add(channel);
      }
      this.listening = listening;
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      throw new Error("The listener is closed");
    }
    this.client = client;
    return client;
  }

  private lost(client: pg.Client, err?: Error): void {
    if (client !== this.client) return; // a connection that failed while opening, or one already replaced
    this.client = undefined;
    this.ready = undefined;
    this.listening = new Set();
    client.end().catch(() => {});
    if (this.closed) return;
    this.log?.warn({ err: err?.message }, "database LISTEN connection lost; reconnecting");
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.channels.size === 0) return;
    const ceiling = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** this.attempt);
    this.attempt++;
    // Jitter: many processes that lost the same database do not all come back in the same millisecond.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => void this.reconnect(), delay);
    this.retryTimer.unref();
  }

  private async reconnect(): Promise<void> {
    this.retryTimer = undefined;
    try {
      await this.connected();
    } catch (err) {
      this.log?.warn({ err: (err as Error).message, attempt: this.attempt }, "database LISTEN reconnect failed");
      this.scheduleReconnect();
      return;
    }
    this.log?.info({ attempts: this.attempt }, "database LISTEN connection restored");
    this.attempt = 0;
    for (const handlers of this.channels.values()) for (const h of handlers) h.onResubscribed?.();
  }
}
