import { describe, expect, it } from 'vitest';
import { ConfigError, optionalEnv, requireEnv } from '../../src/config/env.ts';

describe('requireEnv', () => {
  it('returns the value that is set', () => {
    expect(requireEnv('TABLE_NAME', { TABLE_NAME: 'checkins' })).toBe('checkins');
  });

  it('stops with a ConfigError naming the variable when it is missing or empty', () => {
    for (const env of [{}, { TABLE_NAME: '' }]) {
      expect(() => requireEnv('TABLE_NAME', env)).toThrow(ConfigError);
      expect(() => requireEnv('TABLE_NAME', env)).toThrow(/TABLE_NAME/);
    }
  });
});

describe('optionalEnv', () => {
  it('returns the value when set and undefined when unset or empty', () => {
    expect(optionalEnv('PORT', { PORT: '3000' })).toBe('3000');
    expect(optionalEnv('PORT', {})).toBeUndefined();
    expect(optionalEnv('PORT', { PORT: '' })).toBeUndefined();
  });
});

describe('ConfigError', () => {
  it('keeps the underlying cause and its own name', () => {
    const cause = new Error('AccessDenied');

    const error = new ConfigError('Could not read secret', { cause });

    expect(error.name).toBe('ConfigError');
    expect(error.cause).toBe(cause);
    expect(error).toBeInstanceOf(Error);
  });
});
