/**
 * The skill wired as in production, on real parts: the shared turn runner, the DynamoDB
 * store on dynalite (the real AWS SDK over HTTP), the real identity HMAC, the store's voice
 * links at each session start, and `eraseAlexaAccount` behind AlexaSkillEvent.SkillDisabled.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildSkill } from '../../../src/channels/alexa/skill.ts';
import { userIdFor } from '../../../src/identity/user-id.ts';
import { createLogger, type Logger } from '../../../src/observability/log.ts';
import { eraseAlexaAccount } from '../../../src/service/erase-account.ts';
import { createTurnRunner, type RunTurn } from '../../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../../src/store/dynamo-store.ts';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { SKILL_ID } from './envelopes.ts';

export const PEPPER = 'test-pepper-for-alexa-channel-tests';

export interface Harness {
  db: TestDynamo;
  client: DynamoDBDocumentClient;
  tableName: string;
  store: DynamoCheckInStore;
  skill: ReturnType<typeof buildSkill>;
  /** The turn runner the skill uses, to build variants of the skill on the same store. */
  runTurn: RunTurn;
  /** Every voice link the skill wrote, as [account user id, person user id]. */
  links: Array<[string, string]>;
  /** Every log line written, parsed. */
  logs: Record<string, unknown>[];
  /** Every raw log line, to prove what never appears in one. */
  rawLogs: string[];
  logger: Logger;
  userIdOf(alexaUserId: string): string;
  /** Moves the turns' clock on by `hours`. */
  advance(hours: number): void;
  close(): Promise<void>;
}

export async function startHarness(options: { skillId?: string | null } = {}): Promise<Harness> {
  const db = await startDynalite();
  const { client, tableName } = db;
  const store = new DynamoCheckInStore({ client, tableName });
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger((line) => {
    rawLogs.push(line);
    logs.push(JSON.parse(line) as Record<string, unknown>);
  });
  // Generous budget: tests assert behaviour, not speed, on a busy 2-core machine.
  // A fixed seed: the same goals are offered every run, so a spoken check-in reads the same.
  // A clock tests can move on (a later day for a goal's follow-up).
  let offsetMs = 0;
  const clock = () => new Date(Date.now() + offsetMs);
  const runTurn = createTurnRunner({ store, logger, clock, budgetMs: 10_000, seed: () => 20_250_101 });
  const skillId = options.skillId === null ? undefined : (options.skillId ?? SKILL_ID);
  const links: Array<[string, string]> = [];
  const skill = buildSkill({
    runTurn,
    pepper: PEPPER,
    logger,
    ...(skillId ? { skillId } : {}),
    eraseUser: async (userId) => {
      await eraseAlexaAccount(store, userId);
    },
    linkPerson: async (accountUserId, personUserId) => {
      links.push([accountUserId, personUserId]);
      await store.linkPerson(accountUserId, personUserId, new Date().toISOString());
    },
  });
  return {
    db,
    client,
    tableName,
    store,
    skill,
    runTurn,
    links,
    logs,
    rawLogs,
    logger,
    userIdOf: (alexaUserId) => userIdFor(PEPPER, 'alexa', alexaUserId),
    advance: (hours) => {
      offsetMs += hours * 3_600_000;
    },
    close: () => db.close(),
  };
}
