/**
 * Tables built on first use. The phrase indexes of the feeling, goal and journal matchers
 * cost several milliseconds to build; built at module load, every Lambda cold start paid
 * for them even when the message never reached a matcher (the crisis gate's phrases stay
 * eager: the gate reads every message first).
 */

/** `build`, run on the first call only; every later call returns that first result. */
export function once<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
