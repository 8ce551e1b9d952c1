/**
 * Spaces requests to Teams so that no limit is ever exceeded: per conversation 7/1 s, 8/2 s,
 * 60/30 s and 1,800/hour, and per tenant `tenantRps` in any sliding second (decision 006).
 *
 * `reserve` returns the earliest time a request may be sent and books it there, so a sender can
 * schedule ahead. Every window is treated as `marginMs` longer than Teams' so that requests that
 * arrive a little late or early (network jitter, a busy event loop) still fit Teams' windows.
 * It never leaves capacity unused: a booking is as early as the windows allow, so a burst goes out
 * at once and only the request that would overflow a window waits.
 *
 * Pure: time is passed in (milliseconds, any epoch, fractions allowed).
 */
import { BelongError } from '../errors.js';

export interface Window {
  ms: number;
  max: number;
}

export const teamsConversationWindows: Window[] = [
  { ms: 1_000, max: 7 },
  { ms: 2_000, max: 8 },
  { ms: 30_000, max: 60 },
  { ms: 3_600_000, max: 1_800 },
];

export interface RateLimiterOptions {
  conversationWindows?: Window[];
  /** At most this many requests per tenant in any sliding 1,000 ms. */
  tenantRps: number;
  /** Added to every window's length. Default 25 ms. */
  marginMs?: number;
  /**
   * Least gap between two of the tenant's requests. Default (1,000 + marginMs) / tenantRps —
   * 20.5 ms at 50/s — so a second's worth leaves spread evenly over the second, not in one burst
   * whose stragglers would share Teams' next window with the following burst (measured: bursts of
   * 50 broke Teams' window at the fake connector; even spacing did not). 0 allows bursts.
   */
  tenantGapMs?: number;
}

export class RateLimiter {
  readonly #windows: Window[];
  readonly #tenantWindows: Window[];
  readonly #conversationHorizon: number;
  readonly #conversations = new Map<string, Bookings>();
  readonly #tenant = new Bookings();
  readonly #blocked = new Map<string, number>();
  #tenantBlockedUntil = -Infinity;
  #latestNow = -Infinity;
  #callsSinceSweep = 0;

  constructor(options: RateLimiterOptions) {
    const margin = options.marginMs ?? 25;
    if (!(margin >= 0)) throw new BelongError('invalidInput', 'marginMs must be ≥ 0');
    const windows = options.conversationWindows ?? teamsConversationWindows;
    for (const w of [...windows, { ms: 1_000, max: options.tenantRps }]) {
      if (!(w.ms > 0) || !Number.isInteger(w.max) || w.max < 1) {
        throw new BelongError('invalidInput', `Invalid rate window ${w.max}/${w.ms} ms`);
      }
    }
    this.#windows = windows.map((w) => ({ ms: w.ms + margin, max: w.max }));
    const tenantWindow = { ms: 1_000 + margin, max: options.tenantRps };
    const gap = options.tenantGapMs ?? tenantWindow.ms / options.tenantRps;
    if (!(gap >= 0)) throw new BelongError('invalidInput', 'tenantGapMs must be ≥ 0');
    this.#tenantWindows = gap > 0 ? [tenantWindow, { ms: gap, max: 1 }] : [tenantWindow];
    // At least the tenant's window: a booking the conversation still holds is then one the tenant
    // may still hold, so `release` can give both back.
    this.#conversationHorizon = Math.max(tenantWindow.ms, ...this.#windows.map((w) => w.ms));
  }

