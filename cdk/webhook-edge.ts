/**
 * `-c waf=true`: the SMS webhook behind CloudFront with an AWS WAF per-IP rate rule.
 *
 * Why not WAF on the API itself: AWS WAF associates with REST API stages, ALBs, AppSync,
 * Cognito, App Runner and Verified Access, but not with an API Gateway HTTP API. CloudFront
 * takes a web ACL of scope CLOUDFRONT, which must be created in us-east-1; so with this
 * option the stack is pinned to us-east-1 (cdk/app.ts), and synth refuses another region.
 *
 * Twilio then calls https://<distribution>/sms and signs that URL, so the SMS function's
 * PUBLIC_URL becomes the distribution's URL (check-in-stack.ts). CloudFront forwards every
 * viewer header except Host (API Gateway needs its own), the body and the method, and caches
 * nothing.
 *
 * What it does not close: the execute-api URL stays reachable, and junk sent there still
 * shares the stage throttle (it fails the signature check, because Twilio's URL is the
 * distribution's). Closing it needs a custom domain with the default endpoint disabled.
 * A per-IP rule also does not stop junk spread over many addresses; the throttle stays the
 * cost cap.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

/**
 * Requests one IP may send in 5 minutes before WAF blocks it: 1 a second on average.
 * Twilio's webhooks come from a shared pool of its addresses, and a clinic's patients send a
 * few texts an hour, so only a flood from one address comes near it.
 */
export const PER_IP_REQUESTS_PER_5_MINUTES = 300;

/** The region a CLOUDFRONT-scope web ACL must be created in. */
export const WAF_REGION = 'us-east-1';

export interface WebhookEdgeProps {
  /** The HTTP API's id: the origin is `<id>.execute-api.<region>.amazonaws.com`. */
  readonly apiId: string;
}

export class WebhookEdge extends Construct {
  readonly distribution: Distribution;
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: WebhookEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      description: 'my check in: per-IP rate limit in front of the Twilio webhook',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      // Counts only; no sampled requests: they would keep callers' IPs and headers.
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: 'MyCheckInWebhookAcl',
        sampledRequestsEnabled: false,
      },
      rules: [
        {
          name: 'PerIpRate',
          priority: 0,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: PER_IP_REQUESTS_PER_5_MINUTES,
              aggregateKeyType: 'IP',
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'MyCheckInWebhookPerIpRate',
            sampledRequestsEnabled: false,
          },
        },
      ],
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'my check in: Twilio webhook (no caching)',
      webAclId: this.webAcl.attrArn,
      // North America and Europe edges: where Twilio's webhooks leave from, and the cheapest.
      priceClass: PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: new HttpOrigin(`${props.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    });

    // cdk-nag findings that are decisions; each says why.
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          "The only caller is Twilio's infrastructure, not the patient; a geo restriction would only risk blocking Twilio's own addresses.",
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          "CloudFront standard logs keep every caller's IP in an S3 bucket; the API's access log already records each request without IPs or bodies, and the web ACL's metrics count blocks.",
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The default *.cloudfront.net certificate fixes the viewer policy; TLSv1.2_2021 needs a custom domain and certificate. Twilio connects with TLS 1.2 or newer.',
      },
    );
    Validations.of(this.webAcl).acknowledge({
      id: 'HIPAA.Security-WAFv2LoggingEnabled',
      reason:
        "WAF logs keep callers' IPs and every header (the Twilio signature included); the web ACL's CloudWatch metrics count allowed and blocked requests, which is what the operator acts on.",
    });
  }
}
