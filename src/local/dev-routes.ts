/**
 * The local-only routes of the reminder loop (docs/design.md, contract points), never in
 * Lambda: `GET /outbox`, the texts the service sent first, as JSON `[{ to, time, text }]`
 * (`to` masked to its last two digits); `POST /dev/clock`, form `days=N` or `hours=N`, moves
 * the development clock forward and runs the reminder tick at once, answering
 * `{ now, sent }`. Both answer only this machine (127.0.0.1), whatever HOST says.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { HttpRefusal } from '../channels/http-refusal.ts';
import { isLoopbackHost } from './config.ts';
import type { DevClock } from './dev-clock.ts';
import type { Outbox } from './outbox.ts';

export interface DevRoutesDeps {
  clock: DevClock;
  /** The local outbox; absent when reminders are sent through Twilio for real. */
  outbox?: Outbox;
  /** Runs the reminder tick now; resolves with how many texts it sent. */
  tick: () => Promise<{ sent: number }>;
  /** The earliest reminder due at or before `until` (ISO), if any. */
  nextDue: (until: string) => Promise<string | undefined>;
}

/** Most stops one clock move makes (each a tick at a due time); far more than a year of texts for a tester. */
const MAX_STOPS = 1000;

const fromThisMachine = (req: Request, res: Response, next: NextFunction): void => {
  if (isLoopbackHost(req.socket.remoteAddress ?? '')) {
    next();
    return;
  }
  res.status(404).json({ status: 'not-found' });
};

/** A whole number 0-8784 from a form field, or undefined when absent. */
function hoursField(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw.trim())) throw new HttpRefusal('dev-clock.malformed');
  return Number(raw.trim());
}

export function createDevRoutes(deps: DevRoutesDeps): Router {
  const router = Router();
  router.get('/outbox', fromThisMachine, (_req, res) => {
    res.set('Cache-Control', 'no-store').json(deps.outbox?.list() ?? []);
  });
  router.post(
    '/dev/clock',
    fromThisMachine,
    express.urlencoded({ extended: false, limit: '1kb', parameterLimit: 5 }),
    async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const days = hoursField(body.days);
      const hours = hoursField(body.hours);
      if (days === undefined && hours === undefined) throw new HttpRefusal('dev-clock.malformed');
      const start = deps.clock.now();
      let target: Date;
      try {
        target = new Date(start.getTime() + ((days ?? 0) * 24 + (hours ?? 0)) * 3_600_000);
        if ((days ?? 0) * 24 + (hours ?? 0) > 366 * 24) throw new RangeError('too far');
      } catch {
        throw new HttpRefusal('dev-clock.malformed');
      }
      // The clock walks from one due reminder to the next, ticking at each, so every text is
      // sent (and stamped) at its own time, as the five-minute tick would on AWS.
      let sent = 0;
      for (let stop = 0; stop < MAX_STOPS; stop++) {
        const due = await deps.nextDue(target.toISOString());
        if (due === undefined) break;
        deps.clock.moveTo(new Date(due));
        const ticked = await deps.tick();
        sent += ticked.sent;
        if (ticked.sent === 0 && due <= deps.clock.now().toISOString()) {
          // Due but not sendable (skipped): move past it so the walk goes on.
          deps.clock.moveTo(new Date(Date.parse(due) + 60_000));
        }
      }
      deps.clock.moveTo(target);
      sent += (await deps.tick()).sent;
      res.set('Cache-Control', 'no-store').json({ now: deps.clock.now().toISOString(), sent });
    },
  );
  return router;
}
