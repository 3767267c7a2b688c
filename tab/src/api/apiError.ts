/** A refusal from the API: its status, its sentence, and the body field it is about (if any). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What to show a person for any failure, API refusal or network trouble. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Tandem could not be reached. Check your connection and try again.';
}

/** The message for one form field, when the API's refusal names it. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && error.field === field ? error.message : undefined;
}
