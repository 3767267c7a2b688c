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
const inputValue = z
  .custom<string | number>((v) => typeof v === 'string' || typeof v === 'number', 'An answer on this form could not be read.')
  .refine((v) => typeof v !== 'string' || v.length <= 10_000, 'An answer is far too long.');

const DAMAGED = 'This form is damaged. Please start again with "register".';

export const submitRegistrationAction = chooseRoleAction
  .extend({ revision: z.number({ required_error: DAMAGED, invalid_type_error: DAMAGED }).int(DAMAGED).min(0, DAMAGED) })
  .catchall(inputValue)
  .superRefine((data, ctx) => {
    if (Object.keys(data).length > 100) ctx.addIssue({ code: 'custom', message: 'This form has too many fields.' });
  });

const DAMAGED_CARD = 'This card is damaged. Type "my matches" to see where things stand.';
const uuid = z.string({ required_error: DAMAGED_CARD }).uuid(DAMAGED_CARD);
const note = z
  .string()
  .max(500, 'Please keep the note under 500 characters.')
  .optional()
  .transform((v) => v?.trim() || null);

export const proposalAction = z.object({ proposalId: uuid });
export const declineAction = proposalAction.extend({ declineReason: note });
export const mentorRequestAction = z.object({ programId, mentorPersonId: uuid });
export const relationshipAction = z.object({ relationshipId: uuid });
export const endRelationshipAction = relationshipAction.extend({
  endReason: note,
  // Input.Toggle sends its value as text; a mentor's card has no toggle.
  rematch: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
});

/** The first problem in words a person can act on. */
export function describeProblem(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'This card sent something we could not read.';
}
