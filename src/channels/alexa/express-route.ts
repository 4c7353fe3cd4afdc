/**
 * POST /alexa for the local server, through ask-sdk-express-adapter. Amazon's request
 * signature and timestamp are verified unless the caller switches verification off for a
 * local emulator (ALEXA_VERIFY_SIGNATURE=false), which the caller announces at start-up.
 *
 * Mount it before any body parser: the adapter verifies the signature over the raw body
 * and refuses a request whose body was already parsed.
 */
import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import express, { type Router } from 'express';
import type { Logger } from '../../observability/log.ts';

export interface AlexaRouterDeps {
  skill: Skill;
  /** Verify Amazon's signature and timestamp. False only for local emulators. */
  verifySignature: boolean;
  logger: Logger;
}

/** A router answering POST / with the skill; mount it at `/alexa`. */
export function createAlexaRouter(deps: AlexaRouterDeps): Router {
  const { verifySignature, logger } = deps;
  const adapter = new ExpressAdapter(deps.skill, verifySignature, verifySignature);
  const router = express.Router();
  router.post('/', (_req, res, next) => {
    // Counted by status only: the body holds the person's Alexa id and words.
    res.on('finish', () => {
      if (res.statusCode >= 400)
        logger.warn({ event: 'alexa-http-refused', channel: 'alexa', status: res.statusCode });
    });
    next();
  });
  router.post('/', ...adapter.getRequestHandlers());
  return router;
}
