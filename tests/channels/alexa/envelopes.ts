/**
 * Request envelopes shaped as Alexa sends them (version 1.0: session, context.System,
 * request with requestId, timestamp, locale; intents with slots and entity resolutions).
 */
import type { RequestEnvelope } from 'ask-sdk-model';

export const SKILL_ID = 'amzn1.ask.skill.8f6c1a2e-0000-4b7e-9d1c-5a0e3f2b7c11';
export const ALEXA_USER_ID =
  'amzn1.ask.account.AFHZ3XEXAMPLEUSERIDQWERTYUIOPASDFGHJKLZXCVBNM1234567890ABCDEFGHIJKLMNOP';
const DEVICE_ID = 'amzn1.ask.device.AGXEXAMPLEDEVICEID0123456789';

export interface EnvelopeOptions {
  skillId?: string;
  userId?: string;
  locale?: string;
  /** A new session (the first request of a conversation). Default: true for launch. */
  newSession?: boolean;
  sessionId?: string;
  timestamp?: string;
  /** A recognised voice profile (context.System.person), on a shared account. */
  personId?: string;
}

/** A slot as Alexa sends it: heard value plus, for custom types, entity resolution. */
export interface SlotSpec {
  value: string;
  /** Custom slot type name, for the resolution authority. */
  type?: string;
  /** Resolved id and canonical value; omitted: ER_SUCCESS_NO_MATCH when `type` is set. */
  resolved?: { id: string; name: string };
}

let counter = 0;
const nextId = (prefix: string) =>
  `${prefix}.${(++counter).toString(16).padStart(8, '0')}-4e1b-9a8c-000000000000`;

function base(request: Record<string, unknown>, options: EnvelopeOptions, isNew: boolean): RequestEnvelope {
  const skillId = options.skillId ?? SKILL_ID;
  const userId = options.userId ?? ALEXA_USER_ID;
  return {
    version: '1.0',
    session: {
      new: options.newSession ?? isNew,
      sessionId: options.sessionId ?? 'amzn1.echo-api.session.0f9b5e1c-2a3d-4c5e-8f70-123456789abc',
      application: { applicationId: skillId },
      attributes: {},
      user: { userId },
    },
    context: {
      System: {
        application: { applicationId: skillId },
        user: { userId },
        ...(options.personId ? { person: { personId: options.personId } } : {}),
        device: { deviceId: DEVICE_ID, supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.example.signature',
      },
    },
    request: {
      requestId: nextId('amzn1.echo-api.request'),
      timestamp: options.timestamp ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      locale: options.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export function launchRequest(options: EnvelopeOptions = {}): RequestEnvelope {
  return base({ type: 'LaunchRequest', shouldLinkResultBeReturned: false }, options, true);
}

export function intentRequest(
  name: string,
  slots: Record<string, SlotSpec> = {},
  options: EnvelopeOptions = {},
): RequestEnvelope {
  const skillId = options.skillId ?? SKILL_ID;
  const slotJson: Record<string, unknown> = {};
  for (const [slotName, spec] of Object.entries(slots)) {
    const slot: Record<string, unknown> = {
      name: slotName,
      value: spec.value,
      confirmationStatus: 'NONE',
      source: 'USER',
    };
    if (spec.type) {
      const authority = `amzn1.er-authority.echo-sdk.${skillId}.${spec.type}`;
      slot.resolutions = {
        resolutionsPerAuthority: [
          spec.resolved
            ? {
                authority,
                status: { code: 'ER_SUCCESS_MATCH' },
                values: [{ value: { name: spec.resolved.name, id: spec.resolved.id } }],
              }
            : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } },
        ],
      };
    }
    slotJson[slotName] = slot;
  }
  return base(
    {
      type: 'IntentRequest',
      intent: { name, confirmationStatus: 'NONE', slots: slotJson },
    },
    options,
    false,
  );
}

export function sessionEndedRequest(
  reason: 'USER_INITIATED' | 'ERROR' | 'EXCEEDED_MAX_REPROMPTS',
  options: EnvelopeOptions = {},
): RequestEnvelope {
  return base(
    {
      type: 'SessionEndedRequest',
      reason,
      ...(reason === 'ERROR'
        ? { error: { type: 'INVALID_RESPONSE', message: 'An exception occurred' } }
        : {}),
    },
    options,
    false,
  );
}

/**
 * AlexaSkillEvent.SkillDisabled as Amazon sends it to a subscribed skill: no session, the
 * account in context.System.user, and a body saying whether the user id outlives the skill.
 */
export function skillDisabledEvent(options: { userId?: string; skillId?: string } = {}): RequestEnvelope {
  const skillId = options.skillId ?? SKILL_ID;
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    version: '1.0',
    context: {
      System: {
        application: { applicationId: skillId },
        user: { userId: options.userId ?? ALEXA_USER_ID },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.example.signature',
      },
    },
    request: {
      type: 'AlexaSkillEvent.SkillDisabled',
      requestId: nextId('amzn1.echo-api.request'),
      timestamp: now,
      eventCreationTime: now,
      eventPublishingTime: now,
      body: { userInformation: { persistenceStatus: 'NOT_PERSISTED' } },
    },
  } as unknown as RequestEnvelope;
}
