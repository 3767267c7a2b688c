/** Sentences more than one route says. */
export const NO_OPEN_PROGRAM =
  'There is no mentoring program open for registration right now. Your program admin will let you know when one opens.';

export const PROGRAM_UNAVAILABLE =
  'This program is no longer open for registration. Type "register" to see what is open now.';

export const NOT_REGISTERED = (programName: string) =>
  `You are not registered for ${programName} yet. Type "register" to sign up; it takes about two minutes.`;
