import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, TABLE_ITEM_ACTIONS } from '../../cdk/check-in-function.ts';
import { CRISIS_DATA_FILES, ESM_REQUIRE_BANNER } from '../../scripts/esbuild-options.ts';
import { type Synthesized, synthCheckIn, TEST_SKILL_ID } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let synth: Synthesized;
let resources: Record<string, Resource>;

// One real synth (with esbuild bundling) shared by every assertion in this file.
beforeAll(() => {
  synth = synthCheckIn({ bundle: true });
  resources = synth.template.toJSON().Resources as Record<string, Resource>;
});

function logicalId(construct: { node: { defaultChild?: unknown } }): string {
  return synth.stack.getLogicalId(construct.node.defaultChild as never);
}

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

function roleStatements(roleLogicalId: string): Statement[] {
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(roleLogicalId))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

function actionsOn(statements: Statement[], resourceLogicalId: string): string[] {
  return statements
    .filter((s) => JSON.stringify(s.Resource).includes(`"${resourceLogicalId}"`))
    .flatMap((s) => [s.Action].flat());
}

function functionEnv(fnLogicalId: string): Record<string, unknown> {
  const fn = resources[fnLogicalId] as Resource;
  return (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

describe('the data table', () => {
  it('bills per request, keeps point-in-time recovery and expires items by expiresAt', () => {
    // Prepare / Act: synthesized once above.
    // Assess
    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('is encrypted with the customer-managed key, which rotates', () => {
    const keyId = logicalId(synth.stack.table.encryptionKey as never);

    synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      },
    });
    synth.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('survives deleting the stack, and so does its key', () => {
    synth.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    synth.template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });
});

describe('the functions', () => {
  it('run on nodejs22.x arm64 with source maps enabled', () => {
    const functions = ofType('AWS::Lambda::Function');

    // Alexa, SMS, the SMS fallback URL, the reminder tick, and the share pages.
    expect(functions).toHaveLength(5);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: { NODE_OPTIONS: '--enable-source-maps' } },
      });
    }
  });

  it('answer Alexa within 8 s and Twilio within 10 s', () => {
    expect(resources[logicalId(synth.stack.alexaFunction)]?.Properties.Timeout).toBe(8);
    expect(resources[logicalId(synth.stack.smsFunction)]?.Properties.Timeout).toBe(10);
  });

  it('deploy minified ESM bundles built with the shared esbuild settings', () => {
    for (const fn of [synth.stack.alexaFunction, synth.stack.smsFunction]) {
      const code = resources[logicalId(fn)]?.Properties.Code as { S3Key: string };
      const assetDir = join(synth.assemblyDir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);

      const source = readFileSync(join(assetDir, 'index.mjs'), 'utf8');

      expect(source.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
      // The crisis gate's data is imported from beside the bundle, not carried inside it:
      // without these files the function could not start.
      for (const file of CRISIS_DATA_FILES) {
        expect(source).toContain(`./data/${file}`);
        expect(readFileSync(join(assetDir, 'data', file), 'utf8')).toBe(
          readFileSync(join(PROJECT_ROOT, 'src/core/crisis/data', file), 'utf8'),
        );
      }
    }
  });

  it('let only the Alexa skill with this id invoke the voice function', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: TEST_SKILL_ID,
      FunctionName: { 'Fn::GetAtt': [logicalId(synth.stack.alexaFunction), 'Arn'] },
    });
    expect(functionEnv(logicalId(synth.stack.alexaFunction)).ALEXA_SKILL_ID).toBe(TEST_SKILL_ID);
  });

  it('carry secrets only as Secrets Manager ARNs, never as values', () => {
    const secretIds = new Set(ofType('AWS::SecretsManager::Secret').map(([id]) => id));

    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      for (const [name, value] of Object.entries(env)) {
        // A dynamic reference would put the secret's value into the environment.
        expect(JSON.stringify(value)).not.toMatch(/resolve:secretsmanager|resolve:ssm/);
        if (/TOKEN|PEPPER|SECRET|PASSWORD|KEY/.test(name)) {
          expect(name).toMatch(/_SECRET_ARN$/);
          expect(secretIds.has((value as { Ref?: string }).Ref ?? '')).toBe(true);
        }
      }
    }
  });

  it('send the SMS webhook URL to the SMS function as PUBLIC_URL', () => {
    const apiId = logicalId(synth.stack.api);

    expect(functionEnv(logicalId(synth.stack.smsFunction)).PUBLIC_URL).toEqual({
      'Fn::GetAtt': [apiId, 'ApiEndpoint'],
    });
    synth.template.hasOutput('SmsWebhookUrl', {
      Value: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/sms']] },
    });
  });
});

/** Logical ids a resource refers to through Ref, Fn::GetAtt or DependsOn. */
function references(resource: unknown, ids: Set<string>): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const targets =
        key === 'Ref'
          ? [value]
          : key === 'Fn::GetAtt'
            ? [[value].flat()[0]]
            : key === 'DependsOn'
              ? [value].flat()
              : [];
      for (const target of targets) if (typeof target === 'string' && ids.has(target)) found.add(target);
      if (targets.length === 0) walk(value);
    }
  };
  walk(resource);
  return found;
}

