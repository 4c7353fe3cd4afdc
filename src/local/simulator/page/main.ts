/**
 * The simulator page (served at GET / by src/local/simulator): a phone, an Echo and a side
 * panel, talking to this server's /simulator routes, which pass every word to the real SMS
 * webhook and Alexa skill. No framework: a few DOM helpers. Words are only ever put on the
 * page as text (textContent), never as HTML.
 */
import { type Speech, speechOf } from './speech.ts';

interface PersonRef {
  id: string;
  phone: string;
}

interface JournalEntry {
  id: string;
  at: string;
  kind: string;
  channel: string;
  [field: string]: unknown;
}

interface JournalView {
  entries: JournalEntry[];
  linked: boolean;
  itemsStored: number;
}

interface OutboxText {
  to: string;
  time: string;
  text: string;
}

const PERSON_KEY = 'my-check-in-simulator-person';
/** How often the page looks for texts the service sent first (reminders, caring texts). */
const POLL_MS = 5000;

const $ = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing`);
  return element as T;
};

const ui = {
  phoneNumber: $('phone-number'),
  thread: $<HTMLOListElement>('thread'),
  quickReplies: $('quick-replies'),
  phoneForm: $<HTMLFormElement>('phone-form'),
  phoneInput: $<HTMLInputElement>('phone-input'),
  ring: $('ring'),
  echoStatus: $('echo-status'),
  echoHeard: $('echo-heard'),
  echoSpeech: $('echo-speech'),
  echoForm: $<HTMLFormElement>('echo-form'),
  echoInput: $<HTMLInputElement>('echo-input'),
  echoMic: $<HTMLButtonElement>('echo-mic'),
  echoVoice: $<HTMLInputElement>('echo-voice'),
  newPerson: $<HTMLButtonElement>('new-person'),
  deleteData: $<HTMLButtonElement>('delete-data'),
  plusDay: $<HTMLButtonElement>('plus-day'),
  clockNow: $('clock-now'),
  linkFromEcho: $<HTMLButtonElement>('link-from-echo'),
  linkFromPhone: $<HTMLButtonElement>('link-from-phone'),
  linkStatus: $('link-status'),
  share: $('share'),
  shareLink: $<HTMLAnchorElement>('share-link'),
  journalSummary: $('journal-summary'),
  journalBody: $<HTMLTableElement>('journal').tBodies[0] as HTMLTableSectionElement,
  outbox: $<HTMLOListElement>('outbox'),
};

let person: PersonRef | undefined;
/** How many of the person's sent-first texts are already in the thread. */
let inboxShown = 0;

// ---------------------------------------------------------------- talking to the server

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: method === 'POST' ? { 'content-type': 'application/json' } : {},
    ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  if (res.status === 404 && path.startsWith('/simulator/people/')) throw new UnknownPerson();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status}`);
  return (await res.json()) as T;
}

class UnknownPerson extends Error {}

/** Runs a person's request; a server restarted since (people are kept in memory) starts afresh. */
async function asPerson<T>(run: (p: PersonRef) => Promise<T>): Promise<T> {
  if (!person) await startNewPerson();
  try {
    return await run(person as PersonRef);
  } catch (error) {
    if (!(error instanceof UnknownPerson)) throw error;
    await startNewPerson();
    return run(person as PersonRef);
  }
}

async function startNewPerson(): Promise<void> {
  person = await call<PersonRef>('POST', '/simulator/people');
  sessionStorage.setItem(PERSON_KEY, JSON.stringify(person));
  inboxShown = 0;
  ui.thread.replaceChildren();
  ui.quickReplies.replaceChildren();
  ui.echoHeard.textContent = '';
  ui.echoSpeech.textContent = '';
  ui.echoStatus.textContent = 'Say “open my check in” to start.';
  ui.share.hidden = true;
  stopSpeaking();
  ui.phoneNumber.textContent = person.phone;
  await refreshJournal();
}

// ---------------------------------------------------------------- the phone

