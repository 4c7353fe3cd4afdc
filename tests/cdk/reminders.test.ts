/**
 * Issue 12 on AWS, as synthesized: one 5-minute schedule over the sparse due index, a
 * sender function that alone may decrypt the sealed numbers, its Twilio settings in Secrets
 * Manager (by ARN), its failures alarmed, and the webhook able to seal but never to open.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthCheckIn } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };

let synth: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synth = synthCheckIn({ bundle: false });
  resources = synth.template.toJSON().Resources as Record<string, Resource>;
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  synth.stack.getLogicalId(construct.node.defaultChild as never);

function roleStatements(roleLogicalIdPart: string): Statement[] {
  return Object.values(resources)
    .filter(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(roleLogicalIdPart),
    )
    .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const keyActions = (statements: Statement[], keyId: string) =>
  statements
    .filter((s) => JSON.stringify(s.Resource).includes(`"${keyId}"`))
    .flatMap((s) => [s.Action].flat());

describe('reminders on AWS', () => {
  it('tick every 5 minutes over a sparse, keys-only due index', () => {
    synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(synth.stack.remindersFunction), 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 0 },
        DeadLetterConfig: Match.anyValue(),
      }),
    });
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'due',
          KeySchema: [
            { AttributeName: 'dueShard', KeyType: 'HASH' },
            { AttributeName: 'dueAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
    });
  });

  it('let only the sender decrypt the sealed numbers, the webhook only encrypt, both with the user id as context', () => {
    const contactKey = logicalId(synth.stack.contactKey);
    const sender = roleStatements(logicalId(synth.stack.remindersFunction).replace(/[0-9A-F]{8}$/, ''));
    const webhook = roleStatements('SmsFunctionRole');
    const alexa = roleStatements('AlexaFunctionRole');

    expect(keyActions(sender, contactKey)).toEqual(['kms:Decrypt']);
    expect(keyActions(webhook, contactKey)).toEqual(['kms:Encrypt']);
    expect(keyActions(alexa, contactKey)).toEqual([]);
    for (const s of [...sender, ...webhook].filter((x) => JSON.stringify(x.Resource).includes(contactKey))) {
      expect(s.Condition).toEqual({
        'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['userId'] },
        Null: { 'kms:EncryptionContext:userId': 'false' },
      });
    }
  });

  it('let the Alexa function text a linked phone only by invoking the sender, never by opening a number', () => {
    const alexaFn = resources[logicalId(synth.stack.alexaFunction)] as Resource;
    const env = (alexaFn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env.PHONE_TEXT_FUNCTION_NAME).toEqual({ Ref: logicalId(synth.stack.remindersFunction) });
    const alexa = roleStatements('AlexaFunctionRole');
    const invokes = alexa.filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'));
    expect(invokes.map((s) => s.Resource)).toEqual([
      { 'Fn::GetAtt': [logicalId(synth.stack.remindersFunction), 'Arn'] },
    ]);
    // No Twilio secret either: the sender keeps both.
    expect(Object.keys(env)).not.toContain('TWILIO_SENDER_SECRET_ARN');
    expect(Object.keys(env)).not.toContain('CONTACT_KMS_ARN');
  });

  it('read the Twilio settings from Secrets Manager by ARN, and the due index by its own name only', () => {
    const fn = resources[logicalId(synth.stack.remindersFunction)] as Resource;
    const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'TWILIO_SENDER_SECRET_ARN',
        'TWILIO_AUTH_TOKEN_SECRET_ARN',
        'CONTACT_KMS_ARN',
      ]),
    );
    synth.template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'MyCheckIn/twilio-sender' });
    const resourcesRead = roleStatements('RemindersFunctionRole').map((s) => JSON.stringify(s.Resource));
    expect(resourcesRead.some((r) => r.includes('/index/due'))).toBe(true);
    expect(resourcesRead.some((r) => r.includes('/index/*'))).toBe(false);
  });

  it('alarm on a failed send, on the function, and on the tick dead-letter queue', () => {
    const alarms = Object.values(resources)
      .filter((r) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r) => String(r.Properties.AlarmDescription));
    expect(alarms.some((d) => d.startsWith('A reminder text could not be sent'))).toBe(true);
    expect(alarms.some((d) => d.startsWith('RemindersFunction: invocations are failing'))).toBe(true);
    expect(alarms.some((d) => d.startsWith('A reminder tick could not be invoked'))).toBe(true);
    synth.template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.event = "reminder-failed" }',
      MetricTransformations: [Match.objectLike({ MetricName: 'ReminderFailed' })],
    });
  });
});
