/**
 * The local host's one error mapping: every error express hands on (body-parser's
 * http-errors, a route's HttpRefusal, anything thrown) becomes a status and a fixed short
 * body here, and only here. Nothing from the error itself is sent or logged but its class
 * name and, for the known kinds below, the kind's fixed name: parser and SDK messages may
 * quote the request.
 */
import type { NextFunction, Request, Response } from 'express';
import { errorName, type Logger } from '../observability/log.ts';

/** What the client is told: a status and a body that never varies with the request. */
export interface ErrorAnswer {
  status: number;
  body: { status: string };
}

const TOO_LARGE: ErrorAnswer = { status: 413, body: { status: 'too-large' } };
const MALFORMED: ErrorAnswer = { status: 400, body: { status: 'malformed' } };
const UNSUPPORTED: ErrorAnswer = { status: 415, body: { status: 'unsupported-media-type' } };
const FORBIDDEN: ErrorAnswer = { status: 403, body: { status: 'forbidden' } };
const INTERNAL: ErrorAnswer = { status: 500, body: { status: 'error' } };

/**
 * The `type`s body-parser (express.urlencoded, express.json, express.text) and our routes
 * give their errors, and what each means for the client.
 */
const BY_TYPE: Readonly<Record<string, ErrorAnswer>> = {
  // Longer than the route's limit (64 KB for SMS, 100 KB for Alexa): not Twilio, not Alexa.
  'entity.too.large': TOO_LARGE,
  // body-parser says 413 for more than 1,000 form fields; the body is small, the form is
  // malformed (Twilio sends a few dozen), so 400.
  'parameters.too.many': MALFORMED,
  'querystring.parse.rangeError': MALFORMED,
  'entity.parse.failed': MALFORMED,
  // A charset the parser cannot decode (body-parser says 415): the request is malformed,
  // the media type itself is one the route reads.
  'charset.unsupported': MALFORMED,
  // A Content-Encoding we cannot undo at all (`compress`): RFC 9110 names 415 for an
  // unsupported content coding. A gzip body that does not inflate is 400 (below).
  'encoding.unsupported': UNSUPPORTED,
  // Fewer bytes than Content-Length, or the client gave up mid-body.
  'request.size.invalid': MALFORMED,
  'request.aborted': MALFORMED,
  'content-type.unsupported': UNSUPPORTED,
  'alexa.verification.failed': MALFORMED,
  'alexa.envelope.malformed': MALFORMED,
  // Fixed and short: the SDK's own text names the skill id it expected.
  'alexa.skill-id.mismatch': FORBIDDEN,
};

function typeOf(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(BY_TYPE, type) ? type : undefined;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The answer for an error express handed on. */
export function answerFor(error: unknown): ErrorAnswer {
  const type = typeOf(error);
  if (type !== undefined) return BY_TYPE[type] as ErrorAnswer;
  // A gzip or deflate body that does not inflate reaches us as zlib's error, given status
  // 400 by body-parser and no type of its own.
  if (statusOf(error) === 400) return MALFORMED;
  return INTERNAL;
}

/** The one error middleware: mount it last. */
export function errorMiddleware(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    // A body-read deadline already answered 408 (body-deadline.ts): the parser's late
    // "aborted" is the same request, not a second failure.
    if (res.headersSent) return;
    const answer = answerFor(error);
    const type = typeOf(error);
    logger.log(answer.status >= 500 ? 'error' : 'warn', {
      event: answer.status >= 500 ? 'http-error' : 'http-refused',
      status: answer.status,
      ...(type ? { step: type } : {}),
      error: errorName(error),
    });
    res.status(answer.status).set('Cache-Control', 'no-store').json(answer.body);
  };
}
