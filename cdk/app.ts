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
import { readAlexaSkillId, readFlag, STACK_NAME } from './app-context.ts';
import { CheckInStack } from './check-in-stack.ts';
import { WAF_REGION } from './webhook-edge.ts';

const app = new App();

let alexaSkillId: string;
let waf: boolean;
let smsQuietDayAlarm: boolean;
try {
  alexaSkillId = readAlexaSkillId(app.node.tryGetContext('alexaSkillId'));
  // Optional: CloudFront + AWS WAF per-IP rate rule in front of the webhook (docs/operations.md).
  waf = readFlag('waf', app.node.tryGetContext('waf'));
  // Optional: alarm when no signed text is answered for a day (off: a quiet deployment would alarm).
  smsQuietDayAlarm = readFlag('smsQuietDayAlarm', app.node.tryGetContext('smsQuietDayAlarm'));
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

new CheckInStack(app, STACK_NAME, {
  alexaSkillId,
  waf,
  smsQuietDayAlarm,
  // A CloudFront web ACL exists only in us-east-1, so with WAF the whole stack goes there.
  ...(waf ? { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: WAF_REGION } } : {}),
  description: 'my check in: a between-sessions companion over SMS and Alexa',
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new HIPAASecurityChecks(app));
