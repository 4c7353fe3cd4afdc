/**
 * The same words, said either way. A free-speech carrier writes its words one way ("I am" is
 * put back as "I'm", "I'll" as "I will", "gonna" as "going to", "no one" as "nobody"), so what
 * was said and what the core read are both folded to one spelling before they are compared.
 */
const SAME: ReadonlyArray<[RegExp, string]> = [
  [/\b(i'm|i am) feeling\b/g, 'i feel'],
  [/\bi've got\b/g, 'i have'],
  [/\bi'm\b/g, 'i am'],
  [/\bi've\b/g, 'i have'],
  [/\bi'll\b/g, 'i will'],
  [/\bi'd\b/g, 'i would'],
  [/\b(he|she)'ll\b/g, '$1 will'],
  [/\bit'd\b/g, 'it would'],
  [/\b(it|he|she|that|there)'s\b/g, '$1 is'],
  [/\b(they|you|we)'re\b/g, '$1 are'],
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\b(do|did|have|should)n't\b/g, '$1 not'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\beverybody\b/g, 'everyone'],
  [/\bsomebody\b/g, 'someone'],
  [/\bno one\b/g, 'nobody'],
  [/\bperhaps\b/g, 'maybe'],
  [/\b(yeah|yep)\b/g, 'yes'],
  [/\bcause\b/g, 'because'],
];

/** The words of a sentence, in order, lowercase, one spelling for each. */
export function sameWords(text: string): string {
  const spoken = text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return SAME.reduce((said, [form, same]) => said.replace(form, same), spoken);
}
