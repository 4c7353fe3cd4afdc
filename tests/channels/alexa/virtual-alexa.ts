/**
 * virtual-alexa (npm) driving the skill through OUR interaction model: utterances become
 * IntentRequests by matching the model's samples and slot values, with entity resolution.
 *
 * One adaptation: virtual-alexa decides "is this a launch?" with an unanchored regex
 * (/(ask|open|launch|talk to|tell).*\/i in VirtualAlexa.parseLaunchRequest), so "what should I
 * tell my therapist" said mid-session would become a LaunchRequest, and "ask my check in for
 * a grounding exercise" (no " to ") a bare launch. `say` applies Alexa's own grammar for our
 * invocation name instead and leaves everything else to virtual-alexa's model matching.
 */
import type { Skill } from 'ask-sdk-core';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import { MODEL_PATH } from '../../../scripts/generate-interaction-model.ts';
import { SKILL_ID } from './envelopes.ts';
import { parseSsml } from './ssml.ts';

/** "Alexa, open my check in" / "ask my check in for a grounding exercise". */
const INVOCATION =
  /^(?:alexa,? )?(?:ask|open|launch|start|tell|talk to|use) my check in(?:,? (?:and |to )?(.*))?$/i;

export interface Heard {
  /** Words spoken, tags dropped. */
  speech: string;
  ssml: string;
  reprompt?: string;
  open: boolean;
  envelope: ResponseEnvelope;
}

export interface Emulator {
  alexa: VirtualAlexa;
  /** Speaks to the device: an invocation (launch or one-shot) or an utterance in the session. */
  say(phrase: string): Promise<Heard>;
  /** The Alexa userId of the emulated person (to find their items). */
  alexaUserId(): string;
}

function toHeard(envelope: ResponseEnvelope): Heard {
  const response = envelope.response;
  const ssml = response.outputSpeech?.type === 'SSML' ? response.outputSpeech.ssml : '';
  const repromptSsml =
    response.reprompt?.outputSpeech?.type === 'SSML' ? response.reprompt.outputSpeech.ssml : undefined;
  return {
    speech: parseSsml(ssml).text,
    ssml,
    ...(repromptSsml === undefined ? {} : { reprompt: parseSsml(repromptSsml).text }),
    open: response.shouldEndSession === false,
    envelope,
  };
}

/** An emulated Echo talking to the skill in-process, or to a URL (the local /alexa route). */
export function createEmulator(target: { skill: Skill } | { url: string }, locale = 'en-US'): Emulator {
  const builder = VirtualAlexa.Builder()
    .interactionModelFile(MODEL_PATH)
    .applicationID(SKILL_ID)
    .locale(locale);
  const alexa = (
    'skill' in target
      ? builder.handler((event: unknown, context: unknown) =>
          target.skill.invoke(event as Parameters<Skill['invoke']>[0], context),
        )
      : builder.skillURL(target.url)
  ).create();
  // Our grammar decides launches (see the file comment); virtual-alexa's would misfire.
  (alexa as unknown as { parseLaunchRequest: () => undefined }).parseLaunchRequest = () => undefined;

  const say = async (phrase: string): Promise<Heard> => {
    const invocation = INVOCATION.exec(phrase.trim());
    if (invocation) {
      // A new conversation: Alexa ends whatever session the device had.
      alexa.context().endSession();
      const rest = invocation[1]?.trim();
      const envelope = rest ? await alexa.utter(rest) : await alexa.launch();
      return toHeard(envelope as unknown as ResponseEnvelope);
    }
    return toHeard((await alexa.utter(phrase)) as unknown as ResponseEnvelope);
  };

  return { alexa, say, alexaUserId: () => alexa.context().user().id() };
}
