/**
 * The development clock of `npm start`: the real time plus an offset that `POST /dev/clock`
 * (days=N or hours=N) moves forward, so a tester can see tomorrow's reminder now. Turns and
 * the reminder tick both read it; it only ever moves forward.
 */
export interface DevClock {
  now(): Date;
  /** Moves the clock forward; returns the new time. */
  advance(by: { days?: number; hours?: number }): Date;
  /** Moves the clock forward to `at` (never back). */
  moveTo(at: Date): void;
}

/** How far one request may move it: a year, well past any pause. */
const MAX_HOURS = 366 * 24;

export function createDevClock(real: () => Date = () => new Date()): DevClock {
  let offsetMs = 0;
  return {
    now: () => new Date(real().getTime() + offsetMs),
    advance({ days = 0, hours = 0 }) {
      const total = days * 24 + hours;
      if (!Number.isFinite(total) || total < 0 || total > MAX_HOURS) {
        throw new RangeError('the development clock moves forward by 0 to 8784 hours');
      }
      offsetMs += total * 3_600_000;
      return new Date(real().getTime() + offsetMs);
    },
    moveTo(at) {
      offsetMs = Math.max(offsetMs, at.getTime() - real().getTime());
    },
  };
}
