/**
 * Builds the stack the way `npx cdk synth` does: the context from cdk.json
 * and a test skill id. Shared by the CDK tests; not a test itself.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { STACK_NAME } from '../../cdk/app-context.ts';
import { PROJECT_ROOT } from '../../cdk/check-in-function.ts';
import { CheckInStack } from '../../cdk/check-in-stack.ts';

export const TEST_SKILL_ID = 'amzn1.ask.skill.test';

/** The `context` block of cdk.json (feature flags and CLI settings). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(`${PROJECT_ROOT}cdk.json`, 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface Synthesized {
  app: App;
  stack: CheckInStack;
  template: Template;
  /** Folder of the synthesized cloud assembly (bundled assets live here). */
  assemblyDir: string;
}

/**
 * Synthesizes the stack. With `bundle: false` esbuild is skipped (CDK's own
 * `aws:cdk:bundling-stacks` switch) for tests that only read the template.
 */
export function synthCheckIn({
  bundle,
  waf = false,
  smsQuietDayAlarm = false,
}: {
  bundle: boolean;
  /** As `-c waf=true` does: CloudFront and WAF, the stack in us-east-1. */
  waf?: boolean;
  smsQuietDayAlarm?: boolean;
}): Synthesized {
  const app = new App({
    context: { ...cdkJsonContext(), ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stack = new CheckInStack(app, STACK_NAME, {
    alexaSkillId: TEST_SKILL_ID,
    waf,
    smsQuietDayAlarm,
    ...(waf ? { env: { region: 'us-east-1' } } : {}),
  });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName(STACK_NAME).template as Record<string, unknown>);
  return { app, stack, template, assemblyDir: assembly.directory };
}
