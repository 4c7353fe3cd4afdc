/**
 * POST /alexa for the local server. Amazon's request signature and timestamp are verified
 * (ask-sdk-express-adapter's own verifiers) unless the caller switches verification off for
 * a local emulator (ALEXA_VERIFY_SIGNATURE=false), which the caller announces at start-up.
 *
 * The adapter's ready-made handlers are not used: they answer every failure themselves with
 * the SDK's error text (which names the expected skill id) and 500 for a client's mistake.
 * Here each refusal is an HttpRefusal handed to the host's one error mapping
 * (src/local/http-errors.ts): 400 unverified or malformed, 403 another skill, 413 too large,
 * 415 not JSON, 500 with a fixed body for anything else.
 *
 * Mount it before any body parser: the signature covers the raw body.
 */
import type { Skill } from 'ask-sdk-core';
import { SkillRequestSignatureVerifier, TimestampVerifier, type Verifier } from 'ask-sdk-express-adapter';
import type { RequestEnvelope } from 'ask-sdk-model';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from '../../observability/log.ts';
import { HttpRefusal } from '../http-refusal.ts';

export interface AlexaRouterDeps {
  skill: Skill;
  /** Verify Amazon's signature and timestamp. False only for local emulators. */
  verifySignature: boolean;
  logger: Logger;
}

/** Alexa's requests are a few kilobytes; the adapter's parser allowed 100 KB, and so do we. */
const BODY_LIMIT = '100kb';

/**
 * How ask-sdk-core's CustomSkill refuses a request for another skill id (CustomSkill.invoke).
 * tests/channels/alexa/express-route.test.ts holds the real SDK to this, so an SDK that
 * changes it fails a test instead of turning a 403 into a 500.
 */
function isSkillIdMismatch(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'AskSdk.CustomSkill Error' &&
    error.message.includes('ID verification failed')
  );
}

/** The body as an Alexa request envelope: an object with a request type, or a 400. */
function parseEnvelope(body: unknown): RequestEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === 'string' ? body : '');
  } catch {
    throw new HttpRefusal('alexa.envelope.malformed');
  }
  const type = (parsed as { request?: { type?: unknown } } | null)?.request?.type;
  if (typeof parsed !== 'object' || parsed === null || typeof type !== 'string') {
    throw new HttpRefusal('alexa.envelope.malformed');
  }
  return parsed as RequestEnvelope;
}

/** A router answering POST / with the skill; mount it at `/alexa`. */
export function createAlexaRouter(deps: AlexaRouterDeps): Router {
  const { skill, verifySignature, logger } = deps;
  const verifiers: Verifier[] = verifySignature
    ? [new SkillRequestSignatureVerifier(), new TimestampVerifier()]
    : [];
  const router = express.Router();
  router.post(
    '/',
    (req: Request, res: Response, next: NextFunction) => {
      // Counted by status only: the body holds the person's Alexa id and words.
      res.on('finish', () => {
        if (res.statusCode >= 400)
          logger.warn({ event: 'alexa-http-refused', channel: 'alexa', status: res.statusCode });
      });
      // Alexa posts JSON; the signature check needs the exact bytes, so the body stays text.
      next(req.is('application/json') ? undefined : new HttpRefusal('content-type.unsupported'));
    },
    express.text({ type: 'application/json', limit: BODY_LIMIT }),
    async (req: Request, res: Response) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      const envelope = parseEnvelope(raw);
      try {
        await Promise.all(verifiers.map((verifier) => verifier.verify(raw, req.headers)));
      } catch {
        throw new HttpRefusal('alexa.verification.failed');
      }
      let response: unknown;
      try {
        response = await skill.invoke(envelope);
      } catch (error) {
        if (isSkillIdMismatch(error)) throw new HttpRefusal('alexa.skill-id.mismatch');
        throw error;
      }
      res.json(response);
    },
  );
  return router;
}
