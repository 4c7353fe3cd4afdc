/**
 * The SMS webhook as plain code, shared by the express router and the Lambda handler:
 * secrets -> verify -> parse -> turn (exactly once, by MessageSid) -> render.
 *
 * The channel translates and does not decide: every body goes to the core as text, and the
 * core reads the keywords (HELP, STOP, DELETE...) and runs the crisis gate on it first.
 *
 * Never silent: one deadline counts from the request's arrival and bounds every outside call
 * (the secrets, the table). Whatever is slow or broken, Twilio gets TwiML in time, and the
 * person a kind reply that carries the crisis line (the full crisis reply for crisis words).
 */

import { failureReply } from '../../core/failure-reply.ts';
import type { CrisisRegion } from '../../core/types.ts';
import { e164 } from '../../identity/phone.ts';
import { userIdFor } from '../../identity/user-id.ts';
import { errorName, type Logger } from '../../observability/log.ts';
import { type Deadline, deadlineIn, withDeadline } from '../../service/deadline.ts';
import type { RunTurn } from '../../service/turn-runner.ts';
import { regionForPhone } from './region.ts';
import { renderTwiml } from './render-twiml.ts';
import { timeZoneGuessForPhone } from './time-zone-guess.ts';
import { SignatureError, verifySignature, webhookUrl } from './verify-signature.ts';

/** A webhook request as any host sees it: form parameters and the signature header. */
export interface SmsWebhookRequest {
  params: Record<string, string>;
  /** The X-Twilio-Signature header, when present. */
  signature?: string;
}

/** What the host sends back. */
export interface SmsWebhookResponse {
  status: number;
  body: string;
  contentType: string;
}

/**
 * A secret as the host has it: a value (local settings), a read that may be slow or fail
 * (Secrets Manager on Lambda), or undefined when it is not configured at all.
 */
export type SecretSource<T = string> = T | undefined | (() => Promise<string>);

export interface SmsWebhookDeps {
  /** Twilio auth token. Unavailable: nothing is processed, and the kind static reply goes back. */
  authToken: SecretSource;
  /** Public base URL Twilio calls, without `/sms`. */
  publicUrl: string;
  /**
   * Identity pepper for the HMAC user id. Unavailable: signed requests get the kind
   * fallback (crisis words the crisis reply), since no one can be told apart without it.
   */
  pepper: SecretSource<string | Buffer>;
  /** The shared turn runner (read, core step, commit); it ends by the webhook's deadline. */
  runTurn: RunTurn;
  logger: Logger;
  /**
   * Time for everything from the request's arrival, in ms. The Lambda stops at 10 s and
   * Twilio gives up at 15 s; past this budget the person gets the kind fallback instead.
   */
  budgetMs?: number;
}

/** Default budget: TwiML within 9 s of the event in every fault, under the Lambda's 10 s. */
export const DEFAULT_BUDGET_MS = 8500;
/** Most of the budget a secret read may take (a cold Secrets Manager read; warm ones are cached). */
export const SECRET_BUDGET_MS = 3000;
/** Kept back from the turn for rendering and sending the reply. */
const REPLY_MARGIN_MS = 300;

const TWIML = 'text/xml';
const PLAIN = 'text/plain';

/** A signed request without a phone number to answer (nothing is stored for it). */
export class MalformedMessageError extends Error {
  constructor(readonly field: string) {
    super(`SMS webhook request has no usable ${field}`);
    this.name = 'MalformedMessageError';
  }
}

/** A secret the webhook needs could not be read in time. */
export class SecretUnavailableError extends Error {
  constructor(readonly secret: string) {
    super(`${secret} unavailable`);
    this.name = 'SecretUnavailableError';
  }
}

interface InboundMessage {
  /** The sender in E.164 form. */
  from: string;
  text: string;
  messageId: string | undefined;
  region: CrisisRegion;
}

/** Handles one Twilio messaging webhook request. Never throws. */
export async function handleSmsWebhook(
  req: SmsWebhookRequest,
  deps: SmsWebhookDeps,
): Promise<SmsWebhookResponse> {
  const started = performance.now();
  const deadline = deadlineIn(deps.budgetMs ?? DEFAULT_BUDGET_MS);
  const trace: Trace = { step: 'secrets', region: regionOf(req.params.From) };
  let response: SmsWebhookResponse;
  try {
    const [authToken, pepper] = await Promise.all([
      readSecret(deps.authToken, 'twilio-auth-token', deadline, deps.logger),
      readSecret(deps.pepper, 'id-pepper', deadline, deps.logger),
    ]);
    trace.step = 'verify';
    if (authToken === undefined) throw new SecretUnavailableError('twilio-auth-token');
    verifySignature(authToken, req.signature, webhookUrl(deps.publicUrl), req.params);
    trace.step = 'parse';
    const message = parseMessage(req.params);
    trace.region = message.region;
    trace.words = message.text;
    if (pepper === undefined) throw new SecretUnavailableError('id-pepper');
    trace.user = userIdFor(pepper, 'sms', message.from);
    response = await answer(message, trace.user, trace, deps, deadline);
  } catch (error) {
    response = errorResponse(error, trace);
    const refused = response.status !== 200;
    deps.logger.log(refused ? 'warn' : 'error', {
      event: refused ? 'sms-refused' : 'sms-fallback',
      channel: 'sms',
      ...(trace.user ? { user: trace.user } : {}),
      step: trace.step,
      status: response.status,
      error: errorName(error),
    });
  }
  deps.logger.info({
    event: 'sms-webhook',
    channel: 'sms',
    ...(trace.user ? { user: trace.user } : {}),
    step: trace.step,
    status: response.status,
    ms: Math.round(performance.now() - started),
  });
  return response;
}

