/**
 * The two KMS calls the contact vault makes (Encrypt, Decrypt), through the AWS SDK's
 * KMSClient with the encryption context the key policy requires (the user id).
 * The webhook's role may only Encrypt; only the reminders function may Decrypt (cdk/).
 */
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface KmsApi {
  encrypt(keyId: string, plaintext: Buffer, context: Record<string, string>): Promise<Buffer>;
  decrypt(ciphertext: Buffer, context: Record<string, string>): Promise<Buffer>;
}

export interface KmsClientOptions {
  region: string;
  /** Default: the SDK's endpoint for the region. */
  endpoint?: string;
  /** Per call: the webhook seals a number inside its reply budget. */
  timeoutMs?: number;
}

export function createKmsClient(options: KmsClientOptions): KmsApi {
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = new KMSClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    maxAttempts: 2,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: timeoutMs,
      requestTimeout: timeoutMs,
      throwOnRequestTimeout: true,
    }),
  });
  return {
    async encrypt(keyId, plaintext, context) {
      const out = await client.send(
        new EncryptCommand({ KeyId: keyId, Plaintext: plaintext, EncryptionContext: context }),
      );
      if (!out.CiphertextBlob) throw new Error('KMS Encrypt returned no ciphertext');
      return Buffer.from(out.CiphertextBlob);
    },
    async decrypt(ciphertext, context) {
      const out = await client.send(
        new DecryptCommand({ CiphertextBlob: ciphertext, EncryptionContext: context }),
      );
      if (!out.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
      return Buffer.from(out.Plaintext);
    },
  };
}