/** Puts a text in the thread, links clickable (a SHARE or EXPORT link, say). */
function addBubble(text: string, from: 'me' | 'them', sentFirst = false): void {
  const item = document.createElement('li');
  item.className = `bubble ${from}${sentFirst ? ' first' : ''}`;
  const who = document.createElement('span');
  who.className = sentFirst ? 'tag' : 'visually-hidden';
  who.textContent = from === 'me' ? 'You: ' : sentFirst ? 'Sent to you first: ' : 'my check in: ';
  item.append(who);
  for (const piece of text.split(/(https?:\/\/[^\s]+)/)) {
    if (/^https?:\/\//.test(piece)) {
      const url = piece.replace(/[.,)]+$/, '');
      const link = document.createElement('a');
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      link.textContent = url;
      item.append(link, piece.slice(url.length));
      noticeLink(url);
    } else {
      item.append(piece);
    }
  }
  ui.thread.append(item);
  item.scrollIntoView({ block: 'end', behavior: reducedMotion() ? 'auto' : 'smooth' });
}

/** The share page of issue 15: the side panel shows the last share link a text gave. */
function noticeLink(url: string): void {
  if (!/\/share\b/i.test(url)) return;
  ui.shareLink.href = url;
  ui.share.hidden = false;
}

/**
 * Quick replies for what the last text offers: its numbered choices ("1) a kind word")
 * and the one-word answers it names in capitals ("reply SKIP", "Reply YES").
 */
function offerQuickReplies(texts: readonly string[]): void {
  ui.quickReplies.replaceChildren();
  const last = texts.join('\n');
  const replies: Array<{ send: string; label: string }> = [];
  for (const match of last.matchAll(/^(\d)\) (.+)$/gm)) {
    replies.push({ send: match[1] ?? '', label: `${match[1]} · ${match[2]}` });
  }
  // The one-word answers of the conversation, not HELP or STOP (always there, always typed).
  for (const match of last.matchAll(/\b(?:[Rr]eply|or) (YES|NO|SKIP)\b/g)) {
    const word = match[1] ?? '';
    if (!replies.some((r) => r.send === word)) replies.push({ send: word, label: word });
  }
  for (const reply of replies) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = reply.label;
    button.setAttribute('aria-label', `Reply ${reply.label.replace(' · ', ': ')}`);
    button.addEventListener('click', () => {
      void sendText(reply.send);
    });
    ui.quickReplies.append(button);
  }
}

async function sendText(words: string): Promise<string[]> {
  addBubble(words, 'me');
  ui.quickReplies.replaceChildren();
  try {
    const { texts } = await asPerson((p) =>
      call<{ texts: string[] }>('POST', `/simulator/people/${p.id}/sms`, { text: words }),
    );
    for (const text of texts) addBubble(text, 'them');
    offerQuickReplies(texts);
    void refreshJournal();
    return texts;
  } catch {
    addBubble('(The local server did not answer. Is npm start still running?)', 'them');
    return [];
  }
}

// ---------------------------------------------------------------- the Echo

