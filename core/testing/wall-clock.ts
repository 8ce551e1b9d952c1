/**
 * The machine's clock, for the few tests whose subject is real elapsed time: Teams' rate windows
 * and the delivery engine's leases, and tokens checked by a real library against the time now.
 * Never to decide a date: a test that needs "today" fixes its own clock (lint points here).
 */
import type { Clock } from '../ports/directory.js';
// eslint-disable-next-line no-restricted-syntax -- the one sanctioned read of the machine's clock in tests
import { systemClock } from '../ports/directory.js';

export const wallClock: Clock = systemClock;

/** Milliseconds since the epoch on the machine's clock (for timestamps compared with a server's). */
export const wallMs = (): number => wallClock.now().getTime();
