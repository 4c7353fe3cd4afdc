/**
 * Required literals of a regular expression: a set of strings at least one of which must
 * appear in any text the expression matches. The lexicon checks them with `includes` before
 * running a phrase, so an ordinary message runs a few dozen of its patterns, not all of them,
 * and V8 compiles a pattern only once a message could match it (the first check in a fresh
 * process stays cheap).
 *
 * Covers the subset the lexicon is written in: literals, escapes, classes, groups (capturing,
 * non-capturing, lookaround), alternation and quantifiers. Anything it cannot read answers
 * `null` ("always run"), never a wrong set: skipping a phrase that could match would be a miss.
 */

/** Exact sets and products larger than this are summarised by their required part. */
const MAX_SET = 48;

interface Info {
  /** Every string the node can match, when that set is small; null otherwise. */
  exact: Set<string> | null;
  /** Strings one of which every match contains; null when nothing is known to be required. */
  required: Set<string> | null;
  /** For a sequence: every such set found along it (all of them are required). */
  all?: Set<string>[];
}

const EMPTY: Info = { exact: new Set(['']), required: null };
const ANY: Info = { exact: null, required: null };

/** The required part of a node: its exact set when that can't be empty, else what it requires. */
function requiredOf(info: Info): Set<string> | null {
  if (info.exact) return info.exact.has('') ? null : info.exact;
  return info.required;
}

/**
 * The set that rules out the most text: roughly, fewer strings and longer ones (a string of
 * six letters or more is about as rare as it gets in a short message).
 */
function better(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  return cost(a) <= cost(b) ? a : b;
}

const cost = (s: Set<string>) => s.size / 2 ** Math.min(6, ...[...s].map((x) => x.length));

