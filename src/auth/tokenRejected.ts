/**
 * A token that does not prove who the caller is. The reason is written for
 * the person (or developer) who sent it and never contains the token.
 */
export class TokenRejected extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejected';
  }
}
