/**
 * The phone number of someone who asked to be texted first, sealed at field level
 * (docs/design.md, "Data"). Two vaults, one port (`ContactVault` in src/core/ports.ts):
 *
 * - locally, AES-256-GCM with a key generated once into DATA_DIR (`contact-key`, like the
 *   pepper), the user id as additional data, so a sealed number moved to another person's
 *   profile does not open;
 * - on AWS, KMS with the user id as encryption context: the SMS function may only Encrypt,
 *   and only the reminder function may Decrypt (cdk/check-in-stack.ts), so a leaked table or
 *   backup holds no readable number, and neither does the webhook's role.
 *
 * A sealed value says which vault made it ("v1.local." / "v1.kms."), so a value is never
 * opened with the wrong key by mistake.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { ContactVault } from '../core/ports.ts';
import type { KmsApi } from './kms-client.ts';

const LOCAL_PREFIX = 'v1.local.';
const KMS_PREFIX = 'v1.kms.';

/** A sealed value that this vault did not make, or that does not open for this person. */
export class ContactSealError extends Error {
  constructor(reason: string) {
    super(`sealed contact: ${reason}`);
    this.name = 'ContactSealError';
  }
}

/** AES-256-GCM with a 32-byte key (hex), the user id bound in as additional data. */
export function createLocalContactVault(keyHex: string): ContactVault {
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== 32) throw new ContactSealError('the local key must be 32 bytes of hex');
  return {
    async seal(userId, phone) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(userId, 'utf8'));
      const body = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${LOCAL_PREFIX}${Buffer.concat([iv, tag, body]).toString('base64')}`;
    },
    async open(userId, sealed) {
      if (!sealed.startsWith(LOCAL_PREFIX)) throw new ContactSealError('not made by the local vault');
      const raw = Buffer.from(sealed.slice(LOCAL_PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(userId, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      try {
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        throw new ContactSealError('does not open for this person');
      }
    },
  };
}

/** KMS Encrypt / Decrypt with EncryptionContext { userId }. */
export function createKmsContactVault(kms: KmsApi, keyId: string): ContactVault {
  return {
    async seal(userId, phone) {
      const blob = await kms.encrypt(keyId, Buffer.from(phone, 'utf8'), { userId });
      return `${KMS_PREFIX}${blob.toString('base64')}`;
    },
    async open(userId, sealed) {
      if (!sealed.startsWith(KMS_PREFIX)) throw new ContactSealError('not made by the KMS vault');
      const plain = await kms.decrypt(Buffer.from(sealed.slice(KMS_PREFIX.length), 'base64'), { userId });
      return plain.toString('utf8');
    },
  };
}
