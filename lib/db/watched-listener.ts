// A LISTEN connection that an instance trusts to keep a copy in memory (the revocation
// view's revoked sessions, the signing keys): it is "synced" only once it listens AND has
// read what it may have missed, and it stops being synced the moment it may miss
// something. A heartbeat through the database (lib/db/heartbeat.ts) catches a connection
// that goes quiet without an error; a lost one is retried with backing off, and every
// reconnection reads again before it is trusted. While not synced, the owner reads the
// database instead of its copy.
import "server-only";
import { listen, type Subscription } from "@/lib/db/notifications";
import { Heartbeat } from "@/lib/db/heartbeat";

const TICK_MS = 250;
const RETRY_MS = [250, 1_000, 5_000];

export type WatchedListenerOptions = {
  /** The channels the owner cares about (the heartbeat's own is added). */
  channels: string[];
  /** Names the heartbeat's channel and, with `connectionName`, the connection. */
  heartbeatPrefix: string;
  connectionName?: string;
  /** Reads what a notification may have announced while nobody listened; runs after LISTEN. */
  sync: () => Promise<void>;
  onMessage: (channel: string, payload: string) => void;
  /** Every TICK_MS while synced (housekeeping of the copy). */
  onTick?: (now: number) => void;
  /** closeDb(): the copy is forgotten; the next use starts again. */
  onStop?: () => void;
  /** What the log says when the listener is lost (once per outage) and when it is back. */
  lostMessage: (reason: string) => string;
  backMessage: string;
};

export class WatchedListener {
  private heartbeat: Heartbeat;
  private subscription: Subscription | null = null;
  private state: "idle" | "starting" | "synced" | "retrying" = "idle";
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private started: Promise<void> | null = null;

  constructor(private readonly options: WatchedListenerOptions) {
    this.heartbeat = new Heartbeat(options.heartbeatPrefix);
  }

  /** Whether the copy is known to be current: listening, read since, heartbeat answered. */
  get synced(): boolean {
    return this.state === "synced";
  }

  /** Starts listening, if not yet; resolves when in sync or when that failed. */
  ensureStarted(): Promise<void> {
    if (this.state === "idle") this.started = this.start();
    return this.started ?? Promise.resolve();
  }

  /** The copy can no longer be trusted (an error of the owner's own reading included). */
  lose(reason: string): void {
    if (this.state === "idle" || this.state === "retrying") return;
    if (this.failures === 0) console.warn(this.options.lostMessage(reason));
    this.halt();
    this.state = "retrying";
    const delay = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.timer = setTimeout(() => {
      this.started = this.start();
    }, delay);
    this.timer.unref();
  }

  private async start(): Promise<void> {
    this.state = "starting";
    try {
      const subscription = await listen(
        [...this.options.channels, this.heartbeat.channel],
        {
          onMessage: (channel, payload) => this.onMessage(channel, payload),
          onLost: (reason) => this.lose(reason),
          onClosed: () => this.stop(),
        },
        this.options.connectionName,
      );
      if (this.state !== "starting") return void subscription.close();
      this.subscription = subscription;
      // Listening first, then reading: a change committed in between is in what is read or
      // announced after, and one announced while the listener was down is in what is read.
      await this.options.sync();
      if (this.state !== "starting") return;
      this.state = "synced";
      if (this.failures > 0) console.log(this.options.backMessage);
      this.failures = 0;
      this.heartbeat.start(Date.now());
      this.timer = setInterval(() => this.tick(), TICK_MS);
      this.timer.unref();
    } catch (error) {
      this.lose(reasonOf(error));
    }
  }

  private onMessage(channel: string, payload: string): void {
    if (channel === this.heartbeat.channel) return this.heartbeat.echo(payload);
    this.options.onMessage(channel, payload);
  }

  private tick(): void {
    const now = Date.now();
    const silence = this.heartbeat.silence(now);
    if (silence) return this.lose(silence);
    // In-process PGlite cannot go quiet; a server connection can.
    const subscription = this.subscription;
    if (subscription?.remote) {
      this.heartbeat.beatIfDue(now, (channel, payload) => {
        subscription.notify(channel, payload).catch((error: unknown) => this.lose(reasonOf(error)));
      });
    }
    this.options.onTick?.(now);
  }

  private stop(): void {
    this.halt();
    this.state = "idle";
    this.failures = 0;
    this.options.onStop?.();
  }

  private halt(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.heartbeat.stop();
    void this.subscription?.close();
    this.subscription = null;
  }
}

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