describe('the template', () => {
  it('has no circular references, so CloudFormation can deploy it', () => {
    const ids = new Set(Object.keys(resources));
    const edges = new Map([...ids].map((id) => [id, references(resources[id], ids)]));
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') {
        cycles.push([...path, id].join(' -> '));
        return;
      }
      state.set(id, 'visiting');
      for (const next of edges.get(id) ?? []) visit(next, [...path, id]);
      state.set(id, 'done');
    };

    for (const id of ids) visit(id, []);

    expect(cycles).toEqual([]);
    // The SMS function refers to the API (PUBLIC_URL) while the API's integration refers to the function.
    expect(edges.get(logicalId(synth.stack.smsFunction))?.has(logicalId(synth.stack.api))).toBe(true);
  });
});

describe('permissions', () => {
  it('grant no wildcard actions anywhere', () => {
    const actions = ofType('AWS::IAM::Policy').flatMap(([, p]) =>
      (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement.flatMap((s) => [s.Action].flat()),
    );

    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });

  it('give each function only item reads and writes on the table: no scan, no table management', () => {
    const tableId = logicalId(synth.stack.table);

    for (const fn of [synth.stack.alexaFunction, synth.stack.smsFunction]) {
      const statements = roleStatements(logicalId(fn.role as never));
      expect(actionsOn(statements, tableId).sort()).toEqual([...TABLE_ITEM_ACTIONS].sort());
      expect(functionEnv(logicalId(fn)).TABLE_NAME).toEqual({ Ref: tableId });
    }
  });

  it('let the SMS function read the pepper and the Twilio token, and Alexa only the pepper', () => {
    const [pepperId, twilioId] = ['IdPepper', 'TwilioAuthToken'].map(
      (id) => ofType('AWS::SecretsManager::Secret').find(([logical]) => logical.startsWith(id))?.[0] ?? id,
    ) as [string, string];
    const sms = roleStatements(logicalId(synth.stack.smsFunction.role as never));
    const alexa = roleStatements(logicalId(synth.stack.alexaFunction.role as never));

    expect(actionsOn(sms, pepperId)).toContain('secretsmanager:GetSecretValue');
    expect(actionsOn(sms, twilioId)).toContain('secretsmanager:GetSecretValue');
    expect(actionsOn(alexa, pepperId)).toContain('secretsmanager:GetSecretValue');
    expect(actionsOn(alexa, twilioId)).toEqual([]);
    expect(functionEnv(logicalId(synth.stack.alexaFunction))).not.toHaveProperty(
      'TWILIO_AUTH_TOKEN_SECRET_ARN',
    );
  });

  it('use no AWS managed policies', () => {
    for (const [, role] of ofType('AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('operations', () => {
  it('raise alarms on errors, throttles and slow replies of each function to the encrypted topic', () => {
    const topicAction = [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }];

    for (const fn of [synth.stack.alexaFunction, synth.stack.smsFunction]) {
      const dimensions = [{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }];
      for (const metric of ['Errors', 'Throttles']) {
        synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          MetricName: metric,
          Dimensions: dimensions,
          AlarmActions: topicAction,
        });
      }
      synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'Duration',
        Dimensions: dimensions,
        ExtendedStatistic: 'p99',
        Threshold: fn.timeoutDuration.toMilliseconds() * 0.8,
        AlarmActions: topicAction,
      });
    }
    synth.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  it('throttle and access-log the API, which takes POST /sms, POST /sms/fallback and the share pages only', () => {
    synth.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      // The fallback has an allowance of its own, so junk on /sms cannot use it up.
      RouteSettings: { 'POST /sms/fallback': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
    expect(
      ofType('AWS::ApiGatewayV2::Route')
        .map(([, r]) => r.Properties.RouteKey)
        .sort(),
    ).toEqual([
      'GET /export/{token}',
      'GET /export/{token}/{file}',
      'GET /share/{token}',
      'POST /sms',
      'POST /sms/fallback',
    ]);
  });

  it('keep every log group for a set time, encrypted with the key', () => {
    const groups = ofType('AWS::Logs::LogGroup');

    // Five functions' logs and the API's access log.
    expect(groups).toHaveLength(6);
    for (const [, group] of groups) {
      expect(group.Properties).toMatchObject({
        RetentionInDays: expect.any(Number),
        KmsKeyId: expect.anything(),
      });
    }
  });

  it('tell the operator the webhook URL, the Alexa function and the secret names', () => {
    const outputs = synth.template.toJSON().Outputs as Record<string, { Value: unknown }>;

    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining([
        'SmsWebhookUrl',
        'AlexaFunctionArn',
        'TwilioAuthTokenSecretName',
        'IdPepperSecretName',
      ]),
    );
    expect(outputs.TwilioAuthTokenSecretName?.Value).toBe('MyCheckIn/twilio-auth-token');
    expect(outputs.IdPepperSecretName?.Value).toBe('MyCheckIn/id-pepper');
  });
});
