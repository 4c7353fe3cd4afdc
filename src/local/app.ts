/**
 * The local HTTP server (`npm start`): GET /healthz plus the channel routers
 * (POST /sms, POST /alexa) mounted by the composition root.
 */
import express, {
  type Express,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from 'express';
import type { CheckInStore } from '../core/ports.ts';
import type { Logger } from '../observability/log.ts';
import { deadlineIn, withDeadline } from '../service/deadline.ts';
import type { RunTurn } from '../service/turn-runner.ts';
import { errorMiddleware } from './http-errors.ts';
import { BODY_READ_TIMEOUT_MS, bodyReadDeadline } from './timeouts.ts';

/** A channel router and where it lives, e.g. `{ path: '/sms', router: smsRouter }`. */
export interface Mount {
  path: string;
  router: Router | RequestHandler;
}

export interface LocalAppDeps {
  runTurn: RunTurn;
  store: CheckInStore;
  pepper: string | Buffer;
  logger: Logger;
  mounts?: Mount[];
  /**
   * Resolves when the table is reachable. Defaults to a key-only count under a probe id
   * that no person can have (user ids are hex).
   */
  healthCheck?: () => Promise<unknown>;
  /** How long /healthz waits for the table. */
  healthTimeoutMs?: number;
  /** How long a request body may take to arrive before the answer is 408 (timeouts.ts). */
  bodyTimeoutMs?: number;
}

const HEALTH_PROBE_USER = 'healthz-probe';

/** Builds the express app; it does not listen (main.ts and tests do). */
export function createLocalApp(deps: LocalAppDeps): Express {
  const { logger } = deps;
  const healthCheck = deps.healthCheck ?? (() => deps.store.countItems(HEALTH_PROBE_USER));
  const healthTimeoutMs = deps.healthTimeoutMs ?? 2000;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(bodyReadDeadline(deps.bodyTimeoutMs ?? BODY_READ_TIMEOUT_MS, logger));

  app.get('/healthz', async (_req, res) => {
    const started = performance.now();
    const healthy = await withinTime(healthCheck, healthTimeoutMs);
    const ms = Math.round(performance.now() - started);
    if (!healthy) logger.warn({ event: 'health-failed', status: 503, ms });
    res
      .status(healthy ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ status: healthy ? 'ok' : 'unavailable' });
  });

  for (const mount of deps.mounts ?? []) app.use(mount.path, mount.router);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ status: 'not-found' });
  });

  // Express 5 sends parser errors, route refusals and rejected handlers here: one mapping
  // to 4xx/500 with fixed bodies (http-errors.ts).
  app.use(errorMiddleware(logger));

  return app;
}

async function withinTime(run: () => Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withDeadline(run, deadlineIn(ms), 'health-check');
    return true;
  } catch {
    return false;
  }
}
