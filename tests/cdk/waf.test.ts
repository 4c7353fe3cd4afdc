/**
 * `-c waf=true`: CloudFront with a CLOUDFRONT-scope web ACL in front of the webhook, and
 * Twilio's signature checked against the distribution's URL.
 */
import { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { CheckInStack } from '../../cdk/check-in-stack.ts';
import { PER_IP_REQUESTS_PER_5_MINUTES } from '../../cdk/webhook-edge.ts';
import { ConfigError } from '../../src/config/env.ts';
import { cdkJsonContext, type Synthesized, synthCheckIn, TEST_SKILL_ID } from './synth.ts';

let synth: Synthesized;
beforeAll(() => {
  synth = synthCheckIn({ bundle: false, waf: true });
});

const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
  synth.stack.getLogicalId(construct.node.defaultChild as never);

describe('the webhook behind WAF', () => {
  it('rate-limits each IP with a CloudFront web ACL on the distribution', () => {
    const edge = synth.stack.edge;
    expect(edge).toBeDefined();

    synth.template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      Rules: [
        {
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: { Limit: PER_IP_REQUESTS_PER_5_MINUTES, AggregateKeyType: 'IP' },
          },
        },
      ],
    });
    synth.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        WebACLId: { 'Fn::GetAtt': [synth.stack.getLogicalId(edge?.webAcl as never), 'Arn'] },
      },
    });
  });

  it('checks signatures against the URL Twilio calls: the distribution, and says so in the outputs', () => {
    const distributionId = logicalId(synth.stack.edge?.distribution as never);
    const domain = { 'Fn::GetAtt': [distributionId, 'DomainName'] };
    const env = (
      synth.template.toJSON().Resources[logicalId(synth.stack.smsFunction)].Properties.Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;

    expect(env.PUBLIC_URL).toEqual({ 'Fn::Join': ['', ['https://', domain]] });
    synth.template.hasOutput('SmsWebhookUrl', { Value: { 'Fn::Join': ['', ['https://', domain, '/sms']] } });
    synth.template.hasOutput('SmsFallbackUrl', {
      Value: { 'Fn::Join': ['', ['https://', domain, '/sms/fallback']] },
    });
  });

  it('forwards the signature and the body uncached to the API', () => {
    synth.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultCacheBehavior: {
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          // Managed policies: CachingDisabled, AllViewerExceptHostHeader.
          CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
          OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          ViewerProtocolPolicy: 'https-only',
        },
      },
    });
  });

  it('passes cdk-nag with each decision acknowledged', () => {
    for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks()]) {
      const violations = pack
        .validateScope(synth.app)
        .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`));
      expect(violations).toEqual([]);
    }
  });

  it('refuses a stack outside us-east-1, where no CloudFront web ACL can be made', () => {
    const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });

    expect(
      () =>
        new CheckInStack(app, 'Elsewhere', {
          alexaSkillId: TEST_SKILL_ID,
          waf: true,
          env: { region: 'eu-west-1' },
        }),
    ).toThrow(ConfigError);
  });

  it('is off by default: no distribution, no web ACL', () => {
    const plain = synthCheckIn({ bundle: false });

    expect(plain.stack.edge).toBeUndefined();
    expect(JSON.stringify(plain.template.toJSON())).not.toMatch(/AWS::WAFv2|AWS::CloudFront/);
  });
});
