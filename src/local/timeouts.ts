/**
 * How long the local server waits for a client, so a request that never finishes costs a
 * socket for seconds, not minutes.
 *
 * Node (20 and 22 alike) gives a request 300 s (`server.requestTimeout`) and its headers
 * 60 s (`server.headersTimeout`), and checks both only every 30 s
 * (`connectionsCheckingInterval`, fixed when the server is created). So a body shorter than
 * its Content-Length would hang for 300 s. Two layers:
 *
 * - {@link bodyReadDeadline}, an express middleware: a body not fully received within
 *   {@link BODY_READ_TIMEOUT_MS} is answered 408 at that moment, on a timer of its own.
 * - {@link configureServerTimeouts}, on the server main.ts listens with: headers within
 *   10 s and the whole request within 15 s. This is the backstop for what express never
 *   sees (headers that never end); Node enforces it at its next 30 s check, so within
 *   40-45 s at worst rather than 60 or 300.
 */
import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/log.ts';

/** Twilio and Alexa send a few kilobytes at once; 10 s is far beyond any honest upload. */
export const BODY_READ_TIMEOUT_MS = 10_000;
export const HEADERS_TIMEOUT_MS = 10_000;
/** Above the body deadline, so the app's own 408 answers first. */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Applies the header and request limits above to the server `app.listen` returned. */
export function configureServerTimeouts(server: Server): Server {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  return server;
}

/**
 * Answers 408 when the request body has not fully arrived `ms` after its headers did. The
 * body stream is paused first, so the route's parser never completes on a late tail and no
 * turn runs after the 408; the connection closes with the answer.
 */
export function bodyReadDeadline(ms: number, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.complete) {
      next();
      return;
    }
    const timer = setTimeout(() => {
      if (req.complete || res.headersSent) return;
      req.pause();
      logger.warn({ event: 'http-refused', status: 408, step: 'body.timeout' });
      res.status(408).set('Connection', 'close').set('Cache-Control', 'no-store').json({ status: 'timeout' });
    }, ms);
    res.once('close', () => clearTimeout(timer));
    req.once('end', () => clearTimeout(timer));
    next();
  };
}
