import type { Clock } from './http';

/**
 * At most `limit` requests in any `windowMs` per key (one key per token), and a pause the server
 * asked for (429, an exhausted budget) that holds every request of that key until it ends.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(private readonly limit: number, private readonly windowMs: number, private readonly clock: Clock) {}

  /** Reserves the next slot for `key` and says how long to wait before using it. */
  reserve(key: string): number {
    const now = this.clock.now();
    const recent = (this.sent.get(key) ?? []).filter((at) => at > now - this.windowMs);
    const paused = Math.max(0, (this.pausedUntil.get(key) ?? 0) - now);
    const full = recent.length >= this.limit ? recent[recent.length - this.limit]! + this.windowMs - now : 0;
    const wait = Math.max(paused, full);
    recent.push(now + wait);
    this.sent.set(key, recent);
    return wait;
  }

  /** The server said no more until `until` (epoch ms). */
  pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  pausedFor(key: string): number {
    return Math.max(0, (this.pausedUntil.get(key) ?? 0) - this.clock.now());
  }
}
