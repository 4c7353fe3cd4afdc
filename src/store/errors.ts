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
