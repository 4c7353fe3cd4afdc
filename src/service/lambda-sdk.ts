/**
 * The two parts of the Lambda SDK the phone-text relay uses, in a module of their own so the
 * relay can load them on the first text (a dynamic import of the package itself would keep
 * every command in the bundle; this keeps two).
 */
export { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
