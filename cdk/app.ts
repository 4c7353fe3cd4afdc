/**
 * CDK entry point (`cdk.json` runs it with tsx).
 *
 *   npx cdk synth  -c alexaSkillId=amzn1.ask.skill.<id>
 *   npx cdk deploy -c alexaSkillId=amzn1.ask.skill.<id>
 *
 * The stack is environment-agnostic and makes no lookups, so synth works
 * offline with no AWS account. cdk-nag's AWS Solutions and HIPAA Security
 * packs run on every synth: an unacknowledged finding stops it.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { ConfigError } from '../src/config/env.ts';
import { readAlexaSkillId, STACK_NAME } from './app-context.ts';
import { CheckInStack } from './check-in-stack.ts';

const app = new App();

let alexaSkillId: string;
try {
  alexaSkillId = readAlexaSkillId(app.node.tryGetContext('alexaSkillId'));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

new CheckInStack(app, STACK_NAME, {
  alexaSkillId,
  description: 'my check in: a between-sessions companion over SMS and Alexa',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
