/** Deleting a person left items behind: the delete must not be reported as done. */
export class DeleteIncompleteError extends Error {
  constructor(
    /** Items still stored after the delete. */
    readonly remaining: number,
    options?: { cause?: unknown },
  ) {
    super(`Delete incomplete: ${remaining} item(s) remain`, options);
    this.name = 'DeleteIncompleteError';
  }
}

/**
 * The turn's state was saved but some of its journal entries or profile changes were not
 * (only on a table without transactions, where they follow the state write).
 */
export class PartialCommitError extends Error {
  constructor(
    readonly version: number,
    options?: { cause?: unknown },
  ) {
    super('The turn state was saved, but not all of its other writes', options);
    this.name = 'PartialCommitError';
  }
}
