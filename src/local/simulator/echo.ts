/**
 * The simulator's Echo: typed (or browser-heard) words become the request envelopes Alexa
 * would send, by matching them against OUR interaction model (virtual-alexa, the emulator
 * the voice tests use), with entity resolution. Local only: never imported by lambda/.
 *
 * Where the envelope goes depends on the local signature setting (announced at start-up):
 * - ALEXA_VERIFY_SIGNATURE=false: over HTTP to this server's own POST /alexa, every check on.
 * - on (the default): straight into the same skill object POST /alexa uses (skill-id check,
 *   the turn runner, the crisis gate), without Amazon's certificate check, which only Amazon
 *   can pass. The check stays on for POST /alexa itself: nothing is switched off globally.
 */
import { fileURLToPath } from 'node:url';
import type { Skill } from 'ask-sdk-core';
import type { ResponseEnvelope } from 'ask-sdk-model';

/** The committed interaction model (skill-package), the one Alexa is given. */
const MODEL_PATH = fileURLToPath(
  new URL('../../../skill-package/interactionModels/custom/en-US.json', import.meta.url),
);

/**
 * A skill id for envelopes when ALEXA_SKILL_ID is unset (any id is then accepted). Clearly
 * not a real skill's.
 */
export const SIMULATOR_SKILL_ID = 'amzn1.ask.skill.00000000-0000-4000-8000-5153494d554c';

/** "Alexa, open my check in" / "ask my check in for a grounding exercise". */
const INVOCATION =
  /^(?:alexa,? )?(?:ask|open|launch|start|tell|talk to|use) my check in(?:,? (?:and |to |for )?(.*))?$/i;

/** What the Echo says back. */
export interface EchoReply {
  ssml: string;
  /** The session stays open (the ring waits for an answer). */
  open: boolean;
}

export type EchoTarget = { skill: Skill } | { url: () => string };

export interface SimulatedEcho {
  say(words: string): Promise<EchoReply>;
  /** The emulated account's Alexa userId (random, made by the emulator; never a person's). */
  userId(): string;
}

type VirtualAlexaModule = typeof import('virtual-alexa');

let loaded: Promise<VirtualAlexaModule> | undefined;
/** virtual-alexa is loaded when the first Echo is made, not at start-up. */
const virtualAlexa = (): Promise<VirtualAlexaModule> => {
  loaded ??= import('virtual-alexa');
  return loaded;
};

export async function createSimulatedEcho(target: EchoTarget, skillId: string): Promise<SimulatedEcho> {
  const { VirtualAlexa } = await virtualAlexa();
  const builder = VirtualAlexa.Builder()
    .interactionModelFile(MODEL_PATH)
    .applicationID(skillId)
    .locale('en-US');
  const alexa = (
    'skill' in target
      ? builder.handler((event: unknown, context: unknown) =>
          target.skill.invoke(event as Parameters<Skill['invoke']>[0], context),
        )
      : builder.skillURL(target.url())
  ).create();
  // virtual-alexa's own launch test is an unanchored regex ("tell my therapist" would be a
  // launch); Alexa's grammar for our invocation name decides instead (see INVOCATION).
  (alexa as unknown as { parseLaunchRequest: () => undefined }).parseLaunchRequest = () => undefined;

  return {
    async say(words) {
      const phrase = words.trim();
      const invocation = INVOCATION.exec(phrase);
      let envelope: unknown;
      if (invocation) {
        // A new conversation: Alexa ends whatever session the device had.
        alexa.context().endSession();
        const rest = invocation[1]?.trim();
        envelope = rest ? await alexa.utter(rest) : await alexa.launch();
      } else {
        envelope = await alexa.utter(phrase);
      }
      const response = (envelope as ResponseEnvelope).response;
      const ssml = response.outputSpeech?.type === 'SSML' ? response.outputSpeech.ssml : '';
      return { ssml, open: response.shouldEndSession === false };
    },
    userId: () => alexa.context().user().id(),
  };
}
