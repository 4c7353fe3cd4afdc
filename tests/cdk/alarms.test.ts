/**
 * The alarms on what the code handles, read from the synthesized template: each counted
 * event has a metric filter on the right log groups with no dimension, and an alarm to the
 * topic; the patterns match the lines the code really writes.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOGGED_EVENT_ALARMS, METRIC_NAMESPACE } from '../../cdk/log-alarms.ts';
import { createLogger } from '../../src/observability/log.ts';
import { type Synthesized, synthCheckIn } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

let synth: Synthesized;
let quiet: Synthesized;
beforeAll(() => {
  synth = synthCheckIn({ bundle: false });
  quiet = synthCheckIn({ bundle: false, smsQuietDayAlarm: true });
});

function ofType(s: Synthesized, type: string): Resource[] {
  return Object.values(s.template.toJSON().Resources as Record<string, Resource>).filter(
    (r) => r.Type === type,
  );
}

function filtersFor(s: Synthesized, metricName: string): Resource[] {
  return ofType(s, 'AWS::Logs::MetricFilter').filter((f) =>
    JSON.stringify(f.Properties.MetricTransformations).includes(`"MetricName":"${metricName}"`),
  );
}

/** A log line exactly as the functions write it (src/observability/log.ts). */
function logLine(fields: Parameters<ReturnType<typeof createLogger>['info']>[0]): Record<string, unknown> {
  let line = '';
  createLogger((l) => {
    line = l;
  }).warn(fields);
  return JSON.parse(line) as Record<string, unknown>;
}

/** Evaluates the simple `{ $.a = "x" && $.b = 1 }` patterns this stack writes. */
function matches(pattern: string, line: Record<string, unknown>): boolean {
  const terms = pattern.replace(/^\{\s*|\s*\}$/g, '').split(/\s*&&\s*/);
  return terms.every((term) => {
    const m = /^\(?\$\.(\w+)\s*=\s*("?)([^"()]*)\2\)?$/.exec(term.trim());
    if (!m) throw new Error(`unexpected pattern term ${term}`);
    const [, field = '', quoted, value] = m;
    return quoted ? line[field] === value : line[field] === Number(value);
  });
}

describe('alarms on logged events', () => {
  it.each(LOGGED_EVENT_ALARMS.map((spec) => [spec.metricName, spec] as const))(
    '%s: counted from each log group that writes it, without a dimension, and alarmed to the topic',
    (metricName, spec) => {
      const filters = filtersFor(synth, metricName);

      expect(filters).toHaveLength(spec.sources.length);
      for (const filter of filters) {
        expect(filter.Properties.MetricTransformations).toEqual([
          { MetricNamespace: METRIC_NAMESPACE, MetricName: metricName, MetricValue: '1' },
        ]);
      }
      synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: METRIC_NAMESPACE,
        MetricName: metricName,
        Dimensions: Match.absent(),
        Threshold: spec.threshold,
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      });
    },
  );

  it('match the lines the code writes, and not their neighbours', () => {
    const pattern = (name: string) => filtersFor(synth, name)[0]?.Properties.FilterPattern as string;

    expect(matches(pattern('SmsRefusedForged'), logLine({ event: 'sms-refused', status: 403 }))).toBe(true);
    expect(matches(pattern('SmsRefusedForged'), logLine({ event: 'sms-refused', status: 400 }))).toBe(false);
    expect(matches(pattern('SmsRefusedUnsigned'), logLine({ event: 'sms-refused', status: 400 }))).toBe(true);
    expect(matches(pattern('SaveFailed'), logLine({ event: 'save-failed', channel: 'sms' }))).toBe(true);
    expect(matches(pattern('SaveFailed'), logLine({ event: 'store-failed', channel: 'sms' }))).toBe(false);
    expect(matches(pattern('CrisisReplies'), logLine({ event: 'crisis-reply', channel: 'alexa' }))).toBe(
      true,
    );
  });

  it('leave the quiet-day alarm off unless asked for, and then breach on a day with no line', () => {
    const quietAlarm = (s: Synthesized) =>
      ofType(s, 'AWS::CloudWatch::Alarm').filter((a) => a.Properties.MetricName === 'SmsAnswered');

    expect(quietAlarm(synth)).toEqual([]);
    expect(filtersFor(synth, 'SmsAnswered')).toHaveLength(1);
    expect(quietAlarm(quiet).map((a) => a.Properties)).toEqual([
      expect.objectContaining({
        Namespace: METRIC_NAMESPACE,
        Period: 86_400,
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      }),
    ]);
  });
});

describe('alarms on the HTTP API and the fallback URL', () => {
  it('watch 4xx and 5xx of the API and any use of the fallback URL', () => {
    const apiId = synth.stack.getLogicalId(synth.stack.api.node.defaultChild as never);
    const fallbackId = synth.stack.getLogicalId(synth.stack.smsFallbackFunction.node.defaultChild as never);

    for (const metric of ['4xx', '5xx']) {
      synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/ApiGateway',
        MetricName: metric,
        Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
        AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmTopic') }],
      });
    }
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: fallbackId } }],
      Threshold: 1,
    });
  });
});
