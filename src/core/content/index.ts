/**
 * The content module: every word a person sees or hears, reviewable in one sitting.
 * check-in.ts (the check-in), service.ts (first contact, help, data rights, summary),
 * crisis.ts (the crisis reply, docs/safety.md), channels.ts (how to answer a list).
 */
export { channelWords } from './channels.ts';
export { checkIn } from './check-in.ts';
export { service } from './service.ts';
