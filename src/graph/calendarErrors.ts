/**
 * GraphError → CalendarError: the use cases decide on `kind` (fall back to
 * manual scheduling, try later, tell an admin), and the message tells the
 * admin reading a log what to fix. GraphError messages are already free of
 * tokens and secrets (graphError.ts), and nothing else is added here.
 */
import { CalendarError } from '../services/ports';
import { GraphError } from './graphError';

/** What the call was doing, and the application permission it needs, for the message. */
export interface CalendarOperation {
  /** e.g. "read free/busy", "create the meeting". */
  action: string;
  permission: string;
}

export function calendarError(error: unknown, operation: CalendarOperation): CalendarError {
  if (error instanceof CalendarError) return error;
  if (!(error instanceof GraphError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new CalendarError('unavailable', `Could not ${operation.action}: ${message}`);
  }
  const status = error.status || undefined;
  const said = `${error.status || 'no answer'} ${error.code}: ${error.message}`;
  if (error.status === 403) {
    return new CalendarError(
      'forbidden',
      `Microsoft Graph refused to ${operation.action} (${said}). The app needs the ${operation.permission} application permission with admin consent, and no Exchange application access policy may leave this mailbox out.`,
      status,
    );
  }
  if (error.status === 401) {
    // Either the token endpoint refused the app's credentials, or Graph
    // refused a token even after a fresh one was fetched.
    return new CalendarError('forbidden', `Microsoft Graph did not accept the app's sign-in while trying to ${operation.action} (${said}).`, status);
  }
  if (error.status === 404) {
    const reason =
      error.code === 'MailboxNotEnabledForRESTAPI'
        ? 'the person has no Exchange Online mailbox'
        : 'the user, mailbox or event does not exist';
    return new CalendarError('not-found', `Could not ${operation.action}: ${reason} (${said}).`, status);
  }
  if (error.status === 429) {
    const wait = error.details.retryAfterSeconds === undefined ? '' : ` Graph asked to wait ${error.details.retryAfterSeconds} s.`;
    return new CalendarError('throttled', `Microsoft Graph is throttling requests to ${operation.action}, even after retries (${said}).${wait}`, status);
  }
  if (error.status === 0 || error.status >= 500) {
    const what = error.status === 0 ? 'could not be reached' : 'kept failing after retries';
    return new CalendarError('unavailable', `Microsoft Graph ${what} while trying to ${operation.action} (${said}). Try again later.`, status);
  }
  return new CalendarError('invalid', `Microsoft Graph rejected the request to ${operation.action} (${said}).`, status);
}
