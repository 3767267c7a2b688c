/**
 * Schemas for what card buttons send back. Everything arriving from a card is
 * untrusted: ids must be well-formed and values bounded before a use case sees them.
 */
import { z } from 'zod';
import { roles } from '../src/domain/roles';

const programId = z.string().uuid('This card refers to an unknown program.');

export const programAction = z.object({ programId });

export const chooseRoleAction = z.object({
  programId,
  role: z.enum(roles, { errorMap: () => ({ message: 'Please pick one of the roles offered.' }) }),
});

/** Answers are checked against the questionnaire later; here only their shape and size. */
const inputValue = z.union([z.string().max(10_000, 'An answer is far too long.'), z.number()]);

export const submitRegistrationAction = chooseRoleAction
  .extend({ revision: z.number().int().min(0, 'This form is damaged. Please start again with "register".') })
  .catchall(inputValue).superRefine((data, ctx) => {
  if (Object.keys(data).length > 100) ctx.addIssue({ code: 'custom', message: 'This form has too many fields.' });
});

/** The first problem in words a person can act on. */
export function describeProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'This card sent something we could not read.';
}
