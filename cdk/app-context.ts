/**
 * Values the CDK app needs from `-c key=value`, checked before anything is built.
 */
import { ConfigError } from '../src/config/env.ts';

/** The stack's name; secret names and outputs are prefixed with it. */
export const STACK_NAME = 'MyCheckIn';

/** Shown when the skill id is missing or malformed: says exactly how to pass it. */
export const SKILL_ID_HELP =
  'Pass the Alexa skill id: npx cdk synth -c alexaSkillId=amzn1.ask.skill.<your-skill-id> (same for deploy)';

const SKILL_ID_PREFIX = 'amzn1.ask.skill.';

/**
 * The Alexa skill id from the `alexaSkillId` context value.
 * @throws ConfigError with {@link SKILL_ID_HELP} when it is missing or not a skill id.
 */
export function readAlexaSkillId(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ConfigError(`Missing Alexa skill id. ${SKILL_ID_HELP}`);
  }
  const skillId = value.trim();
  if (!skillId.startsWith(SKILL_ID_PREFIX) || skillId.length === SKILL_ID_PREFIX.length) {
    throw new ConfigError(`"${skillId}" is not an Alexa skill id. ${SKILL_ID_HELP}`);
  }
  return skillId;
}

/**
 * An on/off context value (`-c waf=true`): absent or "false" is off, "true" is on, anything
 * else stops the app rather than guess.
 */
export function readFlag(name: string, value: unknown): boolean {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new ConfigError(`-c ${name} must be true or false`);
}
