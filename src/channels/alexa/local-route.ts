/**
 * POST /alexa for `npm start`, configured from the environment (docs/design.md, "Contract points"):
 * ALEXA_SKILL_ID, enforced when set; ALEXA_VERIFY_SIGNATURE=false switches Amazon's
 * signature and timestamp checks off for local emulators only, announced at start-up.
 */
import type { Router } from 'express';
import { ConfigError, type Env, optionalEnv } from '../../config/env.ts';
import type { VoiceProfileStore } from '../../core/ports.ts';
import type { Logger } from '../../observability/log.ts';
import { type AccountEraseStore, eraseAlexaAccount } from '../../service/erase-account.ts';
import type { RunTurn } from '../../service/turn-runner.ts';
import { createAlexaRouter } from './express-route.ts';
import { buildSkill } from './skill.ts';

export interface LocalAlexaSettings {
  skillId?: string;
  verifySignature: boolean;
}

/** Reads ALEXA_SKILL_ID and ALEXA_VERIFY_SIGNATURE ("true" by default, or "false"). */
export function localAlexaSettings(env: Env = process.env): LocalAlexaSettings {
  const verify = optionalEnv('ALEXA_VERIFY_SIGNATURE', env)?.toLowerCase() ?? 'true';
  if (verify !== 'true' && verify !== 'false') {
    throw new ConfigError('ALEXA_VERIFY_SIGNATURE must be true or false');
  }
  const skillId = optionalEnv('ALEXA_SKILL_ID', env);
  return { verifySignature: verify === 'true', ...(skillId ? { skillId } : {}) };
}

export interface LocalAlexaRouteDeps {
  runTurn: RunTurn;
  pepper: string;
  logger: Logger;
  env?: Env;
  /**
   * Links recognised voices to their account, and erases the account and those voices when
   * it disables the skill (AlexaSkillEvent.SkillDisabled).
   */
  store?: AccountEraseStore & Pick<VoiceProfileStore, 'linkPerson'>;
}

/** The skill behind POST /alexa, ready to mount: `{ path: '/alexa', router }`. */
export function createLocalAlexaRoute(deps: LocalAlexaRouteDeps): { path: '/alexa'; router: Router } {
  const settings = localAlexaSettings(deps.env);
  const { store } = deps;
  const storeDeps = store
    ? {
        eraseUser: async (userId: string): Promise<void> => {
          await eraseAlexaAccount(store, userId);
        },
        linkPerson: (accountUserId: string, personUserId: string): Promise<void> =>
          store.linkPerson(accountUserId, personUserId, new Date().toISOString()),
      }
    : {};
  if (!settings.verifySignature) {
    // Anyone who can reach this port can now speak as any Alexa user: say so plainly.
    deps.logger.warn({ event: 'alexa-signature-check-off', channel: 'alexa' });
  }
  const skill = buildSkill({
    runTurn: deps.runTurn,
    pepper: deps.pepper,
    logger: deps.logger,
    ...(settings.skillId ? { skillId: settings.skillId } : {}),
    ...storeDeps,
  });
  return {
    path: '/alexa',
    router: createAlexaRouter({ skill, verifySignature: settings.verifySignature, logger: deps.logger }),
  };
}
