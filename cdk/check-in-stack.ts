/**
 * Everything "my check in" needs on AWS, in one stack: the table, both
 * functions, the SMS webhook endpoint, the secrets, logs and alarms.
 *
 * Health-adjacent data lives here, so: one customer-managed key (rotated)
 * encrypts the table, the secrets, the logs and the alarm topic; nothing with
 * data is deleted with the stack; each function can read only what it uses.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Token, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ConfigError } from '../src/config/env.ts';
import {
  ALEXA_SKILL_ID,
  CONTACT_KEY_ID,
  ID_PEPPER_SECRET_ARN,
  PHONE_TEXT_FUNCTION_NAME,
  PUBLIC_URL,
  SMS_PATH,
  TWILIO_AUTH_TOKEN_SECRET_ARN,
  TWILIO_SENDER_SECRET_ARN,
} from '../src/config/lambda-env.ts';
import { EXPORT_PATH, SHARE_PATH } from '../src/share/links.ts';
import { TABLE } from '../src/store/table.ts';
import { addApiAlarms, addFallbackUsedAlarm } from './api-alarms.ts';
import { CheckInFunction, PROJECT_ROOT } from './check-in-function.ts';
import { LogEventAlarms } from './log-alarms.ts';
import { WAF_REGION, WebhookEdge } from './webhook-edge.ts';

/** Twilio's fallback URL ("Primary handler fails"), next to the webhook. */
export const SMS_FALLBACK_PATH = `${SMS_PATH}/fallback`;

/**
 * The webhook's stage throttle, a cost cap more than a capacity: a clinic's patients send a
 * few texts an hour and Twilio delivers one request per text, so 10 a second (36,000 an
 * hour) is hundreds of times the real peak, and a burst of 20 absorbs Twilio delivering a
 * backlog at once. At the cap the worst month is 10 x 2.6 M s = 26 M requests, about
 * USD 26 of API Gateway plus the functions' time: raising it raises that bill and does not
 * help against junk, which can always send more than any cap; the defence against junk is
 * `-c waf=true`.
 */
export const WEBHOOK_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

/**
 * The fallback route's own limit: a route setting of its own, so junk that uses up the
 * webhook's allowance does not use up this one, and the fallback still answers when the
 * webhook is throttled.
 */
export const FALLBACK_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

/** Properties of {@link CheckInStack}. */
export interface CheckInStackProps extends StackProps {
  /** The Alexa skill allowed to invoke the voice function (amzn1.ask.skill.…). */
  readonly alexaSkillId: string;
  /**
   * CloudFront with an AWS WAF per-IP rate rule in front of the webhook (cdk/webhook-edge.ts).
   * The stack must then be in us-east-1. @default false
   */
  readonly waf?: boolean;
  /** Alarm when no signed text is answered for a day (cdk/log-alarms.ts). @default false */
  readonly smsQuietDayAlarm?: boolean;
}

/** Secrets Manager names, `<stack name>/<what>`, shown as outputs for the operator. */
export function secretNames(stackName: string): {
  idPepper: string;
  twilioAuthToken: string;
  twilioSender: string;
} {
  return {
    idPepper: `${stackName}/id-pepper`,
    twilioAuthToken: `${stackName}/twilio-auth-token`,
    twilioSender: `${stackName}/twilio-sender`,
  };
}

/** How often the reminder tick runs: each text lands within 5 minutes of its due time. */
export const REMINDER_TICK_MINUTES = 5;

/** One stack: table, Alexa and SMS functions, HTTP endpoint, secrets, alarms. */
export class CheckInStack extends Stack {
  readonly table: Table;
  readonly alexaFunction: CheckInFunction;
  readonly smsFunction: CheckInFunction;
  readonly smsFallbackFunction: CheckInFunction;
  readonly remindersFunction: CheckInFunction;
  /** The SHARE / EXPORT pages: reads the table, nothing else. */
  readonly shareFunction: CheckInFunction;
  /** Seals reminder phone numbers: the SMS function may Encrypt, only the reminders function Decrypt. */
  readonly contactKey: Key;
  readonly api: HttpApi;
  /** CloudFront and the web ACL, with `waf`. */
  readonly edge: WebhookEdge | undefined;

