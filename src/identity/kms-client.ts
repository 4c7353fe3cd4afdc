/**
 * The two KMS calls the contact vault makes (Encrypt, Decrypt), as signed JSON requests.
 *
 * Why not @aws-sdk/client-kms: it is not in this project's lock file yet, and adding a
 * package is a decision for the maintainers (see docs/operations.md, "Reminders"). This is
 * the same wire call the SDK makes (AWS JSON 1.1, SigV4 with the SDK's own signer and
 * credential chain); swapping in `KMSClient` is a change to this file only.
 */
import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';

export interface KmsApi {
  encrypt(keyId: string, plaintext: Buffer, context: Record<string, string>): Promise<Buffer>;
  decrypt(ciphertext: Buffer, context: Record<string, string>): Promise<Buffer>;
}

/** SHA-256 and HMAC-SHA256 from node:crypto, in the shape the signer wants. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

class Sha256 {
  #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  readonly #secret: Buffer | undefined;
  constructor(secret?: Data) {
    this.#secret = secret === undefined ? undefined : bytes(secret);
    this.#hash = this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
  }
  update(data: Data): void {
    this.#hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
  reset(): void {
    this.#hash = this.#secret === undefined ? createHash('sha256') : createHmac('sha256', this.#secret);
  }
}

export interface KmsClientOptions {
  region: string;
  /** Default: https://kms.<region>.amazonaws.com. */
  endpoint?: string;
  /** Per call. */
  timeoutMs?: number;
}

/** A KMS error by its AWS name (AccessDeniedException, InvalidCiphertextException...). */
export class KmsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`KMS ${code} (${status})`);
    this.name = 'KmsError';
  }
}

export function createKmsClient(options: KmsClientOptions): KmsApi {
  const endpoint = new URL(options.endpoint ?? `https://kms.${options.region}.amazonaws.com/`);
  const signer = new SignatureV4({
    service: 'kms',
    region: options.region,
    credentials: defaultProvider(),
    sha256: Sha256,
  });
  const call = async (target: string, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const payload = JSON.stringify(body);
    const signed = await signer.sign({
      method: 'POST',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      ...(endpoint.port ? { port: Number(endpoint.port) } : {}),
      path: endpoint.pathname,
      query: {},
      headers: {
        host: endpoint.host,
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `TrentService.${target}`,
      },
      body: payload,
    });
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: signed.headers as Record<string, string>,
      body: payload,
      signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
    });
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const type =
        String(json.__type ?? 'UnknownError')
          .split('#')
          .at(-1) ?? 'UnknownError';
      throw new KmsError(type, response.status);
    }
    return json;
  };
  return {
    async encrypt(keyId, plaintext, context) {
      const out = await call('Encrypt', {
        KeyId: keyId,
        Plaintext: plaintext.toString('base64'),
        EncryptionContext: context,
      });
      return Buffer.from(String(out.CiphertextBlob ?? ''), 'base64');
    },
    async decrypt(ciphertext, context) {
      const out = await call('Decrypt', {
        CiphertextBlob: ciphertext.toString('base64'),
        EncryptionContext: context,
      });
      return Buffer.from(String(out.Plaintext ?? ''), 'base64');
    },
  };
}
