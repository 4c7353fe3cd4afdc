/**
 * The "my check in" custom skill. Every launch and intent goes through ONE bridge to the
 * core (request -> Input -> turn runner -> SSML); the handlers only decide whether a request
 * is a turn at all. The flow lives in the core, not spread across handlers.
 */
import {
  type ErrorHandler,
  getIntentName,
  getRequestType,
  type HandlerInput,
  type RequestHandler,
  type Skill,
  SkillBuilders,
} from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { failureReply } from '../../core/failure-reply.ts';
import type { CrisisRegion } from '../../core/types.ts';
import { userIdFor } from '../../identity/user-id.ts';
import { errorName, type Logger } from '../../observability/log.ts';
import { deadlineIn, withDeadline } from '../../service/deadline.ts';
import type { RunTurn } from '../../service/turn-runner.ts';
import { crisisCard } from './crisis-card.ts';
import { renderSsml } from './render-ssml.ts';
import { regionOf, requestToInput, requestWords } from './request-to-input.ts';

export interface AlexaSkillDeps {
  /** The shared turn runner (it holds the store and the time budget). */
  runTurn: RunTurn;
  /** The identity pepper, or a reader for it (Secrets Manager in Lambda). */
  pepper: string | (() => Promise<string>);
  logger: Logger;
  /** When set, requests for any other skill are refused before any handler runs. */
  skillId?: string;
  /**
   * Deletes every item of an account and of every voice linked to it (`eraseAlexaAccount`).
   * Called when the account disables the skill; without it that event is only logged.
   */
  eraseUser?: (userId: string) => Promise<void>;
  /**
   * Records a recognised voice under its account (the store's `linkPerson`), so that
   * erasing the account also finds that voice's journal. Called at the start of a session
   * only, so ordinary turns keep their one read and one write; a failure is logged and never
   * costs the reply.
   */
  linkPerson?: (accountUserId: string, personUserId: string) => Promise<void>;
}

/**
 * How long a reply may wait, after its turn, for the voice link written alongside it. The
 * link is a single Put started with the turn, so it is almost always done by then; a slow
 * one is left to finish on its own rather than hold up someone who is listening.
 */
const LINK_WAIT_MS = 250;

/** The Alexa account's user id: in the session, or in the context when there is none. */
function accountUserId(envelope: RequestEnvelope): string {
  const id = envelope.session?.user?.userId ?? envelope.context?.System?.user?.userId;
  if (!id) throw new MissingUserError('The request carries no user id');
  return id;
}

/**
 * Whose journal this turn belongs to. An Echo is often shared by a household under one
 * Amazon account, and a journal is private: a partner asking "what should I tell my
 * therapist" must not hear someone else's week. When Alexa recognised the speaker's voice
 * profile it sends `context.System.person.personId`, and that person gets a journal of their
 * own; anyone not recognised speaks under the account, as before.
 */
function speakerId(envelope: RequestEnvelope): string {
  return personId(envelope) ?? accountUserId(envelope);
}

/** The recognised voice profile, if Alexa recognised the speaker. */
function personId(envelope: RequestEnvelope): string | undefined {
  return envelope.context?.System?.person?.personId;
}

/** A launch, or the first request of a one-shot ("ask my check in to ..."). */
function isSessionStart(envelope: RequestEnvelope): boolean {
  return envelope.request.type === 'LaunchRequest' || envelope.session?.new === true;
}

/** Waits for `pending` at most `ms`; never rejects. */
async function settleWithin(pending: Promise<void>, ms: number): Promise<void> {
  await withDeadline(pending, deadlineIn(ms), 'voice-link').catch(() => {});
}

class MissingUserError extends Error {
  override name = 'MissingUserError';
}

/** A name for logs from code vocabulary only: the request type or intent name. */
function requestName(envelope: RequestEnvelope): string {
  const type = getRequestType(envelope);
  return type === 'IntentRequest' ? getIntentName(envelope) : type;
}

/** A launch or an intent: someone is listening for an answer. */
function isConversation(envelope: RequestEnvelope | undefined): boolean {
  const type = envelope?.request?.type;
  return type === 'LaunchRequest' || type === 'IntentRequest';
}

/** The request's words for the crisis gate; nothing when the envelope cannot be read. */
function safeWords(envelope: RequestEnvelope | undefined): string | undefined {
  try {
    return envelope ? requestWords(envelope) : undefined;
  } catch {
    return undefined;
  }
}

function safeRegion(envelope: RequestEnvelope | undefined): CrisisRegion {
  try {
    return envelope ? regionOf(envelope) : 'OTHER';
  } catch {
    return 'OTHER';
  }
}

