/**
 * A NodejsFunction with this project's defaults baked in, so both channels are
 * built, logged and alarmed the same way.
 */
import { fileURLToPath } from 'node:url';
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  CRISIS_DATA_BUNDLE_DIR,
  CRISIS_DATA_FILES,
  CRISIS_DATA_SOURCE_DIR,
  LAMBDA_ESBUILD_OPTIONS,
} from '../scripts/esbuild-options.ts';
import { TABLE_NAME } from '../src/config/lambda-env.ts';

/** Repository root: esbuild resolves node_modules and the lock file from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * NodejsFunction `bundling` derived from the shared esbuild options, so the
 * deployed bundle is byte-for-byte the kind `npm run bundle` measures.
 * Local esbuild only: synth never needs Docker or the network.
 */
export function checkInBundling(): BundlingOptions {
  const o = LAMBDA_ESBUILD_OPTIONS;
  return {
    forceDockerBundling: false,
    target: o.target,
    format: OutputFormat.ESM,
    minify: o.minify,
    sourceMap: o.sourcemap,
    sourcesContent: o.sourcesContent,
    mainFields: [...o.mainFields],
    banner: o.banner.js,
    // Bundle the AWS SDK v3 clients we import: the locked version, tree-shaken.
    bundleAwsSDK: true,
    externalModules: [...o.external],
    esbuildArgs: { '--legal-comments': o.legalComments },
    logLevel: LogLevel.WARNING,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      // The crisis gate's data, left out of the JavaScript (scripts/esbuild-options.ts), goes
      // beside index.mjs as the gate imports it: data/*.json. Into every function's asset, so
      // no function that reads the gate can ever start without it (the others never load it).
      afterBundling: (inputDir: string, outputDir: string) => [
        `mkdir -p "${outputDir}/${CRISIS_DATA_BUNDLE_DIR}"`,
        ...CRISIS_DATA_FILES.map(
          (file) =>
            `cp "${inputDir}/${CRISIS_DATA_SOURCE_DIR}/${file}" "${outputDir}/${CRISIS_DATA_BUNDLE_DIR}/${file}"`,
        ),
      ],
    },
  };
}

/**
 * DynamoDB actions a function may call on the table: what src/store uses
 * (Get, Put, Update, Delete, Query, BatchGet for a turn's profile and session in
 * one read, BatchWrite for delete-all; a transaction needs only the actions of its
 * parts). Add here, with a reason, if the store starts using another call:
 * tests/cdk/table-actions.test.ts reads the store and fails on one missing.
 */
export const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchWriteItem',
] as const;

/** The reads among them, for a function that only reads (the share pages). */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/**
 * KMS actions on the table's customer-managed key, spelled out instead of
 * CDK's `kms:ReEncrypt*` / `kms:GenerateDataKey*` so no wildcard is granted:
 * the symmetric-key operations DynamoDB performs for the caller.
 */
export const TABLE_KEY_ACTIONS = [
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
] as const;

/** Properties of {@link CheckInFunction}. */
export interface CheckInFunctionProps {
  /** Path of the composition root (`lambda/*.ts`). */
  readonly entry: string;
  /** What the function is for, shown in the console. */
  readonly description: string;
  /** Hard limit per invocation; alarms fire at 80 % of it. */
  readonly timeout: Duration;
  /** Customer-managed key that encrypts the function's log group. */
  readonly logKey: IKey;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default RetentionDays.THREE_MONTHS */
  readonly logRetention?: RetentionDays;
  /** Extra environment; never a secret value (bind secrets by ARN with bindSecret). */
  readonly environment?: Record<string, string>;
  /** For a function invoked asynchronously (the reminder tick): where failed invocations go. */
  readonly deadLetterQueue?: IQueue;
}

/**
 * nodejs22.x on arm64, minified ESM with source maps, its own encrypted log
 * group with retention, and its own role with no AWS managed policy: the
 * function may write to its log group and nothing else until bound.
 */
export class CheckInFunction extends NodejsFunction {
  /** How long one invocation may run. */
  readonly timeoutDuration: Duration;
  /** The function's own log group: its JSON log lines, which cdk/log-alarms.ts counts. */
  readonly functionLogs: LogGroup;

