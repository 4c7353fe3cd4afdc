import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readAlexaSkillId, SKILL_ID_HELP } from '../../cdk/app-context.ts';
import { PROJECT_ROOT } from '../../cdk/check-in-function.ts';
import { ConfigError } from '../../src/config/env.ts';

describe('the CDK app', () => {
  it('stops with one line saying how to pass the skill id when it is missing', () => {
    // Prepare / Act: run exactly what cdk.json runs, with no context.
    const run = spawnSync('npx', ['tsx', 'cdk/app.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, CDK_CONTEXT_JSON: '{}' },
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('-c alexaSkillId=amzn1.ask.skill.');
  });

  it('accepts an Alexa skill id', () => {
    expect(readAlexaSkillId(' amzn1.ask.skill.1234-abcd ')).toBe('amzn1.ask.skill.1234-abcd');
  });

  it('rejects a missing, empty or non-skill id with the same help', () => {
    for (const value of [undefined, '', 'my-skill', 'amzn1.ask.skill.', 42]) {
      expect(() => readAlexaSkillId(value)).toThrow(ConfigError);
      expect(() => readAlexaSkillId(value)).toThrow(SKILL_ID_HELP);
    }
  });
});
