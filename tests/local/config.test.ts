import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadLocalConfig } from '../../src/local/config.ts';

describe('loadLocalConfig', () => {
  it('works with zero configuration', () => {
    // Act
    const config = loadLocalConfig({});

    // Assess
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('.data'),
      tableName: 'my-check-in',
      region: 'us-east-1',
      publicUrl: 'http://localhost:3000',
    });
  });

  it('points at a real DynamoDB when told to', () => {
    // Act
    const config = loadLocalConfig({
      PORT: '8080',
      DYNAMODB_ENDPOINT: 'http://localhost:8000',
      TABLE_NAME: 'check-in-dev',
      AWS_REGION: 'eu-west-1',
      ID_PEPPER: 'secret',
      PUBLIC_URL: 'https://example.ngrok.app/',
    });

    // Assess
    expect(config).toMatchObject({
      port: 8080,
      dynamoEndpoint: 'http://localhost:8000',
      tableName: 'check-in-dev',
      region: 'eu-west-1',
      idPepper: 'secret',
      publicUrl: 'https://example.ngrok.app',
    });
  });

  it('refuses a port that is not a number, naming the setting but not the value', () => {
    // Act
    const load = () => loadLocalConfig({ PORT: 'three thousand' });

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PORT/);
    expect(load).not.toThrow(/three thousand/);
  });

  it('listens where HOST says, taking an IPv6 address as written in a URL', () => {
    // Act
    const everywhere = loadLocalConfig({ HOST: '0.0.0.0' });
    const ipv6 = loadLocalConfig({ HOST: '[::1]' });

    // Assess
    expect(everywhere.host).toBe('0.0.0.0');
    expect(ipv6.host).toBe('::1');
  });

  it('refuses a HOST that is not a host name or address, naming the setting but not the value', () => {
    // Act
    const load = () => loadLocalConfig({ HOST: 'http://my laptop/' });

    // Assess
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/HOST/);
    expect(load).not.toThrow(/my laptop/);
  });
});
