/**
 * What scheduling cards send back. Ids must be well-formed before a use case
 * sees them; the date and time are only shaped here and judged (past, DST
 * gap) by the use case, which answers on the card.
 */
import { z } from 'zod';

const DAMAGED = 'This card is damaged. Type "schedule" to see your sessions.';
const uuid = z.string({ required_error: DAMAGED, invalid_type_error: DAMAGED }).uuid(DAMAGED);
// Cards built without the optional id send nothing; an empty string counts as nothing too.
const optionalUuid = z
  .union([z.literal(''), uuid])
  .optional()
  .transform((v) => v || undefined);

export const bookSlotAction = z.object({
  offerId: uuid,
  startsAt: z
    .string({ required_error: DAMAGED })
    .datetime({ offset: true, message: DAMAGED })
    .transform((v) => new Date(v)),
});

export const relationshipAction = z.object({ relationshipId: uuid, replacesSessionId: optionalUuid });

export const sessionAction = z.object({ sessionId: uuid, replacesSessionId: optionalUuid });

/** Input.Date sends YYYY-MM-DD and Input.Time HH:MM (some clients add seconds); anything else is a clear error on the card. */
export const proposeTimeAction = relationshipAction.extend({
  date: z.string().max(40).optional().default(''),
  time: z
    .string()
    .max(40)
    .optional()
    .default('')
    .transform((v) => (/^\d{2}:\d{2}:\d{2}$/.test(v) ? v.slice(0, 5) : v)),
});
