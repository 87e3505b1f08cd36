// PostgreSQL's LISTEN/NOTIFY, for state that every server instance keeps in memory
// (lib/auth/sessions/revocation-view.ts). On PostgreSQL a dedicated connection listens: not the pool's,
// whose connections come and go, and not through a transaction pooler, which cannot hold
// a LISTEN (DATABASE_URL_UNPOOLED names the direct connection where there is one). On the
// embedded database PGlite delivers them in this process.
import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { getPglite, onCloseDb } from "@/lib/db";

export type NotificationHandlers = {
  onMessage: (channel: string, payload: string) => void;
  /** The connection failed or ended: nothing more will arrive. Not called after close(). */
  onLost: (reason: string) => void;
  /** closeDb() closed the subscription (the process is stopping, or a test file ended). */
  onClosed: () => void;
};

export type Subscription = {
  /** True when a connection can fail silently and a heartbeat should watch it. */
  remote: boolean;
  notify: (channel: string, payload: string) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * LISTENs on every channel; resolves once all are in place (so nothing sent after is missed).
 * `name` tells this listener's connection from the others in pg_stat_activity.
 */
export async function listen(channels: string[], handlers: NotificationHandlers, name = "notifications"): Promise<Subscription> {
  const subscription = env.DATABASE_URL ? await listenOnServer(channels, handlers, name) : await listenOnPglite(channels, handlers);
  const unregister = onCloseDb(async () => {
    await subscription.close();
    handlers.onClosed();
  });
  const close = subscription.close;
  subscription.close = async () => {
    unregister();
    await close();
  };
  return subscription;
}

async function listenOnServer(channels: string[], handlers: NotificationHandlers, name: string): Promise<Subscription> {
  const client = new pg.Client({
    connectionString: env.DATABASE_URL_UNPOOLED ?? env.DATABASE_URL,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    // Lets an operator (and the tests) find this connection in pg_stat_activity.
    application_name: `jwt-items:${env.PORT} ${name}`,
  });
  let closing = false;
  const lost = (reason: string) => {
    if (closing) return;
    closing = true;
    handlers.onLost(reason);
    // Not end(): a server that went quiet never answers its goodbye. Drop the socket.
    (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
  };
  client.on("notification", (message) => handlers.onMessage(message.channel, message.payload ?? ""));
  client.on("error", (error) => lost(error.message));
  client.on("end", () => lost("the connection ended"));
  await client.connect();
  for (const channel of channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  return {
    remote: true,
    notify: async (channel, payload) => {
      await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    close: async () => {
      closing = true;
      await client.end().catch(() => {});
    },
  };
}

async function listenOnPglite(channels: string[], handlers: NotificationHandlers): Promise<Subscription> {
  const pglite = await getPglite();
  if (!pglite) throw new Error("The embedded database is not open");
  const stops = await Promise.all(
    channels.map((channel) => pglite.listen(channel, (payload) => handlers.onMessage(channel, payload))),
  );
  return {
    remote: false,
    notify: async (channel, payload) => {
      await pglite.query("SELECT pg_notify($1, $2)", [channel, payload]);
    },
    close: async () => {
      await Promise.all(stops.map((stop) => stop().catch(() => {})));
    },
  };
}
