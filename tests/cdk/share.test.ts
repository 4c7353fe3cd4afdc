/**
 * Issue 15 on AWS, as synthesized: the SHARE and EXPORT pages are GET routes on the same HTTP
 * API as the webhook, served by a function that may only read the table (no secret, no contact
 * key), and the access log keeps each route's template, never a token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthCheckIn } from './synth.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
type Statement = { Action: string | string[]; Resource: unknown };

let synth: Synthesized;
let resources: Record<string, Resource>;

beforeAll(() => {
  synth = synthCheckIn({ bundle: false });
  resources = synth.template.toJSON().Resources as Record<string, Resource>;
});

const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);

describe('the share pages on AWS', () => {
  it('answer GET /share/{token} and /export/{token}[/{file}], all through the share function', () => {
    const routes = ofType('AWS::ApiGatewayV2::Route').map((r) => String(r.Properties.RouteKey));
    expect(routes).toEqual(
      expect.arrayContaining(['GET /share/{token}', 'GET /export/{token}', 'GET /export/{token}/{file}']),
    );
    const shareFn = synth.stack.getLogicalId(synth.stack.shareFunction.node.defaultChild as never);
    const integrations = ofType('AWS::ApiGatewayV2::Integration').filter((r) =>
      JSON.stringify(r.Properties.IntegrationUri).includes(shareFn),
    );
    expect(integrations).toHaveLength(1);
  });

  it('may only read the table: no write, no secret, no contact key', () => {
    const shareFn = resources[
      synth.stack.getLogicalId(synth.stack.shareFunction.node.defaultChild as never)
    ] as Resource;
    const env = (shareFn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(env).sort()).toEqual(['NODE_OPTIONS', 'TABLE_NAME'].filter((k) => k in env).sort());
    const statements = ofType('AWS::IAM::Policy')
      .filter((p) => JSON.stringify(p.Properties.Roles).includes('ShareFunctionRole'))
      .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query']),
    );
    expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]);
    expect(actions.filter((a) => /secretsmanager|kms:Encrypt|lambda:Invoke/.test(a))).toEqual([]);
    const contactKey = synth.stack.getLogicalId(synth.stack.contactKey.node.defaultChild as never);
    expect(JSON.stringify(statements)).not.toContain(contactKey);
  });

  it('log the route template, never the path that holds the token', () => {
    const stage = ofType('AWS::ApiGatewayV2::Stage')[0] as Resource;
    const format = String((stage.Properties.AccessLogSettings as { Format: string }).Format);
    expect(format).toContain('$context.routeKey');
    expect(format).not.toContain('$context.path');
  });
});
