/**
 * Alarms on what the code handles. Lambda's Errors metric stays 0 for every failure the
 * functions answer for themselves (a 403 to a wrong Twilio token, a kind reply when a secret
 * or the table fails), so the functions' JSON log lines (src/observability/log.ts) are
 * counted instead: one metric filter per event and log group, one metric per event in the
 * `MyCheckIn` namespace with NO dimension (no user, no request id: the count is all an
 * operator needs, and a dimension per id would be a metric per person), one alarm each.
 *
 * The event names are a contract with src/ (docs/operations.md lists them); renaming one
 * there silently stops its alarm, so tests/cdk/log-alarms.test.ts checks the patterns.
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { FilterPattern, type ILogGroup, type JsonPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** Where the counted lines come from. */
export type LogSource = 'sms' | 'alexa' | 'reminders';

/** One logged event, counted and alarmed. */
export interface LoggedEventAlarm {
  /** Metric name, and the alarm's construct id. */
  readonly metricName: string;
  /** The `event` field of the log line. */
  readonly event: string;
  /** Only lines with this `status`. */
  readonly status?: number;
  /** Which functions log it. */
  readonly sources: readonly LogSource[];
  /** Alarm when the sum over `periodMinutes` reaches this. Undefined: counted, no alarm. */
  readonly threshold?: number;
  readonly periodMinutes: number;
  /** What the alarm means and what to do first (the alarm's description). */
  readonly description: string;
}

/** The metrics' namespace. */
export const METRIC_NAMESPACE = 'MyCheckIn';

/**
 * Every counted event. Traffic is a trickle (a clinic's patients, a few texts an hour), so
 * most alarms fire on the first occurrence in 5 minutes: each one is a person who met a
 * failure. Thresholds above 1 say why.
 */
