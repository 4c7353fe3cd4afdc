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
import { channelWords } from '../../core/content/channels.ts';
import { service } from '../../core/content/service.ts';
import type { CrisisRegion } from '../../core/types.ts';
import { userIdFor } from '../../identity/user-id.ts';
import type { Logger } from '../../observability/log.ts';
import type { RunTurn } from '../../service/turn-runner.ts';
import { escapeSsml, renderSsml, speakText } from './render-ssml.ts';
import { regionOf, requestToInput } from './request-to-input.ts';

export interface AlexaSkillDeps {
  /** The shared turn runner (it holds the store and the time budget). */
  runTurn: RunTurn;
  /** The identity pepper, or a reader for it (Secrets Manager in Lambda). */
  pepper: string | (() => Promise<string>);
  logger: Logger;
  /** When set, requests for any other skill are refused before any handler runs. */
  skillId?: string;
}

/** Alexa's user id for the request: in the session, or in the context when there is none. */
function alexaUserId(envelope: RequestEnvelope): string {
  const id = envelope.session?.user?.userId ?? envelope.context?.System?.user?.userId;
  if (!id) throw new MissingUserError('The request carries no user id');
  return id;
}

class MissingUserError extends Error {
  override name = 'MissingUserError';
}

/** A name for logs from code vocabulary only: the request type or intent name. */
function requestName(envelope: RequestEnvelope): string {
  const type = getRequestType(envelope);
  return type === 'IntentRequest' ? getIntentName(envelope) : type;
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

  /** The one bridge: request -> core turn -> SSML response. */
  const bridge = async (handlerInput: HandlerInput): Promise<Response> => {
    const envelope = handlerInput.requestEnvelope;
    const input = requestToInput(envelope);
    if (!input) return handlerInput.responseBuilder.getResponse();
    const userId = userIdFor(await readPepper(), 'alexa', alexaUserId(envelope));
    logger.info({ event: 'alexa-request', user: userId, channel: 'alexa', step: requestName(envelope) });
    const { reply } = await runTurn({ userId, channel: 'alexa', region: regionOf(envelope), input });
    const { speech, reprompt, endSession } = renderSsml(reply);
    const response = handlerInput.responseBuilder.speak(speech);
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

  // One place for every failure: apologise, keep the crisis line, leave the door open.
  const errorHandler: ErrorHandler = {
    canHandle: () => true,
    handle: (handlerInput, error) => {
      logger.error({ event: 'alexa-error', channel: 'alexa', error: error.name || 'Error' });
      const region = safeRegion(handlerInput.requestEnvelope);
      const speech = [channelWords.voice.errorApology, channelWords.voice.tryAgain, crisisTail(region)]
        .map(speakText)
        .join(' ');
      const reprompt = `${speakText(crisisTail(region))} ${escapeSsml(channelWords.voice.errorReprompt)}`;
      return handlerInput.responseBuilder
        .speak(`<speak>${speech}</speak>`)
        .reprompt(`<speak>${reprompt}</speak>`)
        .getResponse();
    },
  };

  const builder = SkillBuilders.custom()
    .addRequestHandlers(turnHandler, noTurnHandler)
    .addErrorHandlers(errorHandler)
    .withCustomUserAgent('my-check-in');
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder.create();
}

/** "If you're in crisis, call or text 988." for the request's region. */
function crisisTail(region: CrisisRegion): string {
  return channelWords.voice.crisisTail(service.shortCrisisLine(region));
}