  constructor(scope: Construct, id: string, props: CheckInStackProps) {
    super(scope, id, props);
    if (props.waf && (Token.isUnresolved(this.region) || this.region !== WAF_REGION)) {
      throw new ConfigError(
        `-c waf=true needs the stack in ${WAF_REGION}: a CloudFront web ACL can only be created there`,
      );
    }

    const key = new Key(this, 'DataKey', {
      description: 'my check in: encrypts the table, secrets, logs and alarm topic',
      enableKeyRotation: true,
      // The retained table and pepper are unreadable without it.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts log groups with the key, scoped to this account's log groups.
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*`,
          },
        },
      }),
    );
    // CloudWatch alarms publish to the encrypted topic.
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.table = new Table(this, 'Table', {
      // Key and TTL names come from the store adapter, so the two cannot drift.
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      timeToLiveAttribute: TABLE.ttlAttribute,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The sparse index of due reminders (src/store/table.ts): only profiles with an active
    // reminder carry its keys, so the tick reads who is due and nobody else.
    this.table.addGlobalSecondaryIndex({
      indexName: TABLE.dueIndex,
      partitionKey: { name: TABLE.dueShard, type: AttributeType.STRING },
      sortKey: { name: TABLE.dueAt, type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });

    this.contactKey = new Key(this, 'ContactKey', {
      description: 'my check in: seals the phone numbers of people who asked for reminders',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const names = secretNames(this.stackName);
    const pepper = new Secret(this, 'IdPepper', {
      secretName: names.idPepper,
      description: 'HMAC pepper for user ids. Never change it: every stored user id depends on it.',
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const twilioToken = new Secret(this, 'TwilioAuthToken', {
      secretName: names.twilioAuthToken,
      description: 'Twilio auth token for webhook signatures. Put the real one with put-secret-value.',
      encryptionKey: key,
      // A random placeholder, never a known string: until the operator puts the
      // real token every webhook fails its signature check instead of trusting
      // a value anyone could sign with.
      generateSecretString: { passwordLength: 32, excludePunctuation: true },
    });

    const twilioSender = new Secret(this, 'TwilioSender', {
      secretName: names.twilioSender,
      description:
        'Twilio settings for reminders: {"accountSid":"AC...","messagingServiceSid":"MG...","apiKeySid":"SK...","apiKeySecret":"..."} (without the API key, the auth token secret is used).',
      encryptionKey: key,
      // A placeholder without an account: until the operator puts the real settings, a due
      // reminder fails (alarmed) instead of sending from anywhere.
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ accountSid: '', messagingServiceSid: '' }),
        generateStringKey: 'placeholder',
        excludePunctuation: true,
      },
    });

    const topic = new Topic(this, 'AlarmTopic', {
      displayName: 'my check in alarms',
      masterKey: key,
      enforceSSL: true,
    });

    this.alexaFunction = new CheckInFunction(this, 'AlexaFunction', {
      entry: `${PROJECT_ROOT}lambda/alexa.ts`,
      description: 'my check in: Alexa skill endpoint',
      // Alexa waits 8 s for a response.
      timeout: Duration.seconds(8),
      logKey: key,
      environment: { [ALEXA_SKILL_ID]: props.alexaSkillId },
    })
      .bindTable(this.table)
      .bindSecret(ID_PEPPER_SECRET_ARN, pepper);
    this.alexaFunction.addPermission('AlexaSkillTrigger', {
      principal: new ServicePrincipal('alexa-appkit.amazon.com'),
      action: 'lambda:InvokeFunction',
      eventSourceToken: props.alexaSkillId,
    });

    this.api = new HttpApi(this, 'SmsApi', {
      description: 'my check in: Twilio messaging webhook',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'SmsApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      encryptionKey: key,
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // A texting companion needs a trickle; this caps cost (WEBHOOK_THROTTLE says why).
      throttle: WEBHOOK_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // No source IP, no body: request id, route, status and timing only.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTimeEpoch',
            route: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    this.edge = props.waf ? new WebhookEdge(this, 'WebhookEdge', { apiId: this.api.apiId }) : undefined;
    // The base URL Twilio calls: the distribution's with `waf`, else the API's own.
    const publicUrl = this.edge
      ? `https://${this.edge.distribution.distributionDomainName}`
      : this.api.apiEndpoint;

    this.smsFunction = new CheckInFunction(this, 'SmsFunction', {
      entry: `${PROJECT_ROOT}lambda/sms.ts`,
      description: 'my check in: Twilio SMS webhook',
      // Twilio waits 15 s; API Gateway up to 30 s. Reply well before either.
      timeout: Duration.seconds(10),
      logKey: key,
      // The exact base URL Twilio calls; signatures are checked against `${PUBLIC_URL}/sms`.
      environment: { [PUBLIC_URL]: publicUrl },
    })
      .bindTable(this.table)
      .bindSecret(ID_PEPPER_SECRET_ARN, pepper)
      .bindSecret(TWILIO_AUTH_TOKEN_SECRET_ARN, twilioToken);
    // Seals a number when someone asks for reminders: Encrypt only, with their user id as context.
    this.smsFunction.addEnvironment(CONTACT_KEY_ID, this.contactKey.keyArn);
    this.smsFunction.addToRolePolicy(contactKeyUse(this.contactKey.keyArn, 'kms:Encrypt'));
    const [smsRoute] = this.api.addRoutes({
      path: SMS_PATH,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('SmsIntegration', this.smsFunction),
    });

    // SHARE and EXPORT pages (src/share): reads only, no secret, no key but the table's. The
    // token is the only credential, so the access log keeps the route's template
    // ("GET /share/{token}"), never the path.
    this.shareFunction = new CheckInFunction(this, 'ShareFunction', {
      entry: `${PROJECT_ROOT}lambda/share.ts`,
      description: 'my check in: the private share and export pages (GET /share, /export)',
      timeout: Duration.seconds(10),
      logKey: key,
    }).bindTableReadOnly(this.table);
    const shareIntegration = new HttpLambdaIntegration('ShareIntegration', this.shareFunction);
    for (const path of [`${SHARE_PATH}/{token}`, `${EXPORT_PATH}/{token}`, `${EXPORT_PATH}/{token}/{file}`]) {
      for (const route of this.api.addRoutes({
        path,
        methods: [HttpMethod.GET],
        integration: shareIntegration,
      })) {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'The link is the credential, by design: it is texted to the person, who gives it to their therapist, who has no account. The token is 32 random bytes, kept only as a hash, for 24 hours, revoked by UNSHARE and DELETE; a wrong one is a 404 like any other, under the stage throttle.',
        });
      }
    }

    // Fixed TwiML for Twilio's "Primary handler fails": no secret, no table, nothing to bind.
    this.smsFallbackFunction = new CheckInFunction(this, 'SmsFallbackFunction', {
      entry: `${PROJECT_ROOT}lambda/sms-fallback.ts`,
      description: 'my check in: Twilio fallback URL (fixed TwiML with the crisis lines)',
      memorySize: 128,
      timeout: Duration.seconds(3),
      logKey: key,
    });
    const [fallbackRoute] = this.api.addRoutes({
      path: SMS_FALLBACK_PATH,
      methods: [HttpMethod.POST],
      integration: new HttpLambdaIntegration('SmsFallbackIntegration', this.smsFallbackFunction),
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = {
      [`POST ${SMS_FALLBACK_PATH}`]: {
        // A raw CloudFormation map, so CloudFormation's own (Pascal-case) names.
        ThrottlingRateLimit: FALLBACK_THROTTLE.rateLimit,
        ThrottlingBurstLimit: FALLBACK_THROTTLE.burstLimit,
      },
    };
    // A route setting names a route that must exist first.
    if (fallbackRoute) stage.node.addDependency(fallbackRoute);

    // Reminders: one tick every 5 minutes over the due index (docs/operations.md, "Reminders",
    // says why this over a schedule per person, with the cost at 10, 10,000 and 1,000,000).
    const tickFailures = new Queue(this, 'ReminderTickDeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.remindersFunction = new CheckInFunction(this, 'RemindersFunction', {
      entry: `${PROJECT_ROOT}lambda/reminders.ts`,
      description: 'my check in: reminder tick (texts people who asked, at their time)',
      // 200 texts 100 ms apart plus Twilio's answers, well inside the 5-minute tick.
      timeout: Duration.minutes(2),
      logKey: key,
      deadLetterQueue: tickFailures,
    })
      .bindTable(this.table)
      .bindIndex(this.table, TABLE.dueIndex)
      .bindSecret(TWILIO_SENDER_SECRET_ARN, twilioSender)
      .bindSecret(TWILIO_AUTH_TOKEN_SECRET_ARN, twilioToken);
    this.remindersFunction.addEnvironment(CONTACT_KEY_ID, this.contactKey.keyArn);
    this.remindersFunction.addToRolePolicy(contactKeyUse(this.contactKey.keyArn, 'kms:Decrypt'));
    // A person linked to a phone gets the crisis numbers (and their summary) by text from an
    // Echo: the Alexa function asks this one, by name, and never holds the number or the key
    // (src/service/phone-text-relay.ts). This function, not its versions: no wildcard.
    this.alexaFunction.addEnvironment(PHONE_TEXT_FUNCTION_NAME, this.remindersFunction.functionName);
    // "text me my summary" adds a page link under the same base URL as SHARE by text.
    this.alexaFunction.addEnvironment(PUBLIC_URL, publicUrl);
    this.alexaFunction.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.remindersFunction.functionArn],
      }),
    );
    // The schedule's own role may invoke this one function (no version wildcard) and put a
    // failed invocation on the dead-letter queue.
    const schedulerRole = new Role(this, 'ReminderTickRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: 'Lets the reminder schedule invoke the reminders function',
    });
    schedulerRole.addToPolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: [this.remindersFunction.functionArn],
      }),
    );
    // Spelled out instead of grantSendMessages, which would grant kms:GenerateDataKey*.
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [tickFailures.queueArn] }),
    );
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }),
    );
    new CfnSchedule(this, 'ReminderTick', {
      description: 'my check in: sends the reminders that are due',
      scheduleExpression: `rate(${REMINDER_TICK_MINUTES} minutes)`,
      flexibleTimeWindow: { mode: 'OFF' },
      target: {
        arn: this.remindersFunction.functionArn,
        roleArn: schedulerRole.roleArn,
        // A failed tick is not retried: the next one, 5 minutes on, does the same work, and
        // every text is claimed before it is sent.
        retryPolicy: { maximumRetryAttempts: 0 },
        deadLetterConfig: { arn: tickFailures.queueArn },
      },
    });
    Validations.of(schedulerRole).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "The inline policy belongs to the reminder schedule's own role (invoke one function, send to its dead-letter queue) and lives and dies with it.",
    });

    this.alexaFunction.addAlarms(topic);
    this.smsFunction.addAlarms(topic);
    this.shareFunction.addAlarms(topic);
    this.remindersFunction.addAlarms(topic);
    const deadLetterAlarm = new Alarm(this, 'ReminderTickDeadLettersAlarm', {
      alarmDescription:
        'A reminder tick could not be invoked or failed; see the reminders log and the queue.',
      metric: tickFailures.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    deadLetterAlarm.addAlarmAction(new SnsAction(topic));
    new LogEventAlarms(this, 'LoggedEventAlarms', {
      logGroups: {
        sms: this.smsFunction.functionLogs,
        alexa: this.alexaFunction.functionLogs,
        reminders: this.remindersFunction.functionLogs,
      },
      topic,
      quietDayAlarm: props.smsQuietDayAlarm ?? false,
    });
    addApiAlarms(this, this.api, topic);
    addFallbackUsedAlarm(this, this.smsFallbackFunction, topic);

    new CfnOutput(this, 'SmsWebhookUrl', {
      description: "Set as the Twilio number's messaging webhook, 'A message comes in' (HTTP POST)",
      value: `${publicUrl}${SMS_PATH}`,
    });
    new CfnOutput(this, 'SmsFallbackUrl', {
      description: "Set as the Twilio number's 'Primary handler fails' URL (HTTP POST)",
      value: `${publicUrl}${SMS_FALLBACK_PATH}`,
    });
    new CfnOutput(this, 'AlexaFunctionArn', {
      description: "Set as the skill's default endpoint",
      value: this.alexaFunction.functionArn,
    });
    new CfnOutput(this, 'TwilioAuthTokenSecretName', {
      description: 'Put the Twilio auth token here',
      value: names.twilioAuthToken,
    });
    new CfnOutput(this, 'TwilioSenderSecretName', {
      description: 'Put the Twilio settings for reminders here (accountSid, messagingServiceSid, API key)',
      value: names.twilioSender,
    });
    new CfnOutput(this, 'IdPepperSecretName', {
      description: 'Generated; never change it',
      value: names.idPepper,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      description: 'Subscribe an email address to hear about errors',
      value: topic.topicArn,
    });

    // cdk-nag findings that are decisions, not oversights; each says why.
    // Everything else must pass (tests/cdk/nag.test.ts).
    Validations.of(this.table).acknowledge({
      id: 'HIPAA.Security-DynamoDBInBackupPlan',
      reason:
        'Point-in-time recovery keeps 35 days of continuous backups; long-term AWS Backup copies would keep journals after a person asks for deletion.',
    });
    const noRotation = {
      pepper:
        'The pepper derives every stored user id; rotating it would orphan all data. It is generated once and never leaves Secrets Manager.',
      twilio:
        'Twilio issues auth tokens; rotation is done in the Twilio console (secondary token, then promote) and then put here, not by a Lambda.',
    };
    for (const [secret, reason] of [
      [pepper, noRotation.pepper],
      [twilioToken, noRotation.twilio],
      [twilioSender, noRotation.twilio],
    ] as const) {
      Validations.of(secret).acknowledge(
        { id: 'AwsSolutions-SMG4', reason },
        { id: 'HIPAA.Security-SecretsManagerRotationEnabled', reason },
      );
    }
    Validations.of(tickFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the reminder tick (its Lambda and its schedule); a queue for it would only move the same messages again.',
    });
    if (smsRoute) {
      Validations.of(smsRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Twilio cannot sign requests with IAM or a JWT; the function rejects any request whose X-Twilio-Signature is missing (400) or does not match the auth token (403).',
      });
    }
    if (fallbackRoute) {
      Validations.of(fallbackRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Twilio cannot use IAM or a JWT; the fallback answers every caller the same fixed TwiML (crisis lines), reads nothing and stores nothing, so there is nothing to protect.',
      });
    }
  }
}

/** Use of the contact key by one action, only with a user id as the encryption context. */
function contactKeyUse(keyArn: string, action: 'kms:Encrypt' | 'kms:Decrypt'): PolicyStatement {
  return new PolicyStatement({
    actions: [action],
    resources: [keyArn],
    conditions: {
      'ForAllValues:StringEquals': { 'kms:EncryptionContextKeys': ['userId'] },
      Null: { 'kms:EncryptionContext:userId': 'false' },
    },
  });
}