/** Where a request got to, for the log line and the fallback's crisis line. */
interface Trace {
  step: string;
  region: CrisisRegion;
  user?: string;
  /** The message, kept only so a failed turn can still answer crisis language. Never logged. */
  words?: string;
}

async function answer(
  message: InboundMessage,
  userId: string,
  trace: Trace,
  deps: SmsWebhookDeps,
  deadline: Deadline,
): Promise<SmsWebhookResponse> {
  trace.step = 'turn';
  const turnDeadline = deadlineIn(deadline.left() - REPLY_MARGIN_MS);
  const { reply, crisis, replayed } = await withDeadline(
    () =>
      deps.runTurn({
        userId,
        channel: 'sms',
        region: message.region,
        input: { type: 'text', text: message.text },
        deadline: turnDeadline,
        // Kept (sealed) only if this turn sets up a reminder; the zone is a first guess.
        phone: message.from,
        timeZoneGuess: timeZoneGuessForPhone(message.from),
        ...(message.messageId ? { messageId: message.messageId } : {}),
      }),
    deadline,
    'sms-turn',
  );
  trace.step = crisis ? 'crisis' : replayed ? 'redelivery' : reply.silent ? 'silent' : 'reply';
  return twiml(renderTwiml(reply));
}

/**
 * A secret's value, or undefined when it is not configured or cannot be read in time
 * (logged as `secret-unavailable`, which an alarm counts).
 */
async function readSecret<T extends string | Buffer>(
  source: SecretSource<T>,
  name: string,
  deadline: Deadline,
  logger: Logger,
): Promise<T | string | undefined> {
  if (typeof source !== 'function') return source;
  try {
    return await withDeadline(source, deadlineIn(SECRET_BUDGET_MS, deadline), name);
  } catch (error) {
    logger.error({ event: 'secret-unavailable', channel: 'sms', step: name, error: errorName(error) });
    return undefined;
  }
}

/** Every failure becomes a response here, and only here. */
function errorResponse(error: unknown, { region, words }: Trace): SmsWebhookResponse {
  if (error instanceof SignatureError) {
    switch (error.problem) {
      case 'missing':
        return { status: 400, body: 'Missing X-Twilio-Signature.', contentType: PLAIN };
      case 'invalid':
        return { status: 403, body: 'Twilio signature check failed.', contentType: PLAIN };
      case 'no-token':
        // Misconfiguration, not the caller's fault: a 5xx that alarms notice. Nothing is processed.
        return { status: 500, body: 'Webhook is not configured.', contentType: PLAIN };
    }
  }
  if (error instanceof MalformedMessageError) {
    // Signed, but from no phone number: nothing to answer and no one to keep it for.
    return { status: 400, body: 'The sender is not a phone number.', contentType: PLAIN };
  }
  if (error instanceof SecretUnavailableError && error.secret === 'twilio-auth-token') {
    // Unverified, so nothing of it is read: the static kind reply with the crisis line.
    return twiml(renderTwiml(failureReply(undefined, region, 'text')));
  }
  // From here the request is Twilio's: answer kindly, with a crisis line, whatever broke;
  // crisis language still gets the full crisis reply (the core decides which).
  return twiml(renderTwiml(failureReply(words, region, 'text')));
}

function twiml(body: string): SmsWebhookResponse {
  return { status: 200, body, contentType: TWIML };
}

function parseMessage(params: Readonly<Record<string, string>>): InboundMessage {
  const from = e164(params.From ?? '');
  if (!from) throw new MalformedMessageError('From');
  return {
    from,
    // A picture with no words arrives with an empty Body; the core answers it as words.
    text: params.Body ?? '',
    messageId: params.MessageSid || params.SmsSid || undefined,
    region: regionForPhone(from),
  };
}

/** The crisis region of a sender, before anything is verified (only to pick the right line). */
function regionOf(from: string | undefined): CrisisRegion {
  const phone = from === undefined ? null : e164(from);
  return phone ? regionForPhone(phone) : 'OTHER';
}
