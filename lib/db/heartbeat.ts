// A heartbeat sent through the database to a listener's own connection: a server
// connection can go quiet without an error, and only a missing echo shows it. Its owner
// (lib/db/watched-listener.ts) ticks it every few hundred milliseconds.
import "server-only";
import { randomBytes } from "node:crypto";

const HEARTBEAT_MS = 500;
const HEARTBEAT_TIMEOUT_MS = 1_000;

type Beat = { payload: string; sentAt: number };

export class Heartbeat {
  /** A channel of this listener's own: `prefix` names whose it is. */
  readonly channel: string;
  private beat: Beat | null = null;
  private lastBeatAt = 0;
  private beats = 0;

  constructor(prefix = "session_revoked_heartbeat") {
    this.channel = `${prefix}_${randomBytes(8).toString("hex")}`;
  }

  /** The listener is in place: the next beat is due HEARTBEAT_MS from `now`. */
  start(now: number): void {
    this.lastBeatAt = now;
  }

  /** The listener is gone: no beat is awaited any more. */
  stop(): void {
    this.beat = null;
  }

  /** A message on `channel`: the echo of the beat in flight, or of an older one. */
  echo(payload: string): void {
    if (this.beat?.payload === payload) this.beat = null;
  }

  /** Why the connection counts as dead (no echo within HEARTBEAT_TIMEOUT_MS), else null. */
  silence(now: number): string | null {
    return this.beat && now - this.beat.sentAt > HEARTBEAT_TIMEOUT_MS ? `no heartbeat for ${now - this.beat.sentAt} ms` : null;
  }

  /** Sends the next beat through `send` when one is due and none is in flight. */
  beatIfDue(now: number, send: (channel: string, payload: string) => void): void {
    if (this.beat || now - this.lastBeatAt < HEARTBEAT_MS) return;
    this.beat = { payload: String(++this.beats), sentAt: now };
    this.lastBeatAt = now;
    send(this.channel, this.beat.payload);
  }
}
