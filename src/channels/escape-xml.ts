/**
 * Escapes text for XML (TwiML and SSML alike): the person's words, and ours, may hold
 * &, <, > or quotes.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
