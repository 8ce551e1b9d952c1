import type { Clock } from '../core/ports/directory.js';

/**
 * Local mode only (DEV_CLOCK, DEV_CLOCK_START): the system clock plus an offset. It can start at a
 * given instant, so a test or demo of a given school day does not depend on the machine's date,
 * and tests and demos can move it forward, so a scheduled post can be seen without waiting until
 * 08:50 tomorrow. Time only ever moves forward, as it does for real.
 */
export class DevClock implements Clock {
  #offsetMs: number;

  constructor(start?: Date) {
    this.#offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  /** Moves the clock to `to`; returns false (and changes nothing) if that is in its past. */
  moveTo(to: Date): boolean {
    const offset = to.getTime() - Date.now();
    if (offset < this.#offsetMs) return false;
    this.#offsetMs = offset;
    return true;
  }
}