  /**
   * The earliest time t ≥ now at which a request to `conversationKey` keeps every window, booked
   * at t. Bookings may lie in the future; later calls account for them.
   */
  reserve(conversationKey: string, now: number): number {
    if (!Number.isFinite(now)) throw new BelongError('invalidInput', 'now must be a finite number');
    this.#advance(now);
    let times = this.#conversations.get(conversationKey);
    if (times) times.dropBefore(this.#latestNow - this.#conversationHorizon);
    else times = new Bookings();
    let t = Math.max(
      now,
      this.#blocked.get(conversationKey) ?? -Infinity,
      this.#tenantBlockedUntil,
    );
    // Each step moves t to the end of an interval in which some window is full, so no allowed
    // time is skipped; it stops when every window allows t.
    for (;;) {
      let next = t;
      for (const w of this.#windows) next = times.earliestAllowed(w, next);
      for (const w of this.#tenantWindows) next = this.#tenant.earliestAllowed(w, next);
      if (next === t) break;
      t = next;
    }
    times.insert(t);
    this.#conversations.set(conversationKey, times);
    this.#tenant.insert(t);
    return t;
  }

  /** Gives back a booking that did not become a request (cancelled, or refused by Teams). */
  release(conversationKey: string, t: number): void {
    const times = this.#conversations.get(conversationKey);
    if (!times?.remove(t)) return;
    this.#tenant.remove(t);
    if (times.size === 0) this.#conversations.delete(conversationKey);
  }

  /**
   * Counts a request made before this limiter existed (by an earlier sender of the tenant), at
   * `t`, without checking any window: it has already happened.
   */
  record(conversationKey: string, t: number): void {
    if (!Number.isFinite(t)) throw new BelongError('invalidInput', 't must be a finite number');
    let times = this.#conversations.get(conversationKey);
    if (!times) this.#conversations.set(conversationKey, (times = new Bookings()));
    times.insert(t);
    this.#tenant.insert(t);
  }

  /**
   * Moves a booking to the moment its request really went out, when that is later: Teams sees a
   * late request late, so the windows after it must count it there. Never moves one earlier.
   * Returns the time now booked (`booked` if nothing moved).
   */
  sentAt(conversationKey: string, booked: number, sent: number): number {
    if (!(sent > booked)) return booked;
    const times = this.#conversations.get(conversationKey);
    if (!times?.remove(booked)) return booked;
    this.#tenant.remove(booked);
    times.insert(sent);
    this.#tenant.insert(sent);
    return sent;
  }

  /** Keeps off one conversation until `until` (a 429's Retry-After). */
  penalise(conversationKey: string, until: number): void {
    this.#blocked.set(
      conversationKey,
      Math.max(until, this.#blocked.get(conversationKey) ?? until),
    );
  }

  /** Keeps off the whole tenant until `until` (a 429 that does not say which limit it was). */
  penaliseTenant(until: number): void {
    this.#tenantBlockedUntil = Math.max(this.#tenantBlockedUntil, until);
  }

  /** How much is held in memory: for tests and metrics. */
  size(): { conversations: number; tenantBookings: number; penalties: number } {
    return {
      conversations: this.#conversations.size,
      tenantBookings: this.#tenant.size,
      penalties: this.#blocked.size,
    };
  }

  /**
   * Forgets bookings that can no longer matter (older than the longest window before the latest
   * `now`). The tenant's are dropped on every call; idle conversations are swept once per as many
   * calls as there are conversations, which keeps the cost amortised O(1) and memory bounded.
   */
  #advance(now: number): void {
    if (now > this.#latestNow) this.#latestNow = now;
    this.#tenant.dropBefore(this.#latestNow - this.#tenantWindows[0]!.ms);
    if (++this.#callsSinceSweep < Math.max(64, this.#conversations.size)) return;
    this.#callsSinceSweep = 0;
    const cutoff = this.#latestNow - this.#conversationHorizon;
    for (const [key, times] of this.#conversations) {
      times.dropBefore(cutoff);
      if (times.size === 0) this.#conversations.delete(key);
    }
    for (const [key, until] of this.#blocked)
      if (until <= this.#latestNow) this.#blocked.delete(key);
  }
}

/**
 * Booked times, sorted (duplicates allowed), with a moving head so that dropping old times is
 * amortised O(1). Appending — the usual case — is O(1); a booking in a gap is a splice.
 */
class Bookings {
  #a: number[] = [];
  #head = 0;

  get size(): number {
    return this.#a.length - this.#head;
  }

  insert(t: number): void {
    const a = this.#a;
    if (a.length === this.#head || a[a.length - 1]! <= t) a.push(t);
    else a.splice(this.#upperBound(t), 0, t);
  }

  remove(t: number): boolean {
    const i = this.#lowerBound(t);
    if (this.#a[i] !== t) return false;
    this.#a.splice(i, 1);
    return true;
  }

  dropBefore(cutoff: number): void {
    this.#head = this.#lowerBound(cutoff);
    // Compact once at least half the array is dead: each time is copied O(1) times on average.
    if (this.#head > 0 && this.#head * 2 >= this.#a.length) {
      this.#a = this.#a.slice(this.#head);
      this.#head = 0;
    }
  }

  /**
   * The earliest time ≥ t at which one more booking keeps every window [s, s + ms) at or under
   * `max`. A run of `max` consecutive bookings spanning less than `ms` fills the windows that hold
   * it, and so forbids the open interval (last − ms, first + ms); only runs starting after t − ms
   * and ending before t + ms can contain t. Because the bookings already keep the window, fewer
   * than 2·max of them lie within ms of t, so a call is O(log n + max) and O(log n) when t is
   * after every booking.
   */
  earliestAllowed(w: Window, t: number): number {
    const a = this.#a;
    for (;;) {
      const from = this.#upperBound(t - w.ms);
      const to = this.#lowerBound(t + w.ms);
      let next = t;
      // From the latest run back: the first full run found pushes t furthest.
      for (let i = to - w.max; i >= from; i--) {
        const first = a[i]!;
        if (a[i + w.max - 1]! - first < w.ms) {
          next = first + w.ms;
          break;
        }
      }
      if (next === t) return t;
      t = next;
    }
  }

  /** First index (≥ head) whose time is ≥ x. */
  #lowerBound(x: number): number {
    let lo = this.#head;
    let hi = this.#a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#a[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index (≥ head) whose time is > x. */
  #upperBound(x: number): number {
    let lo = this.#head;
    let hi = this.#a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#a[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
