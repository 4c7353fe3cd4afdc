/**
 * The environment contract between the CDK stack (`cdk/`) and the Lambda
 * composition roots (`lambda/`). Both sides import these names so a rename
 * cannot drift.
 *
 * No secret value is ever placed in an environment variable: secrets are
 * passed as Secrets Manager ARNs and read at run time with
 * `createSecretReader` (src/config/secrets.ts).
 */

/** DynamoDB table name (both functions). */
export const TABLE_NAME = 'TABLE_NAME';

/**
 * Public base URL of the SMS webhook, without a trailing slash (SMS function).
 * Twilio signs the exact URL it calls, so the function validates signatures
 * against `${PUBLIC_URL}/sms`.
 */
export const PUBLIC_URL = 'PUBLIC_URL';

/** The Alexa skill id the function accepts requests for (Alexa function). */
export const ALEXA_SKILL_ID = 'ALEXA_SKILL_ID';

/** ARN of the Secrets Manager secret holding the Twilio auth token (SMS function). */
export const TWILIO_AUTH_TOKEN_SECRET_ARN = 'TWILIO_AUTH_TOKEN_SECRET_ARN';

/** ARN of the Secrets Manager secret holding the identity pepper for HMAC user ids (both functions). */
export const ID_PEPPER_SECRET_ARN = 'ID_PEPPER_SECRET_ARN';

/**
 * Id (ARN) of the KMS key that seals reminder phone numbers (SMS function: Encrypt only;
 * reminders function: Decrypt only), with the user id as encryption context.
 */
export const CONTACT_KEY_ID = 'CONTACT_KMS_ARN';

/**
 * ARN of the secret for sending reminders (reminders function): JSON
 * `{"accountSid":"AC...","messagingServiceSid":"MG...","apiKeySid":"SK...","apiKeySecret":"..."}`;
 * without the API key, the Twilio auth token secret is used.
 */
export const TWILIO_SENDER_SECRET_ARN = 'TWILIO_SENDER_SECRET_ARN';

/**
 * Name of the function that texts a linked phone for the Alexa function (the reminders
 * function, the only one that may decrypt a number): src/service/phone-text-relay.ts.
 */
export const PHONE_TEXT_FUNCTION_NAME = 'PHONE_TEXT_FUNCTION_NAME';

/** Path the SMS webhook is served on, appended to PUBLIC_URL for signature validation. */
export const SMS_PATH = '/sms';

/**
 * Placeholder values for every variable above, shaped like the real ones, for
 * loading a bundle outside Lambda (bundle tests, cold-start benchmark). None
 * is a secret; the ARNs point nowhere.
 */
export const PLACEHOLDER_LAMBDA_ENV: Readonly<Record<string, string>> = {
  [TABLE_NAME]: 'my-check-in-placeholder',
  [PUBLIC_URL]: 'https://placeholder.execute-api.us-east-1.amazonaws.com',
  [ALEXA_SKILL_ID]: 'amzn1.ask.skill.placeholder',
  [TWILIO_AUTH_TOKEN_SECRET_ARN]:
    'arn:aws:secretsmanager:us-east-1:000000000000:secret:MyCheckIn/twilio-auth-token-AbCdEf',
  [ID_PEPPER_SECRET_ARN]: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:MyCheckIn/id-pepper-AbCdEf',
  [CONTACT_KEY_ID]: 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  [TWILIO_SENDER_SECRET_ARN]:
    'arn:aws:secretsmanager:us-east-1:000000000000:secret:MyCheckIn/twilio-sender-AbCdEf',
  [PHONE_TEXT_FUNCTION_NAME]: 'my-check-in-placeholder-reminders',
};
