/**
 * Where `npm start` listens: HOST (127.0.0.1 by default), except that with Alexa's
 * signature check off it never leaves this machine, whatever HOST says. Without the check
 * anyone who reaches the port could speak as any Alexa user and read their journal aloud.
 */
import { isLoopbackHost } from './config.ts';

export interface ListenHost {
  host: string;
  /** Said at start-up when HOST was not used, and why. */
  notice?: string;
}

export function chooseListenHost(configuredHost: string, alexaSignatureChecked: boolean): ListenHost {
  if (alexaSignatureChecked || isLoopbackHost(configuredHost)) return { host: configuredHost };
  return {
    host: '127.0.0.1',
    notice: `HOST=${configuredHost} is not used: with ALEXA_VERIFY_SIGNATURE=false the server listens on 127.0.0.1 only`,
  };
}

/** The host part of the URL to print: localhost for loopback and every-interface addresses. */
export function hostForUrl(host: string): string {
  if (isLoopbackHost(host) || host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
