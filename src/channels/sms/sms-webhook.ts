/**
 * The SMS webhook as plain code, shared by the express router and the Lambda handler:
 * verify -> parse -> dedup -> turn -> render -> remember.
 *
 * The channel translates and does not decide: every body goes to the core as text, and the
 * core reads the keywords (HELP, STOP, DELETE...) and runs the crisis gate on it first.
 */

import { failureReply } from '../../core/failure-reply.ts';
import type { DeliveryStore } from '../../core/ports.ts';
import type { CrisisRegion } from '../../core/types.ts';
import { userIdFor } from '../../identity/user-id.ts';
import { errorName, type Logger } from '../../observability/log.ts';
import type { RunTurn } from '../../service/turn-runner.ts';
import { regionForPhone } from './region.ts';
import { renderTwiml } from './render-twiml.ts';
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

export interface SmsWebhookDeps {
  /** Twilio auth token. Undefined refuses every request (fail closed). */
  authToken: string | undefined;
  /** Public base URL Twilio calls, without `/sms`. */
  publicUrl: string;
  /**
   * Identity pepper for the HMAC user id. Undefined (its secret could not be read): signed
   * requests get the kind fallback, since no one can be told apart without it.
   */
  pepper: string | Buffer | undefined;
  /** The shared turn runner (load, core step, effects, save); give it a budget below `budgetMs`. */
  runTurn: RunTurn;
  /** MessageSid dedup, so a redelivered message gets the same reply and changes nothing. */
  store: DeliveryStore;
  logger: Logger;
  /** Current time; defaults to the system clock. */
  clock?: () => Date;
  /**
   * Time for everything after the signature check, in ms. Twilio gives up at 15 s; past
   * this budget the person gets the kind fallback (with a crisis line) instead of nothing.
   */
  budgetMs?: number;
}

/** Default budget: a reply well inside Twilio's 15 s even on a cold start. */
export const DEFAULT_BUDGET_MS = 8000;

/**
 * Most of the budget the MessageSid lookup may use. Give the turn runner a budget below
 * `budgetMs - DEDUP_BUDGET_MS` so a slow table still yields its reply, not the fallback.
 */
export const DEDUP_BUDGET_MS = 1500;

const TWIML = 'text/xml';
const PLAIN = 'text/plain';

/** The turn did not finish within the budget. */
export class TurnTimeoutError extends Error {
  constructor(readonly budgetMs: number) {
    super(`SMS turn exceeded its ${budgetMs} ms budget`);
    this.name = 'TurnTimeoutError';
  }
}

/** A signed request without the fields every Twilio message has. */
export class MalformedMessageError extends Error {
  constructor(readonly field: string) {
    super(`SMS webhook request has no ${field}`);
    this.name = 'MalformedMessageError';
  }
}

/** The identity pepper is not available, so the sender cannot be identified. */
export class PepperUnavailableError extends Error {
  constructor() {
    super('Identity pepper unavailable');
    this.name = 'PepperUnavailableError';
  }
}

interface InboundMessage {
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
  const clock = deps.clock ?? (() => new Date());
  const started = clock().getTime();
  const trace: Trace = { step: 'verify', region: 'OTHER' };
  let response: SmsWebhookResponse;
  try {
    verifySignature(deps.authToken, req.signature, webhookUrl(deps.publicUrl), req.params);
    trace.step = 'parse';
    const message = parseMessage(req.params);
    trace.region = message.region;
    trace.words = message.text;
    if (!deps.pepper) throw new PepperUnavailableError();
    trace.user = userIdFor(deps.pepper, 'sms', message.from);
    response = await answer(message, trace.user, trace, deps, clock, started);
  } catch (error) {
    response = errorResponse(error, trace);
    deps.logger.log(response.status === 200 ? 'error' : 'warn', {
      event: response.status === 200 ? 'sms-fallback' : 'sms-refused',
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
    ms: clock().getTime() - started,
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
  clock: () => Date,
  started: number,
): Promise<SmsWebhookResponse> {
  const budgetMs = deps.budgetMs ?? DEFAULT_BUDGET_MS;
  const deadline = started + budgetMs;
  const within = <T>(work: Promise<T>) => beforeDeadline(work, deadline - clock().getTime(), budgetMs);

  if (message.messageId) {
    trace.step = 'dedup';
    const earlier = await earlierReply(message.messageId, userId, deps, clock, deadline);
    if (earlier !== null) {
      trace.step = 'redelivery';
      return twiml(earlier);
    }
  }

  trace.step = 'turn';
  const { reply, crisis, erased } = await within(
    deps.runTurn({
      userId,
      channel: 'sms',
      region: message.region,
      input: { type: 'text', text: message.text },
    }),
  );
  trace.step = crisis ? 'crisis' : reply.silent ? 'silent' : 'reply';
  const body = renderTwiml(reply);

  // After an erase, remembering the message would leave an item behind for this person.
  if (message.messageId && !erased) {
    try {
      await within(deps.store.rememberDelivery(userId, message.messageId, body, clock().toISOString()));
    } catch (error) {
      // The turn is done and saved; failing to remember it only risks a duplicate if Twilio
      // redelivers. The person still gets their reply (a crisis reply above all).
      deps.logger.warn({
        event: 'sms-remember-failed',
        channel: 'sms',
        user: userId,
        error: errorName(error),
      });
    }
  }
  return twiml(body);
}

/**
 * The reply already sent for this MessageSid, or null. A slow or failing lookup is given
 * up after a short slice of the budget: a real answer for the person matters more than
 * guarding against a rare redelivery.
 */
async function earlierReply(
  messageId: string,
  userId: string,
  deps: SmsWebhookDeps,
  clock: () => Date,
  deadline: number,
): Promise<string | null> {
  const slice = Math.min(DEDUP_BUDGET_MS, deadline - clock().getTime());
  try {
    return await beforeDeadline(
      deps.store.deliveredReply(userId, messageId, clock().toISOString()),
      slice,
      slice,
    );
  } catch (error) {
    deps.logger.warn({
      event: 'sms-dedup-skipped',
      channel: 'sms',
      user: userId,
      error: errorName(error),
    });
    return null;
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
  // From here the request is Twilio's: answer kindly, with a crisis line, whatever broke;
  // crisis language still gets the full crisis reply (the core decides which).
  return twiml(renderTwiml(failureReply(words, region, 'text')));
}

function twiml(body: string): SmsWebhookResponse {
  return { status: 200, body, contentType: TWIML };
}

function parseMessage(params: Readonly<Record<string, string>>): InboundMessage {
  const from = params.From?.trim();
  if (!from) throw new MalformedMessageError('From');
  return {
    from,
    // A picture with no words arrives with an empty Body; the core answers it as words.
    text: params.Body ?? '',
    messageId: params.MessageSid || params.SmsSid || undefined,
    region: regionForPhone(from),
  };
}

/** `work`, or a TurnTimeoutError once `remainingMs` have passed. */
async function beforeDeadline<T>(work: Promise<T>, remainingMs: number, budgetMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TurnTimeoutError(budgetMs)), Math.max(0, remainingMs));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
