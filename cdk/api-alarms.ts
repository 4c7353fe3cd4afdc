/**
 * Alarms on the webhook's HTTP API and on Twilio reaching the fallback URL: what a texter
 * meets before, or instead of, the SMS function's own code.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';

const FIVE_MINUTES = Duration.minutes(5);

/** 4xx and 5xx of the whole API (every route, the $default stage). */
export function addApiAlarms(scope: Construct, api: HttpApi, topic: ITopic): Alarm[] {
  const alarms = [
    new Alarm(scope, 'SmsApi4xxAlarm', {
      // The function's own 400/403 have their alarms (SmsRefused*); what this adds is 429,
      // the stage throttle refusing texts, crisis texts included. 10 in 5 minutes is more
      // than the odd scanner and less than a throttled minute of real traffic.
      alarmDescription:
        'The SMS API answered many 4xx (429 throttled, 400/403 refused). First: the access log status column; 429 means real texts were turned away.',
      metric: api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 10,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
    new Alarm(scope, 'SmsApi5xxAlarm', {
      // Each 5xx is a text Twilio got no reply for (500 webhook not configured, 502/503/504
      // the function failed or timed out): Twilio then tries the fallback URL.
      alarmDescription:
        'The SMS API answered 5xx: texts got no reply from the webhook. First: the access log integrationError, the SMS function errors and secret-unavailable lines.',
      metric: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }),
  ];
  for (const alarm of alarms) alarm.addAlarmAction(new SnsAction(topic));
  return alarms;
}

/**
 * Twilio calls the fallback URL only when the webhook failed it, so any invocation means a
 * person got the fixed fallback text instead of their check-in. The fallback function
 * itself has nothing to fail on (fixed TwiML), so it gets this alarm rather than the
 * per-function error/throttle/duration set.
 */
export function addFallbackUsedAlarm(scope: Construct, fallback: IFunction, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, 'SmsFallbackUrlUsedAlarm', {
    alarmDescription:
      "Twilio used the fallback URL: the webhook failed a text. First: the SmsApi5xx alarm, Twilio's console (Monitor, Errors, 11200).",
    metric: fallback.metricInvocations({ period: FIVE_MINUTES, statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}