export const LOGGED_EVENT_ALARMS: readonly LoggedEventAlarm[] = [
  {
    // A reminder whose send failed after it was claimed: that person gets no text today
    // (never two). Usually the Twilio settings: the sender secret, the Messaging Service, A2P.
    metricName: 'ReminderFailed',
    event: 'reminder-failed',
    sources: ['reminders'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'A reminder text could not be sent (it is not retried that day). First: the error name in the reminders log; MyCheckIn/twilio-sender holds accountSid and messagingServiceSid; the Messaging Service is A2P-registered.',
  },
  {
    // A signature that does not match: Twilio with the placeholder or an old token, or a
    // webhook URL other than the one the function checks. Junk rarely signs at all (that
    // is the 400 below), so the first 403 is worth a look.
    metricName: 'SmsRefusedForged',
    event: 'sms-refused',
    status: 403,
    sources: ['sms'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'SMS webhook refused a bad Twilio signature (403). First: is the real token in MyCheckIn/twilio-auth-token, and does the number call exactly SmsWebhookUrl?',
  },
  {
    // No X-Twilio-Signature: scanners and bots. Counted always; alarmed only at a flood
    // (about one every 6 s for 5 minutes) that starts to eat the stage throttle.
    metricName: 'SmsRefusedUnsigned',
    event: 'sms-refused',
    status: 400,
    sources: ['sms'],
    threshold: 50,
    periodMinutes: 5,
    description:
      'Many unsigned requests at the SMS webhook (400): junk traffic that shares the throttle with real texts. First: the API access log; consider -c waf=true.',
  },
  {
    // A secret that cannot be read fails every request that needs it, until fixed. The SMS
    // function logs it today (the Alexa one reports its pepper as alexa-error); the Alexa
    // filter costs nothing and counts it the day that function logs it too.
    metricName: 'SecretUnavailable',
    event: 'secret-unavailable',
    sources: ['sms', 'alexa'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'A function could not read a secret (step names which). First: its role, the KMS key policy, Secrets Manager health.',
  },
  {
    // One store call past its share of the turn's budget. A turn makes a few calls, so 3 in
    // 5 minutes is more than one unlucky turn: the table is slow.
    metricName: 'StoreTimeout',
    event: 'store-timeout',
    sources: ['sms', 'alexa'],
    threshold: 3,
    periodMinutes: 5,
    description:
      'DynamoDB calls are timing out inside turns. First: the table metrics (latency, throttles) and the AWS Health dashboard.',
  },
  {
    // A store call that failed after the SDK's own retries; 3 for the same reason as above.
    metricName: 'StoreFailed',
    event: 'store-failed',
    sources: ['sms', 'alexa'],
    threshold: 3,
    periodMinutes: 5,
    description:
      'DynamoDB calls are failing inside turns (error names the class). First: permissions and the KMS key, then the table and AWS Health.',
  },
  {
    // Someone was told "I couldn't save that just now": their words are not in the journal.
    metricName: 'SaveFailed',
    event: 'save-failed',
    sources: ['sms', 'alexa'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'A turn could not be saved and the person was told so. First: the StoreTimeout/StoreFailed alarms and the table.',
  },
  {
    // The kind "something went wrong" text (with the crisis line) instead of a reply.
    metricName: 'SmsFallback',
    event: 'sms-fallback',
    sources: ['sms'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'A text got the kind fallback reply instead of an answer (error names why). First: the sms-fallback log lines.',
  },
  {
    // Alexa said "something went wrong"; the crisis reply still went out if it was crisis.
    metricName: 'AlexaError',
    event: 'alexa-error',
    sources: ['alexa'],
    threshold: 1,
    periodMinutes: 5,
    description:
      'The skill answered with its error reply (error names why). First: the alexa-error log lines; PepperTimeoutError is a slow cold secret read.',
  },
  {
    // Counted for the figures (a crisis reply is already the right answer; the count has no
    // user in it). The alarm is cheap (USD 0.10 a month) and catches what no per-reply
    // signal can: a gate change that suddenly answers everyday texts with crisis lines, or
    // a flood. 10 in an hour is far above what a small service sees.
    metricName: 'CrisisReplies',
    event: 'crisis-reply',
    sources: ['sms', 'alexa'],
    threshold: 10,
    periodMinutes: 60,
    description:
      'Many crisis replies in an hour. Not a person to follow up (they got the resources, and no one is named): check for a crisis-gate regression after a deploy, or a flood.',
  },
];

/**
 * Signed texts answered: every `sms-webhook` line with status 200. The quiet-day alarm
 * ({@link LogEventAlarmsProps.quietDayAlarm}) reads it.
 */
export const SMS_ANSWERED: LoggedEventAlarm = {
  metricName: 'SmsAnswered',
  event: 'sms-webhook',
  status: 200,
  sources: ['sms'],
  periodMinutes: 24 * 60,
  description: 'Signed SMS webhook requests answered 200.',
};

/** The CloudWatch Logs pattern for an event's lines. */
export function eventPattern(spec: Pick<LoggedEventAlarm, 'event' | 'status'>): JsonPattern {
  const event = FilterPattern.stringValue('$.event', '=', spec.event);
  return spec.status === undefined
    ? event
    : FilterPattern.all(event, FilterPattern.numberValue('$.status', '=', spec.status));
}

export interface LogEventAlarmsProps {
  readonly logGroups: Readonly<Record<LogSource, ILogGroup>>;
  readonly topic: ITopic;
  /**
   * Alarm when no signed text was answered in a day (missing data breaches). Off by
   * default: a new or quiet deployment would alarm every day. Turn it on
   * (`-c smsQuietDayAlarm=true`) once real people text every day: then a silent day means
   * Twilio no longer reaches the webhook (number re-pointed, token rotated, account
   * suspended), which no other alarm sees.
   */
  readonly quietDayAlarm?: boolean;
}

/** The metric filters and alarms above, on the functions' log groups. */
export class LogEventAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  readonly metrics = new Map<string, Metric>();

  constructor(scope: Construct, id: string, props: LogEventAlarmsProps) {
    super(scope, id);
    const action = new SnsAction(props.topic);
    for (const spec of [...LOGGED_EVENT_ALARMS, SMS_ANSWERED]) {
      const metric = this.count(spec, props.logGroups);
      if (spec.threshold === undefined) continue;
      this.add(
        new Alarm(this, `${spec.metricName}Alarm`, {
          alarmDescription: spec.description,
          metric,
          threshold: spec.threshold,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          // No line, no failure: most of these events are rare by design.
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        action,
      );
    }
    if (props.quietDayAlarm) {
      this.add(
        new Alarm(this, 'SmsQuietDayAlarm', {
          alarmDescription:
            'No signed text was answered in a day. First: the number still points at SmsWebhookUrl, the token secret is current (SmsRefusedForged), the Twilio account is active.',
          metric: this.metrics.get(SMS_ANSWERED.metricName) as Metric,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
          // A day without a single line is exactly the silence this alarm is for.
          treatMissingData: TreatMissingData.BREACHING,
        }),
        action,
      );
    }
  }

  private count(spec: LoggedEventAlarm, logGroups: Readonly<Record<LogSource, ILogGroup>>): Metric {
    let metric: Metric | undefined;
    for (const source of spec.sources) {
      // Same namespace and name from each log group: CloudWatch adds them into one metric.
      const suffix = source === 'sms' ? 'Sms' : source === 'alexa' ? 'Alexa' : 'Reminders';
      const filter = new MetricFilter(this, `${spec.metricName}${suffix}Filter`, {
        logGroup: logGroups[source],
        filterPattern: eventPattern(spec),
        metricNamespace: METRIC_NAMESPACE,
        metricName: spec.metricName,
        metricValue: '1',
      });
      metric ??= filter.metric({ statistic: 'Sum', period: Duration.minutes(spec.periodMinutes) });
    }
    if (!metric) throw new Error(`${spec.metricName} counts no log group`);
    this.metrics.set(spec.metricName, metric);
    return metric;
  }

  private add(alarm: Alarm, action: SnsAction): void {
    alarm.addAlarmAction(action);
    this.alarms.push(alarm);
  }
}