  constructor(scope: Construct, id: string, props: CheckInFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
      encryptionKey: props.logKey,
    });
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${id}; no managed policy, each permission granted by the stack`,
    });
    super(scope, id, {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role,
      logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      bundling: checkInBundling(),
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    this.timeoutDuration = props.timeout;
    this.functionLogs = logGroup;
    logGroup.grantWrite(role);

    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-L1',
        reason:
          'nodejs22.x is the runtime this project builds for and tests against (esbuild target node22); move runtime and target together.',
      },
      {
        id: 'HIPAA.Security-LambdaConcurrency',
        reason:
          'Reserving concurrency fails on new accounts (10 unreserved minimum); SMS is capped by the API stage throttle, Alexa by the skill-id-scoped trigger, and the reminder tick by its 5-minute schedule (overlapping ticks are safe: each text is claimed before it is sent).',
      },
      ...(props.deadLetterQueue
        ? []
        : [
            {
              id: 'HIPAA.Security-LambdaDLQ',
              reason:
                'Invoked synchronously only (Alexa and API Gateway); a dead-letter queue applies to asynchronous invocations and would never receive anything.',
            },
          ]),
      {
        id: 'HIPAA.Security-LambdaInsideVPC',
        reason:
          'Reaches only DynamoDB and Secrets Manager over TLS with IAM; a VPC would need NAT or interface endpoints, a fixed monthly cost for no reduction in exposure.',
      },
    );
    Validations.of(role).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "The inline policy belongs to this one function's role and lives and dies with it; a customer-managed policy would have no second user.",
    });
  }

  /**
   * Grants the item operations the store uses (and use of the table's key) and
   * sets TABLE_NAME, together. No Scan, no table management, no streams.
   */
  bindTable(table: ITable): this {
    // The table itself, not `index/*`: only the reminder tick reads an index (bindDueIndex).
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...TABLE_ITEM_ACTIONS], resources: [table.tableArn] }),
    );
    table.encryptionKey?.grant(this, ...TABLE_KEY_ACTIONS);
    this.addEnvironment(TABLE_NAME, table.tableName);
    return this;
  }

  /**
   * Reads only (GetItem, BatchGetItem, Query; Decrypt on the table's key) and TABLE_NAME: the
   * share and export pages read a person's items and never write one.
   */
  bindTableReadOnly(table: ITable): this {
    this.addToRolePolicy(
      new PolicyStatement({ actions: [...TABLE_READ_ACTIONS], resources: [table.tableArn] }),
    );
    table.encryptionKey?.grant(this, 'kms:Decrypt', 'kms:DescribeKey');
    this.addEnvironment(TABLE_NAME, table.tableName);
    return this;
  }

  /** Query on one named index of the table (the reminder tick's due index), nothing else. */
  bindIndex(table: ITable, indexName: string): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${indexName}`],
      }),
    );
    return this;
  }

  /** Grants read of one secret and passes its ARN (never its value) in `envName`. */
  bindSecret(envName: string, secret: ISecret): this {
    secret.grantRead(this);
    this.addEnvironment(envName, secret.secretArn);
    return this;
  }

  /** Alarms on errors, throttles and p99 duration at 80 % of the timeout, sent to `topic`. */
  addAlarms(topic: ITopic): Alarm[] {
    const period = Duration.minutes(5);
    const action = new SnsAction(topic);
    const id = this.node.id;
    const alarms = [
      new Alarm(this, 'ErrorsAlarm', {
        alarmDescription: `${id}: invocations are failing`,
        metric: this.metricErrors({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'ThrottlesAlarm', {
        alarmDescription: `${id}: invocations are being throttled`,
        metric: this.metricThrottles({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'DurationAlarm', {
        alarmDescription: `${id}: slow replies, close to the ${this.timeoutDuration.toSeconds()} s timeout`,
        metric: this.metricDuration({ period, statistic: 'p99' }),
        threshold: this.timeoutDuration.toMilliseconds() * 0.8,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(action);
    return alarms;
  }
}
