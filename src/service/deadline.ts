/**
 * One deadline per request, shared by every outside call it makes (secrets, the table, the
 * delivery record), so a channel's answer time holds end to end: SMS within 9 s of the
 * event (Twilio gives up at 15 s, the Lambda at 10 s), Alexa within 3 s.
 *
 * `withDeadline` is the only timeout race in the codebase: a call that is still running when
 * time is up is given up on (its late result or rejection is handled, never left unhandled),
 * and the caller decides what the person hears instead.
 */

/** The work did not finish before its deadline. */
export class DeadlineError extends Error {
  constructor(readonly label: string) {
    super(`${label} did not finish before the deadline`);
    this.name = 'DeadlineError';
  }
}

/** A point in time (monotonic clock), and what is left of it. */
export interface Deadline {
  /** `performance.now()` value the work must end by. */
  readonly at: number;
  /** Milliseconds left; 0 or less once passed. */
  left(): number;
}

/** A deadline `ms` from now, or at `within`'s if that comes first. */
export function deadlineIn(ms: number, within?: Deadline): Deadline {
  const own = performance.now() + ms;
  const at = within ? Math.min(own, within.at) : own;
  return { at, left: () => at - performance.now() };
}

/**
 * `work`, or a DeadlineError once `deadline` passes. A deadline already passed rejects at
 * once without starting lazy work (`() => Promise`).
 */
export async function withDeadline<T>(
  work: Promise<T> | (() => Promise<T>),
  deadline: Deadline,
  label: string,
): Promise<T> {
  const left = deadline.left();
  if (left <= 0) {
    if (typeof work !== 'function') work.catch(() => {});
    throw new DeadlineError(label);
  }
  const pending = typeof work === 'function' ? work() : work;
  // Attached now, so a call that rejects after we stopped waiting is still handled.
  pending.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(label)), left);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}
