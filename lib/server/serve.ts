// One process that serves Next: a worker of `npm start`, or the whole of `npm run dev`.
// On SIGTERM or SIGINT it stops accepting connections, lets the requests in flight
// finish (each answered with `Connection: close`), closes the database pool and the
// revocation listener, and exits 0; past SHUTDOWN_TIMEOUT the last connections are cut.
import { createServer, type Server } from "node:http";
import next from "next";
import { resolveClientAddress } from "@/lib/auth/client-ip";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";

export async function serveNext({ dev, root }: { dev: boolean; root: string }): Promise<void> {
  const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  let stopping = false;
  const server = createServer((req, res) => {
    if (stopping) res.setHeader("connection", "close");
    req.headers["x-forwarded-for"] = resolveClientAddress(
      req.headers["x-forwarded-for"]?.toString(),
      req.socket.remoteAddress,
      env.TRUSTED_PROXY_HOPS,
    );
    void handle(req, res);
  });
  server.listen(env.PORT, env.HOST, () => {
    if (dev) console.log(`Ready on http://${env.HOST}:${env.PORT} (development)`);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    void closeGracefully(server).then(
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

async function closeGracefully(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections between two requests hold the server open: close each one as
  // soon as it is idle (a connection mid-request is closed after its answer).
  const sweep = setInterval(() => server.closeIdleConnections(), 25);
  const deadline = setTimeout(() => server.closeAllConnections(), env.SHUTDOWN_TIMEOUT * 1000);
  await closed;
  clearInterval(sweep);
  clearTimeout(deadline);
  await closeDb();
}