/** Builds the skill. Call once per process (module scope in Lambda). */
export function buildSkill(deps: AlexaSkillDeps): Skill {
  const { runTurn, logger } = deps;
  const readPepper = typeof deps.pepper === 'string' ? async () => deps.pepper as string : deps.pepper;

  /** Links the speaking voice to its account; resolves whatever happens, logging a failure. */
  const linkVoice = async (envelope: RequestEnvelope, pepper: string, person: string): Promise<void> => {
    if (!deps.linkPerson) return;
    let account: string | undefined;
    try {
      account = userIdFor(pepper, 'alexa', accountUserId(envelope));
      await deps.linkPerson(account, person);
    } catch {
      logger.warn({
        event: 'alexa-person-link-failed',
        channel: 'alexa',
        ...(account ? { user: account } : {}),
      });
    }
  };

  /** The one bridge: request -> core turn -> SSML response. */
  const bridge = async (handlerInput: HandlerInput): Promise<Response> => {
    const envelope = handlerInput.requestEnvelope;
    const input = requestToInput(envelope);
    if (!input) return handlerInput.responseBuilder.getResponse();
    const pepper = await readPepper();
    const userId = userIdFor(pepper, 'alexa', speakerId(envelope));
    logger.info({ event: 'alexa-request', user: userId, channel: 'alexa', step: requestName(envelope) });
    // Started before the turn and run beside it, so the link costs the reply no time.
    const linking =
      personId(envelope) !== undefined && isSessionStart(envelope)
        ? linkVoice(envelope, pepper, userId)
        : undefined;
    const { reply } = await runTurn({
      userId,
      channel: 'alexa',
      region: regionOf(envelope),
      input,
      ...(personId(envelope) !== undefined ? { recognisedVoice: true } : {}),
    });
    if (linking) await settleWithin(linking, LINK_WAIT_MS);
    const { speech, reprompt, endSession } = renderSsml(reply);
    const response = handlerInput.responseBuilder.speak(speech);
    // The crisis numbers on a card in the Alexa app as well, and nothing the person said.
    const card = crisisCard(reply);
    if (card) response.withSimpleCard(card.title, card.content);
    if (reprompt !== undefined && !endSession) response.reprompt(reprompt);
    else response.withShouldEndSession(true);
    return response.getResponse();
  };

  const turnHandler: RequestHandler = {
    canHandle: ({ requestEnvelope }) => {
      const type = getRequestType(requestEnvelope);
      return type === 'LaunchRequest' || type === 'IntentRequest';
    },
    handle: bridge,
  };

  // The account disabled the skill: everything kept under it goes, as docs/design.md promises
  // ("Delete is every item under the pk"). The event names the account, never a person;
  // `eraseUser` finds the recognised voices through the account's PERSON# links.
  const skillDisabledHandler: RequestHandler = {
    canHandle: ({ requestEnvelope }) => getRequestType(requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
    handle: async ({ requestEnvelope, responseBuilder }) => {
      if (!deps.eraseUser) {
        logger.warn({ event: 'alexa-skill-disabled-not-erased', channel: 'alexa' });
        return responseBuilder.getResponse();
      }
      const userId = userIdFor(await readPepper(), 'alexa', accountUserId(requestEnvelope));
      await deps.eraseUser(userId);
      logger.info({ event: 'alexa-skill-disabled-erased', user: userId, channel: 'alexa' });
      return responseBuilder.getResponse();
    },
  };

  // SessionEndedRequest (and any other event without a turn): Alexa accepts no speech here.
  const noTurnHandler: RequestHandler = {
    canHandle: () => true,
    handle: ({ requestEnvelope, responseBuilder }) => {
      const request = requestEnvelope.request;
      const reason = request.type === 'SessionEndedRequest' ? request.reason : undefined;
      const errorType = request.type === 'SessionEndedRequest' ? request.error?.type : undefined;
      logger.info({
        event: 'alexa-session-ended',
        channel: 'alexa',
        step: reason ?? request.type,
        ...(errorType ? { error: errorType } : {}),
      });
      return responseBuilder.getResponse();
    },
  };

  // One place for every failure: apologise, keep the crisis line, leave the door open. Crisis
  // words still get the full crisis reply, read by the core's own gate: a failing store or
  // secret must not cost someone the number.
  const errorHandler: ErrorHandler = {
    canHandle: () => true,
    handle: (handlerInput, error) => {
      logger.error({ event: 'alexa-error', channel: 'alexa', error: errorName(error) });
      const envelope = handlerInput.requestEnvelope;
      // An event (skill disabled) has no one listening: fail it, so Alexa may deliver it
      // again and the alarm on function errors fires, rather than answer with speech.
      if (!isConversation(envelope)) throw error;
      // Crisis words still get the full crisis reply; the core decides, the channel renders.
      const reply = failureReply(safeWords(envelope), safeRegion(envelope), 'voice');
      if (reply.crisis) logger.info({ event: 'crisis-reply', channel: 'alexa', step: 'error' });
      const { speech, reprompt } = renderSsml(reply);
      const response = handlerInput.responseBuilder.speak(speech);
      if (reprompt !== undefined) response.reprompt(reprompt);
      return response.getResponse();
    },
  };

  const builder = SkillBuilders.custom()
    .addRequestHandlers(turnHandler, skillDisabledHandler, noTurnHandler)
    .addErrorHandlers(errorHandler)
    .withCustomUserAgent('my-check-in');
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
}