let speaking = 0;
/** Replies shown so far (tests wait on it: two replies can have the same words). */
let echoTurns = 0;

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function stopSpeaking(): void {
  speaking++;
  if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  ui.ring.classList.remove('speaking');
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One run of words; resolves when spoken (or, if the browser never says, after a while). */
function speakPart(words: string): Promise<void> {
  return new Promise((resolve) => {
    const utterance = new SpeechSynthesisUtterance(words);
    utterance.lang = 'en-US';
    const giveUp = setTimeout(resolve, 1500 + words.split(' ').length * 500);
    const done = () => {
      clearTimeout(giveUp);
      resolve();
    };
    utterance.onend = done;
    utterance.onerror = done;
    window.speechSynthesis.speak(utterance);
  });
}

/** The reply aloud, its pauses kept, the ring lit while it speaks. */
async function speak(speech: Speech, then: string): Promise<void> {
  stopSpeaking();
  const turn = speaking;
  if (!ui.echoVoice.checked || !('speechSynthesis' in window)) return;
  ui.ring.classList.add('speaking');
  ui.echoStatus.textContent = 'Alexa is speaking…';
  for (const part of speech.parts) {
    if (turn !== speaking) return;
    if (part.say) await speakPart(part.say);
    if (turn !== speaking) return;
    if (part.pauseMs) await sleep(part.pauseMs);
  }
  if (turn === speaking) {
    ui.ring.classList.remove('speaking');
    ui.echoStatus.textContent = then;
  }
}

async function sayToEcho(words: string): Promise<string> {
  ui.echoHeard.textContent = words;
  ui.echoStatus.textContent = 'Thinking…';
  try {
    const reply = await asPerson((p) =>
      call<{ ssml: string; open: boolean }>('POST', `/simulator/people/${p.id}/echo`, { text: words }),
    );
    const speech = speechOf(reply.ssml);
    ui.echoSpeech.textContent = speech.text;
    echoTurns++;
    ui.echoSpeech.dataset.turn = String(echoTurns);
    const then = reply.open ? 'Your turn.' : 'The skill has closed. Say “open my check in” to start again.';
    ui.echoStatus.textContent = then;
    void speak(speech, then);
    void refreshJournal();
    void pollInbox();
    return speech.text;
  } catch {
    ui.echoStatus.textContent = 'The local server did not answer. Is npm start still running?';
    return '';
  }
}

/** Speaking to the Echo, where the browser can hear (the Web Speech API). */
function offerMicrophone(): void {
  const Recognition =
    (window as unknown as { SpeechRecognition?: new () => SpeechRecognitionLike }).SpeechRecognition ??
    (window as unknown as { webkitSpeechRecognition?: new () => SpeechRecognitionLike })
      .webkitSpeechRecognition;
  if (!Recognition) return;
  ui.echoMic.hidden = false;
  ui.echoMic.addEventListener('click', () => {
    const recognition = new Recognition();
    recognition.lang = 'en-US';
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    stopSpeaking();
    ui.ring.classList.add('listening');
    ui.echoMic.setAttribute('aria-pressed', 'true');
    ui.echoStatus.textContent = 'Listening…';
    recognition.onresult = (event) => {
      const heard = event.results[0]?.[0]?.transcript ?? '';
      if (heard) void sayToEcho(heard);
    };
    recognition.onend = () => {
      ui.ring.classList.remove('listening');
      ui.echoMic.setAttribute('aria-pressed', 'false');
    };
    recognition.start();
  });
}

interface SpeechRecognitionLike {
  lang: string;
  interimResults: boolean;
  maxAlternatives: number;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onend: (() => void) | null;
  start(): void;
}

// ---------------------------------------------------------------- the side panel

const WHERE: Record<string, string> = { sms: 'phone', alexa: 'Echo', chat: 'terminal' };

/** One stored entry in a few words: the fields it has, as the export stores them. */
function describe(entry: JournalEntry): string {
  const goal = entry.goal as { text?: string; catalogueId?: string } | undefined;
  const fields: Array<[string, unknown]> = [
    ['feeling', entry.word],
    ['family', entry.family],
    ['intensity', entry.intensity],
    ['tool', entry.tool],
    ['goal', goal?.text ?? goal?.catalogueId],
    ['outcome', entry.outcome],
    ['trigger', entry.trigger],
    ['tried', entry.tried],
    ['helped', entry.helped],
    ['terms', entry.terms],
  ];
  return fields
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join('; ');
}

/** The journal is asked for after every turn; answers can come back out of order. */
let journalAsks = 0;
let journalShown = 0;

async function refreshJournal(): Promise<void> {
  if (!person) return;
  const asked = person.id;
  const ask = ++journalAsks;
  let view: JournalView;
  try {
    view = await asPerson((p) => call<JournalView>('GET', `/simulator/people/${p.id}/journal`));
  } catch {
    return;
  }
  // A slow answer is not shown over a newer one, nor one about the person before "new person".
  if (person?.id !== asked || ask < journalShown) return;
  journalShown = ask;
  const rows: HTMLTableRowElement[] = [];
  let day = '';
  for (const entry of view.entries) {
    const when = new Date(entry.at);
    const thisDay = when.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
    if (thisDay !== day) {
      day = thisDay;
      const dayRow = document.createElement('tr');
      dayRow.className = 'day';
      const cell = document.createElement('th');
      cell.scope = 'colgroup';
      cell.colSpan = 4;
      cell.textContent = thisDay;
      dayRow.append(cell);
      rows.push(dayRow);
    }
    const row = document.createElement('tr');
    for (const text of [
      when.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' }),
      WHERE[entry.channel] ?? entry.channel,
      entry.kind,
      describe(entry),
    ]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    rows.push(row);
  }
  ui.journalBody.replaceChildren(...rows);
  ui.journalSummary.textContent =
    view.itemsStored === 0
      ? 'Nothing stored for this person: 0 items in the table.'
      : `${view.entries.length} journal ${view.entries.length === 1 ? 'entry' : 'entries'}, ${view.itemsStored} items stored in all.`;
  ui.linkStatus.textContent = view.linked
    ? 'Linked: the phone and the Echo keep one journal.'
    : 'Not linked.';
}

async function refreshOutbox(): Promise<void> {
  let texts: OutboxText[];
  try {
    texts = await call<OutboxText[]>('GET', '/outbox');
  } catch {
    return;
  }
  ui.outbox.replaceChildren(
    ...texts
      .slice()
      .reverse()
      .map((sent) => {
        const item = document.createElement('li');
        const time = document.createElement('time');
        time.dateTime = sent.time;
        time.textContent = `${new Date(sent.time).toLocaleString()} to ${sent.to}`;
        item.append(time, sent.text);
        return item;
      }),
  );
  if (texts.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'Nothing sent yet.';
    ui.outbox.append(empty);
  }
}

/** Texts the service sent first to this person's phone join its thread. */
async function pollInbox(): Promise<void> {
  if (!person) return;
  const asked = person.id;
  try {
    const { texts } = await asPerson((p) =>
      call<{ texts: Array<{ time: string; text: string }> }>('GET', `/simulator/people/${p.id}/inbox`),
    );
    if (person?.id !== asked) return;
    const fresh = texts.slice(inboxShown);
    inboxShown = texts.length;
    for (const sent of fresh) addBubble(sent.text, 'them', true);
    if (fresh.length > 0) offerQuickReplies(fresh.map((t) => t.text));
  } catch {
    // The next poll tries again.
  }
  await refreshOutbox();
}

async function plusOneDay(): Promise<void> {
  const res = await fetch('/dev/clock', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'days=1',
  });
  if (!res.ok) {
    ui.clockNow.textContent = 'The clock did not move.';
    return;
  }
  const { now, sent } = (await res.json()) as { now: string; sent: number };
  ui.clockNow.textContent = `Now ${new Date(now).toLocaleString()} on the development clock; ${sent} ${sent === 1 ? 'text' : 'texts'} sent.`;
  await pollInbox();
  await refreshJournal();
}

// ---------------------------------------------------------------- linking

const codeIn = (words: string): string | undefined => {
  const spoken = /code:? ((?:\d[, ]+){5}\d)/.exec(words)?.[1];
  const texted = /code is (\d{6})/.exec(words)?.[1];
  return spoken?.replace(/\D/g, '') ?? texted;
};

/** The Echo says a code ("link my phone"); the phone texts it back (LINK 123456). */
async function linkFromEcho(): Promise<void> {
  ui.linkStatus.textContent = 'Asking the Echo for a code…';
  await sayToEcho('open my check in');
  const code = codeIn(await sayToEcho('link my phone'));
  if (!code) {
    ui.linkStatus.textContent = 'The Echo gave no code; see what it said.';
    return;
  }
  await sendText(`LINK ${code}`);
  await refreshJournal();
}

/** The phone gets a code (LINK); the person says it to the Echo. */
async function linkFromPhone(): Promise<void> {
  ui.linkStatus.textContent = 'Asking the phone for a code…';
  const code = codeIn((await sendText('LINK')).join('\n'));
  if (!code) {
    ui.linkStatus.textContent = 'The phone got no code; see the thread.';
    return;
  }
  await sayToEcho('open my check in');
  await sayToEcho(`my code is ${code}`);
  await refreshJournal();
}

// ---------------------------------------------------------------- wiring

/** A button does one thing at a time. */
function onClick(button: HTMLButtonElement, run: () => Promise<unknown>): void {
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await run();
    } finally {
      button.disabled = false;
    }
  });
}

ui.phoneForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const words = ui.phoneInput.value.trim();
  if (!words) return;
  ui.phoneInput.value = '';
  void sendText(words);
});
ui.echoForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const words = ui.echoInput.value.trim();
  if (!words) return;
  ui.echoInput.value = '';
  void sayToEcho(words);
});
ui.echoVoice.addEventListener('change', () => {
  if (!ui.echoVoice.checked) stopSpeaking();
});
onClick(ui.newPerson, startNewPerson);
onClick(ui.deleteData, () => sendText('DELETE'));
onClick(ui.plusDay, plusOneDay);
onClick(ui.linkFromEcho, linkFromEcho);
onClick(ui.linkFromPhone, linkFromPhone);
offerMicrophone();

async function start(): Promise<void> {
  const kept = sessionStorage.getItem(PERSON_KEY);
  if (kept) {
    person = JSON.parse(kept) as PersonRef;
    ui.phoneNumber.textContent = person.phone;
    await refreshJournal();
  } else {
    await startNewPerson();
  }
  await pollInbox();
  setInterval(() => void pollInbox(), POLL_MS);
  document.body.dataset.ready = 'true';
}

void start();