function product(a: Set<string>, b: Set<string>): Set<string> | null {
  if (a.size * b.size > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function sequence(items: readonly Info[]): Info {
  let running: Set<string> | null = new Set(['']);
  let required: Set<string> | null = null;
  let whole = true;
  const all: Set<string>[] = [];
  const note = (set: Set<string> | null) => {
    if (set && !set.has('')) all.push(set);
    required = better(required, set && !set.has('') ? set : null);
  };
  const flush = () => note(running);
  for (const item of items) {
    const next: Set<string> | null = running && item.exact ? product(running, item.exact) : null;
    if (next) {
      running = next;
      continue;
    }
    flush();
    whole = false;
    note(requiredOf(item));
    running = item.exact ? new Set(item.exact) : new Set(['']);
  }
  if (whole && running) return { exact: running, required: null };
  flush();
  return { exact: null, required, all };
}

function alternation(branches: readonly Info[]): Info {
  if (branches.length === 1) return branches[0] as Info;
  let exact: Set<string> | null = new Set();
  let required: Set<string> | null = new Set();
  for (const branch of branches) {
    if (exact && branch.exact && exact.size + branch.exact.size <= MAX_SET)
      for (const s of branch.exact) exact.add(s);
    else exact = null;
    const r = requiredOf(branch);
    if (required && r) for (const s of r) required.add(s);
    else required = null;
  }
  return { exact, required };
}

class Parser {
  private at = 0;
  constructor(private readonly src: string) {}

  parse(): Info {
    const info = this.alternatives();
    if (this.at !== this.src.length) throw new Error('unbalanced');
    return info;
  }

  private alternatives(): Info {
    const branches = [this.sequence()];
    while (this.src[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    return alternation(branches);
  }

  private sequence(): Info {
    const items: Info[] = [];
    while (this.at < this.src.length && this.src[this.at] !== '|' && this.src[this.at] !== ')') {
      items.push(this.quantified(this.atom()));
    }
    return sequence(items);
  }

  private atom(): Info {
    const c = this.src[this.at++] as string;
    if (c === '(') return this.group();
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') return EMPTY;
    if (c === '.') return ANY;
    // A run of plain letters is one atom (the last letter stays alone when a quantifier follows).
    let end = this.at;
    while (end < this.src.length && /[\p{L}\p{N} #]/u.test(this.src[end] as string)) end++;
    if (end < this.src.length && '?*+{'.includes(this.src[end] as string)) end--;
    const run = c + this.src.slice(this.at, Math.max(this.at, end));
    this.at = Math.max(this.at, end);
    return { exact: new Set([run]), required: null };
  }

  private group(): Info {
    let lookaround = false;
    if (this.src.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.src.slice(this.at, this.at + 3))) {
      lookaround = true;
      this.at += this.src[this.at + 1] === '<' ? 3 : 2;
    } else if (this.src[this.at] === '?') throw new Error('unsupported group');
    const inner = this.alternatives();
    if (this.src[this.at++] !== ')') throw new Error('unbalanced');
    return lookaround ? EMPTY : inner;
  }

  private charClass(): Info {
    while (this.at < this.src.length && this.src[this.at] !== ']') {
      if (this.src[this.at] === '\\') this.at++;
      this.at++;
    }
    this.at++;
    return ANY;
  }

  private escape(): Info {
    const c = this.src[this.at++] as string;
    if (c === 'b' || c === 'B') return EMPTY;
    if (/[dDwWsSpPu]/.test(c)) {
      if ((c === 'p' || c === 'P' || c === 'u') && this.src[this.at] === '{') {
        this.at = this.src.indexOf('}', this.at) + 1;
      }
      return ANY;
    }
    if (/[0-9nrtfvkx]/.test(c)) throw new Error('unsupported escape');
    return { exact: new Set([c]), required: null };
  }

  private quantified(info: Info): Info {
    const c = this.src[this.at];
    let min: number;
    if (c === '?' || c === '*' || c === '+') {
      this.at++;
      min = c === '+' ? 1 : 0;
      if (c === '?') {
        if (this.src[this.at] === '?') this.at++;
        const exact = info.exact && info.exact.size < MAX_SET ? new Set([...info.exact, '']) : null;
        return { exact, required: null };
      }
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.at))) {
      const close = this.src.indexOf('}', this.at);
      min = Number(this.src.slice(this.at + 1, close).split(',')[0]);
      this.at = close + 1;
    } else {
      return info;
    }
    if (this.src[this.at] === '?') this.at++;
    return min === 0 ? EMPTY_OR_ANY : { exact: null, required: requiredOf(info) };
  }
}

const EMPTY_OR_ANY: Info = { exact: null, required: null };

/**
 * How many required sets a phrase is gated on: each rules out more text, each costs a check
 * (a few `includes` per message), while a phrase that runs costs a RegExp compiled on the
 * first message of a process (1 to 10 ms for the long ones). Six distinct sets keep, for
 * example, "walked home" from running the phrase about stepping off a bridge or a roof.
 */
const MAX_GATES = 6;

/**
 * Sets of strings that any match of `source` contains: one string of every set (an AND of
 * ORs), or null when none can be named (the caller then always runs the pattern). Written
 * for case-sensitive patterns on folded text.
 *
 * Spaces are taken out (`despace`): the lexicon makes every space optional, so "kil myself"
 * and "kilmyself" are one literal, checked against the message with its spaces taken out too.
 */
export function requiredLiterals(source: string): string[][] | null {
  let info: Info;
  try {
    info = new Parser(source).parse();
  } catch {
    return null;
  }
  const top = requiredOf(info);
  const candidates = info.all && info.all.length > 0 ? info.all : top ? [top] : [];
  const seen = new Set<string>();
  const gates = candidates
    .map(minimal)
    .filter((set): set is string[] => set !== null)
    // The same set twice ("of" ... "of") rules out nothing more.
    .filter((set) => {
      const key = [...set].sort().join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => cost(new Set(a)) - cost(new Set(b)))
    .slice(0, MAX_GATES);
  return gates.length > 0 ? gates : null;
}

/** Despaced, without strings that contain another (the shorter is present whenever they are). */
function minimal(set: Set<string>): string[] | null {
  const despaced = [...new Set([...set].map(despace))];
  if (despaced.some((s) => s === '')) return null;
  return despaced.filter((s) => !despaced.some((t) => t !== s && s.includes(t)));
}

/** The text as `requiredLiterals` checks it: spaces taken out. */
export const despace = (text: string): string => text.replace(/ /g, '');
