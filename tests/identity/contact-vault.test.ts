/**
 * The sealed phone number of someone who asked to be texted first: it opens only for the
 * person it was sealed for, a stored value never shows the number, and on AWS the KMS call
 * carries the user id as its encryption context (the key policy's condition). KMS itself
 * has no local emulator, so its client is checked with aws-sdk-client-mock.
 */
import { randomBytes } from 'node:crypto';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ContactSealError,
  createKmsContactVault,
  createLocalContactVault,
} from '../../src/identity/contact-vault.ts';
import { createKmsClient } from '../../src/identity/kms-client.ts';

const PHONE = '+14155550123';

describe('the local contact vault', () => {
  const vault = createLocalContactVault(randomBytes(32).toString('hex'));

  it('seals a number so the stored value never shows it, and opens it for the same person', async () => {
    const sealed = await vault.seal('user-a', PHONE);
    expect(sealed).not.toContain('4155550123');
    expect(sealed).toMatch(/^v1\.local\./);
    expect(await vault.open('user-a', sealed)).toBe(PHONE);
  });

  it('never opens a sealed number for another person, or with another key', async () => {
    const sealed = await vault.seal('user-a', PHONE);
    await expect(vault.open('user-b', sealed)).rejects.toBeInstanceOf(ContactSealError);
    const other = createLocalContactVault(randomBytes(32).toString('hex'));
    await expect(other.open('user-a', sealed)).rejects.toBeInstanceOf(ContactSealError);
  });

  it('seals the same number differently each time (a fresh nonce)', async () => {
    expect(await vault.seal('user-a', PHONE)).not.toBe(await vault.seal('user-a', PHONE));
  });
});

describe('the KMS contact vault', () => {
  const kms = mockClient(KMSClient);
  afterEach(() => kms.reset());

  it('encrypts and decrypts with the user id as encryption context', async () => {
    kms.on(EncryptCommand).resolves({ CiphertextBlob: new Uint8Array([1, 2, 3]) });
    kms.on(DecryptCommand).resolves({ Plaintext: new TextEncoder().encode(PHONE) });
    const vault = createKmsContactVault(createKmsClient({ region: 'us-east-1' }), 'alias/contacts');

    const sealed = await vault.seal('user-a', PHONE);
    expect(sealed).toBe(`v1.kms.${Buffer.from([1, 2, 3]).toString('base64')}`);
    expect(await vault.open('user-a', sealed)).toBe(PHONE);

    const encrypt = kms.commandCalls(EncryptCommand)[0]?.args[0].input;
    expect(encrypt?.KeyId).toBe('alias/contacts');
    expect(encrypt?.EncryptionContext).toEqual({ userId: 'user-a' });
    expect(kms.commandCalls(DecryptCommand)[0]?.args[0].input.EncryptionContext).toEqual({
      userId: 'user-a',
    });
  });

  it('refuses a value the local vault made, and passes on a refusal from KMS', async () => {
    const vault = createKmsContactVault(createKmsClient({ region: 'us-east-1' }), 'alias/contacts');
    await expect(vault.open('user-a', 'v1.local.AAAA')).rejects.toBeInstanceOf(ContactSealError);
    kms.on(DecryptCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(vault.open('user-a', 'v1.kms.AQID')).rejects.toThrow('denied');
  });
});
