// One process that serves Next: a worker of `npm start`, or the whole of `npm run dev`.
// On SIGTERM or SIGINT it stops accepting connections, lets the requests in flight
// finish (each answered with `Connection: close`), closes the database pool and the
// revocation listener, and exits 0; past SHUTDOWN_TIMEOUT the last connections are cut.
// A request reaches Next only once its body has arrived, within 16 KiB and
// REQUEST_BODY_TIMEOUT seconds (lib/server/body-limit.ts). API answers lose the Vary
// tokens Next adds for its pages (lib/server/api-headers.ts).
import "server-only";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import net, { type Socket } from "node:net";
import next from "next";
import { resolveClientAddress } from "@/lib/http/client-address";
import { KIDS_HEADER } from "@/lib/auth/identity/remote-keys";
import { keySet } from "@/lib/auth/identity/signing-keys";
import { backgroundSettled } from "@/lib/background/pending";
import { closeDb } from "@/lib/db";
import { closeTransport } from "@/lib/mail/transport";
import { env } from "@/lib/env";
import { declaresTooLarge, whenBodyArrived } from "@/lib/server/body-limit";
import { answerUnparsableRequest, refuseLongTarget } from "@/lib/server/client-error";
import { keepApiVaryOwn } from "@/lib/server/api-headers";

export async function serveNext({ dev, root }: { dev: boolean; root: string }): Promise<void> {
  const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let stopping = false;
  const connections = trackConnections();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    connections.requestStarted(req.socket, res);
    if (stopping) res.setHeader("connection", "close");
    // API answers vary only on what the API reads, not on Next's page-navigation headers.
    keepApiVaryOwn(req, res);
    if (refuseLongTarget(req, res)) return;
    req.headers["x-forwarded-for"] = resolveClientAddress(
      req.headers["x-forwarded-for"]?.toString(),
      req.socket.remoteAddress,
      env.TRUSTED_PROXY_HOPS,
    );
    // The edge middleware fetches the JWKS again when this list differs from its copy, so a
    // revoked key is refused there at once. Never a client's own: removed first.
    delete req.headers[KIDS_HEADER];
    whenBodyArrived(req, res, env.REQUEST_BODY_TIMEOUT * 1000, () => {
      const kids = keySet.publishedKids();
      if (kids !== null) {
        req.headers[KIDS_HEADER] = kids;
        return void handle(req, res);
      }
      // The key set's listener is down (or starting): the list is read from the table (one
      // query shared by the requests waiting), so a revocation it did not hear still
      // reaches the edge. Without the database, no list: the edge keeps its own copy.
      void keySet.currentKids().then(
        (read) => {
          req.headers[KIDS_HEADER] = read;
        },
        () => {},
      ).finally(() => void handle(req, res));
    });
  };
  const server = createServer(onRequest);
  // A client that asks before sending its body (`Expect: 100-continue`, as curl does for
  // large ones) is told 413 without being invited to send a body too large to take.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!declaresTooLarge(req)) res.writeContinue();
    onRequest(req, res);
  });
  server.on("connection", connections.add);
  server.on("clientError", answerUnparsableRequest);
  server.listen(env.PORT, env.HOST, () => {
    if (dev) console.log(`Ready on http://${env.HOST}:${env.PORT} (development)`);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    void closeGracefully(server, connections).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

type Connections = ReturnType<typeof trackConnections>;

/** Each open connection, with whether a request is in progress on it and whether it served one. */
function trackConnections() {
  const open = new Map<Socket, { active: number; served: number }>();
  return {
    open,
    add: (socket: Socket) => {
      open.set(socket, { active: 0, served: 0 });
      socket.once("close", () => open.delete(socket));
    },
    requestStarted: (socket: Socket, res: ServerResponse) => {
      const state = open.get(socket);
      if (!state) return;
      state.active++;
      res.once("close", () => {
        state.active--;
        state.served++;
      });
    },
  };
}

// A connection that has not sent its request yet may be a client that is about to: it
// gets this long before it is closed unanswered.
const FRESH_CONNECTION_GRACE_MS = 1_000;

async function closeGracefully(server: Server, connections: Connections): Promise<void> {
  // Not http.Server#close, which also drops every connection without a request in
  // progress at once, a client's just-opened one included: only stop accepting.
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  const stoppedAt = Date.now();
  // A keep-alive connection between two requests is closed as soon as it is idle; one
  // mid-request is closed after its answer (which says `Connection: close`).
  const sweep = setInterval(() => {
    for (const [socket, state] of connections.open) {
      if (state.active > 0) continue;
      if (state.served > 0 || Date.now() - stoppedAt > FRESH_CONNECTION_GRACE_MS) socket.destroy();
    }
  }, 25);
  const deadline = setTimeout(() => server.closeAllConnections(), env.SHUTDOWN_TIMEOUT * 1000);
  await closed;
  clearInterval(sweep);
  // Mail still on its way (a reset link, a notice) goes out before the process does, within the deadline.
  const left = Math.max(0, env.SHUTDOWN_TIMEOUT * 1000 - (Date.now() - stoppedAt));
  await Promise.race([backgroundSettled(), new Promise((resolve) => setTimeout(resolve, left).unref())]);
  clearTimeout(deadline);
  closeTransport();
  await closeDb();
}
